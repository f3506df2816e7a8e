using NUnit.Framework;
using Reqnroll;

namespace Shinkin.Reqnroll.NUnit.Sample.Steps;

/// <summary>A step that fails on its scenario's first attempts: the count is a file beside the hook log, so it survives the fresh scenario container of a retry.</summary>
[Binding]
public sealed class AttemptSteps(ScenarioContext scenarioContext)
{
    [Given("この手順は {int} 回目だけ失敗する")]
    public void FailsOnAttempt(int failing)
    {
        var attempt = SampleRun.CountAttempt(scenarioContext.ScenarioInfo.Title);
        Assert.That(attempt, Is.Not.EqualTo(failing), $"attempt {attempt} fails on purpose");
    }
}
