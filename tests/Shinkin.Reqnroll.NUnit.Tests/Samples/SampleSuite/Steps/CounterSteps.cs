using NUnit.Framework;
using Reqnroll;

namespace Shinkin.Reqnroll.NUnit.Sample.Steps;

[Binding]
public sealed class CounterSteps(Counter counter, ScenarioContext scenarioContext)
{
    [Given("カウンターを {int} にする")]
    public void SetCounter(int value) => counter.Value = value;

    [When("カウンターに {int} を足す")]
    public void AddToCounter(int value) => counter.Value += value;

    [Then("カウンターは {int} である")]
    public void CounterIs(int expected) => Assert.That(counter.Value, Is.EqualTo(expected));

    [When("二つの定義に一致する手順を実行する")]
    public void AmbiguousFirst() => counter.Value++;

    [When("二つの定義に一致する手順を実行する")]
    public void AmbiguousSecond() => counter.Value--;

    [When("保留中の手順を実行する")]
    public void PendingStep() => throw new PendingStepException();

    /// <summary>
    /// Fails on its scenario's attempt <paramref name="failing"/>: the count is a file beside the hook log, so it survives a
    /// retry's fresh scenario container. Inside Assert.Multiple, so NUnit records the failure on the test itself: a pass on
    /// the retry must not be failed by what the first attempt left there.
    /// </summary>
    [Given("この手順は {int} 回目だけ失敗する")]
    public void FailsOnAttempt(int failing)
    {
        var attempt = SampleRun.CountAttempt(scenarioContext.ScenarioInfo.Title);
        Assert.Multiple(() => Assert.That(attempt, Is.Not.EqualTo(failing), $"attempt {attempt} fails on purpose"));
    }
}
