using Reqnroll;
using Shinkin.Reports.RunRecords;

namespace Shinkin.StepDefinitions.Support;

/// <summary>The one mapping of Reqnroll's execution status to the run record's outcome, for a step and for a scenario.</summary>
public static class ScenarioOutcomes
{
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
