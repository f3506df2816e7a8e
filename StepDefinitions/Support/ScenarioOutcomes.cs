using Reqnroll;
using Shinkin.FeatureFiles;
using Shinkin.Reports.RunRecords;

namespace Shinkin.StepDefinitions.Support;

/// <summary>The one mapping of Reqnroll's execution status to the run record's outcome, for a step and for a scenario.</summary>
public static class ScenarioOutcomes
{
    /// <summary>A scenario's outcome: a pass on a retry (after a failed attempt) is 再実行で合格, never plain OK.</summary>
    public static Outcome Of(ScenarioExecutionStatus status, ScenarioAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var outcome = Of(status);
        return outcome == Outcome.Passed && attempt.IsRetry ? Outcome.PassedOnRetry : outcome;
    }

    /// <summary>A step's outcome (and a scenario's on its first attempt).</summary>
    public static Outcome Of(ScenarioExecutionStatus status) => status switch
    {
        ScenarioExecutionStatus.OK => Outcome.Passed,
        // Written but not finished, or not written yet: 保留, not NG.
        ScenarioExecutionStatus.StepDefinitionPending or ScenarioExecutionStatus.UndefinedStep => Outcome.Pending,
        // Reqnroll's skip is what EngineGaps declares (Assert.Ignore): 対象外.
        ScenarioExecutionStatus.Skipped => Outcome.Skipped,
        _ => Outcome.Failed,
    };
}
