using System.Diagnostics;
using Shinkin.FeatureFiles;
using Shinkin.Reports.RunRecords;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// Collects what the evidence workbook needs about one scenario: each step with its outcome,
/// time and screenshot, and the failure artefacts. Written to the run record at the end.
/// Which scenario it is comes from the <see cref="ScenarioCase"/> the test bridge registers in the scenario container.
/// </summary>
public sealed class ScenarioEvidence
{
    private readonly RunRecordStore store;
    private readonly ScenarioCase scenarioCase;
    private readonly List<StepRecord> steps = [];
    private readonly Stopwatch scenarioClock = new();
    private readonly Stopwatch stepClock = new();
    private string? artifactFolder;

    public ScenarioEvidence(RunEnvironment run, ScenarioCase scenarioCase)
        : this(run.Store, scenarioCase)
    {
    }

    internal ScenarioEvidence(RunRecordStore store, ScenarioCase scenarioCase)
    {
        ArgumentNullException.ThrowIfNull(scenarioCase);
        this.store = store;
        this.scenarioCase = scenarioCase;
    }

    /// <summary>The file's path (unique below the features root) and the title with its example number: unique in a run.</summary>
    public string ScenarioId => $"{Path.ChangeExtension(FeatureFile, null)}-{ScenarioTitle}";

    public string ScenarioTitle => scenarioCase.DisplayTitle;

    public string FeatureTitle => scenarioCase.Feature.Title;

    /// <summary>The feature file's path below the features root, e.g. <c>05_logout/ログアウト.feature</c>.</summary>
    public string FeatureFile => scenarioCase.Feature.RelativePath;

    public string? RuleTitle => scenarioCase.Rule?.Title;

    public IReadOnlyList<string> Tags => scenarioCase.Categories;

    public DateTimeOffset Start { get; private set; }

    public IReadOnlyList<StepRecord> Steps => steps;

    /// <summary>A reason this scenario cannot run here (engine gap, OS); reported as 対象外.</summary>
    public string? SkipReason { get; set; }

    public string? TracePath { get; set; }

    public string? HtmlPath { get; set; }

    public string ArtifactFolder => artifactFolder ??= store.ArtifactFolder(ScenarioId);

    /// <summary>Starts the scenario's clocks.</summary>
    public void Begin()
    {
        Start = DateTimeOffset.Now;
        scenarioClock.Restart();
        stepClock.Restart();
    }

    public void StepStarted() => stepClock.Restart();

    public string NextScreenshotPath() => Path.Combine(ArtifactFolder, $"step-{steps.Count + 1:D2}.png");

    public void AddStep(string keyword, string text, Outcome outcome, Exception? error, string? screenshotFullPath, string? argument)
    {
        steps.Add(new StepRecord
        {
            Number = steps.Count + 1,
            Keyword = keyword.Trim(),
            Text = text,
            Outcome = outcome,
            Duration = stepClock.Elapsed,
            Error = error?.Message,
            StackTrace = error?.StackTrace,
            Screenshot = screenshotFullPath is null ? null : store.RelativePath(screenshotFullPath),
            Argument = argument,
        });
        stepClock.Restart();
    }

    public ScenarioRecord Complete(Outcome outcome, Exception? error) => new()
    {
        Id = ScenarioId,
        FeatureFile = FeatureFile,
        Feature = FeatureTitle,
        Rule = RuleTitle,
        Scenario = ScenarioTitle,
        Tags = Tags,
        Outcome = SkipReason is not null ? Outcome.Skipped : outcome,
        Start = Start,
        Duration = scenarioClock.Elapsed,
        Error = error?.Message,
        SkipReason = SkipReason,
        Steps = steps.ToList(),
        TracePath = TracePath is null ? null : store.RelativePath(TracePath),
        HtmlPath = HtmlPath is null ? null : store.RelativePath(HtmlPath),
    };
}
