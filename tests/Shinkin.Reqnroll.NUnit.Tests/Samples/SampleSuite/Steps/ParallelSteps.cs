using NUnit.Framework;
using Reqnroll;

namespace Shinkin.Reqnroll.NUnit.Sample.Steps;

[Binding]
public sealed class ParallelSteps(Ownership ownership, ScenarioContext scenarioContext, FeatureContext featureContext)
{
    [Given("文脈に {string} を記録する")]
    public void Own(string owner)
    {
        ownership.Owner = owner;
        scenarioContext["owner"] = owner;
    }

    [When("並列の相手を待つ")]
    public async Task WaitForPartnerAsync()
    {
        // NUnit's worker running this test (awaits may move the step itself to any pool thread).
        var worker = TestContext.CurrentContext.WorkerId;
        var overlapped = await SampleRun.MeetPartnerAsync();
        SampleRun.Log($"Overlap|{featureContext.FeatureInfo.Title}|{overlapped}|{worker}");
    }

    [When("同じ機能の相手を待つ")]
    public async Task WaitForPartnerOfTheSameFeatureAsync()
    {
        var worker = TestContext.CurrentContext.WorkerId;
        var overlapped = await SampleRun.MeetPartnerAsync();
        SampleRun.Log($"SideBySide|{featureContext.FeatureInfo.Title}|{scenarioContext.ScenarioInfo.Title}|{overlapped}|{worker}");
    }

    [Then("シナリオの文脈は {string} のままである")]
    public void ScenarioStillOwned(string owner)
    {
        Assert.That(ownership.Owner, Is.EqualTo(owner));
        Assert.That(scenarioContext["owner"], Is.EqualTo(owner));
    }

    [Then("文脈は {string} のままである")]
    public void StillOwned(string owner)
    {
        Assert.That(ownership.Owner, Is.EqualTo(owner));
        Assert.That(scenarioContext["owner"], Is.EqualTo(owner));
        Assert.That(featureContext.FeatureInfo.Title, Is.EqualTo(owner));
    }
}
