using System.Diagnostics;
using Shinkin.Reports.RunRecords;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// Collects what the evidence workbook needs about one scenario: each step with its outcome,
/// time and screenshot, and the failure artefacts. Written to the run record at the end.
/// </summary>
public sealed class ScenarioEvidence
{
    private readonly RunEnvironment run;
    private readonly List<StepRecord> steps = [];
    private readonly Stopwatch scenarioClock = new();
    private readonly Stopwatch stepClock = new();
    private string? artifactFolder;

    public ScenarioEvidence(RunEnvironment run)
    {
        this.run = run;
    }

    public string ScenarioId { get; private set; } = "";

    public string ScenarioTitle { get; private set; } = "";

    public string FeatureTitle { get; private set; } = "";

    public string FeatureFile { get; private set; } = "";

    public string? RuleTitle { get; private set; }

    public IReadOnlyList<string> Tags { get; private set; } = [];

    public DateTimeOffset Start { get; private set; }

    public IReadOnlyList<StepRecord> Steps => steps;

    /// <summary>A reason this scenario cannot run here (engine gap, OS); reported as 対象外.</summary>
    public string? SkipReason { get; set; }

    public string? TracePath { get; set; }

    public string? HtmlPath { get; set; }

    public string ArtifactFolder => artifactFolder ??= run.Store.ArtifactFolder(ScenarioId);

    public void Begin(string featureFile, string featureTitle, string? ruleTitle, string scenarioTitle, IEnumerable<string> tags, string exampleSuffix)
    {
        FeatureFile = featureFile;
        FeatureTitle = featureTitle;
        RuleTitle = ruleTitle;
        ScenarioTitle = scenarioTitle + exampleSuffix;
        Tags = tags.Distinct(StringComparer.Ordinal).ToList();
        ScenarioId = $"{Path.GetFileNameWithoutExtension(featureFile)}-{ScenarioTitle}";
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
            Screenshot = screenshotFullPath is null ? null : run.Store.RelativePath(screenshotFullPath),
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
        TracePath = TracePath is null ? null : run.Store.RelativePath(TracePath),
        HtmlPath = HtmlPath is null ? null : run.Store.RelativePath(HtmlPath),
    };
}
