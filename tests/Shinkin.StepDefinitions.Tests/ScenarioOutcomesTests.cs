using NUnit.Framework;
using Reqnroll;
using Shinkin.FeatureFiles;
using Shinkin.Reports.RunRecords;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Tests;

[TestFixture]
public sealed class ScenarioOutcomesTests
{
    [TestCase(ScenarioExecutionStatus.OK, Outcome.Passed)]
    [TestCase(ScenarioExecutionStatus.StepDefinitionPending, Outcome.Pending)]
    [TestCase(ScenarioExecutionStatus.UndefinedStep, Outcome.Pending)]
    [TestCase(ScenarioExecutionStatus.Skipped, Outcome.Skipped)]
    [TestCase(ScenarioExecutionStatus.TestError, Outcome.Failed)]
    [TestCase(ScenarioExecutionStatus.BindingError, Outcome.Failed)]
    public void Reqnroll_status_becomes_the_run_record_outcome(ScenarioExecutionStatus status, Outcome expected) =>
        Assert.That(ScenarioOutcomes.Of(status), Is.EqualTo(expected));

    [TestCase(ScenarioExecutionStatus.OK, 1, Outcome.Passed)]
    [TestCase(ScenarioExecutionStatus.OK, 2, Outcome.PassedOnRetry)]
    [TestCase(ScenarioExecutionStatus.OK, 3, Outcome.PassedOnRetry)]
    [TestCase(ScenarioExecutionStatus.TestError, 3, Outcome.Failed)]
    [TestCase(ScenarioExecutionStatus.Skipped, 2, Outcome.Skipped)]
    public void A_pass_after_a_failed_attempt_is_never_plain_OK(ScenarioExecutionStatus status, int attempt, Outcome expected) =>
        Assert.That(ScenarioOutcomes.Of(status, new ScenarioAttempt(attempt, 3)), Is.EqualTo(expected));
}
