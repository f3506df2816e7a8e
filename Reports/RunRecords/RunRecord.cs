using Shinkin.Settings;

namespace Shinkin.Reports.RunRecords;

/// <summary>Outcome of a scenario or step, mapped to the report's OK/NG/保留/対象外.</summary>
public enum Outcome
{
    Passed,
    Failed,
    /// <summary>Undefined or pending step (保留).</summary>
    Pending,
    /// <summary>Declared not applicable with a reason, e.g. "Windows only" (対象外).</summary>
    Skipped,

    /// <summary>Failed, then passed when the run retried it (再実行で合格): a pass that must not read as a plain OK.</summary>
    PassedOnRetry,
}

/// <summary>Facts about the whole run, written once at start and completed at the end.</summary>
public sealed record RunInfo
{
    public required string RunId { get; init; }

    public required DateTimeOffset Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public required string Target { get; init; }

    public required string Engine { get; init; }

    public string BrowserVersion { get; init; } = "";

    public string OperatingSystem { get; init; } = "";

    public string Filter { get; init; } = "";

    /// <summary>"1/1" or the shard ("2/4") this record came from.</summary>
    public string Shard { get; init; } = "1/1";

    /// <summary>For a merged record: the shards it was merged from ("2/4 (run folder name)"); empty otherwise.</summary>
    public IReadOnlyList<string> MergedFrom { get; init; } = [];

    /// <summary>How controls were found: "labels" (the manual's words) or "testids".</summary>
    public string Locators { get; init; } = "";

    /// <summary>The target profile the run was driven by, when one was given.</summary>
    public string? TargetProfile { get; init; }

    /// <summary>Every word of the UI catalogue the profile replaced: "key: manual → target".</summary>
    public IReadOnlyList<string> WordOverrides { get; init; } = [];

    /// <summary>Pool accounts the run used and the state it left them in.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>Everything the run was asked to do, as the command line resolved it (null in records made before it existed).</summary>
    public RunSettings? Settings { get; init; }

    /// <summary>Pool accounts to renew (used up, or leased by a run that never returned them).</summary>
    public IReadOnlyList<string> AccountsToRenew { get; init; } = [];

    /// <summary>
    /// Why the run stopped before every selected scenario ran (Ctrl+C, SIGTERM), written by the command line; null for a
    /// run that went to its end. Every report of such a run says it is partial.
    /// </summary>
    public string? Interruption { get; init; }

    /// <summary>How many scenarios the run selected, when known (beside the finished ones of a partial record).</summary>
    public int? PlannedScenarios { get; init; }
}

public sealed record StepRecord
{
    public required int Number { get; init; }

    /// <summary>Gherkin keyword as written in the feature ("前提", "もし", "ならば", "かつ").</summary>
    public required string Keyword { get; init; }

    public required string Text { get; init; }

    public required Outcome Outcome { get; init; }

    public TimeSpan Duration { get; init; }

    public string? Error { get; init; }

    public string? StackTrace { get; init; }

    /// <summary>Path of the step's screenshot, relative to the run folder.</summary>
    public string? Screenshot { get; init; }

    /// <summary>DataTable rows or DocString, as text, when the step has one.</summary>
    public string? Argument { get; init; }
}

public sealed record ScenarioRecord
{
    /// <summary>Stable id (feature file + scenario + example row), used for file names and links.</summary>
    public required string Id { get; init; }

    public required string FeatureFile { get; init; }

    public required string Feature { get; init; }

    public string? Rule { get; init; }

    public required string Scenario { get; init; }

    /// <summary>Tags without '@', e.g. "manual:2-1", "master".</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public required Outcome Outcome { get; init; }

    public DateTimeOffset Start { get; init; }

    public TimeSpan Duration { get; init; }

    public string? Error { get; init; }

    /// <summary>Reason shown when <see cref="Outcome.Skipped"/>.</summary>
    public string? SkipReason { get; init; }

    public IReadOnlyList<StepRecord> Steps { get; init; } = [];

    /// <summary>Failure artefacts, relative to the run folder.</summary>
    public string? TracePath { get; init; }

    public string? HtmlPath { get; init; }

    /// <summary>Which attempt this record describes: 1, or n when the run retried the scenario (--retries).</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The failed attempts before this one, first to last, each with its own steps, screenshots and artefacts.</summary>
    public IReadOnlyList<ScenarioRecord> EarlierAttempts { get; init; } = [];

    /// <summary>Manual references from tags "manual:2-1" → "2-1".</summary>
    public IEnumerable<string> ManualReferences =>
        Tags.Where(t => t.StartsWith("manual:", StringComparison.Ordinal)).Select(t => t["manual:".Length..]);
}
