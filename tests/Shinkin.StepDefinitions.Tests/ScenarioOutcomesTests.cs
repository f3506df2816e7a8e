using NUnit.Framework;
using Reqnroll;
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
}
