using System.Diagnostics;
using Shinkin.FeatureFiles;
using Shinkin.Reports.RunRecords;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// Collects what the evidence workbook needs about one scenario: each step with its outcome,
/// time and screenshot, and the failure artefacts. Written to the run record at the end.
/// Which scenario it is comes from the <see cref="ScenarioCase"/> the test bridge registers in the scenario container,
/// which attempt from the <see cref="ScenarioAttempt"/> beside it: a retry keeps its files apart from the earlier attempts'.
/// </summary>
public sealed class ScenarioEvidence
{
    private readonly RunRecordStore store;
    private readonly ScenarioCase scenarioCase;
    private readonly ScenarioAttempt attempt;
    private readonly List<StepRecord> steps = [];
    private readonly Stopwatch scenarioClock = new();
    private readonly Stopwatch stepClock = new();
    private string? artifactFolder;

    public ScenarioEvidence(RunEnvironment run, ScenarioCase scenarioCase, ScenarioAttempt attempt)
        : this(run.Store, scenarioCase, attempt)
    {
    }

    internal ScenarioEvidence(RunRecordStore store, ScenarioCase scenarioCase, ScenarioAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(scenarioCase);
        ArgumentNullException.ThrowIfNull(attempt);
        this.store = store;
        this.scenarioCase = scenarioCase;
        this.attempt = attempt;
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

    /// <summary>
    /// <c>artifacts/&lt;scenario&gt;/</c> for the first attempt (the only one of a run without retries), and
    /// <c>artifacts/&lt;scenario&gt;/attempt-&lt;n&gt;/</c> for a retry, so every attempt's screenshots, HTML and trace are kept.
    /// </summary>
    public string ArtifactFolder => artifactFolder ??= AttemptFolder();

    /// <summary>The attempt this evidence is of.</summary>
    public ScenarioAttempt Attempt => attempt;

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

    /// <param name="cause">What made the scenario fail beyond its own error (the server under test stopped answering), put first.</param>
    public ScenarioRecord Complete(Outcome outcome, Exception? error, string? cause = null) => new()
    {
        Attempt = attempt.Number,
        Id = ScenarioId,
        FeatureFile = FeatureFile,
        Feature = FeatureTitle,
        Rule = RuleTitle,
        Scenario = ScenarioTitle,
        Tags = Tags,
        Outcome = SkipReason is not null ? Outcome.Skipped : outcome,
        Start = Start,
        Duration = scenarioClock.Elapsed,
        Error = cause is null ? error?.Message : $"{cause}{Environment.NewLine}{error?.Message}",
        SkipReason = SkipReason,
        Steps = steps.ToList(),
        TracePath = TracePath is null ? null : store.RelativePath(TracePath),
        HtmlPath = HtmlPath is null ? null : store.RelativePath(HtmlPath),
    };

    private string AttemptFolder()
    {
        var folder = store.ArtifactFolder(ScenarioId);
        if (!attempt.IsRetry)
        {
            return folder;
        }

        var retry = Path.Combine(folder, $"attempt-{attempt.Number}");
        Directory.CreateDirectory(retry);
        return retry;
    }
}
