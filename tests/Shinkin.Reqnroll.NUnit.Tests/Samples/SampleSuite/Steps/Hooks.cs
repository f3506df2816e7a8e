using Reqnroll;
using Shinkin.FeatureFiles;

namespace Shinkin.Reqnroll.NUnit.Sample.Steps;

[Binding]
public sealed class Hooks
{
    [BeforeTestRun]
    public static void BeforeTestRun() => SampleRun.Log("BeforeTestRun");

    [AfterTestRun]
    public static void AfterTestRun() => SampleRun.Log("AfterTestRun");

    // Scoped to the features of Features/behaviour and retries, so 同時 (Features/side-by-side) has no feature hook and runs its scenarios side by side.
    [BeforeFeature]
    [Scope(Feature = "基本動作")]
    [Scope(Feature = "表と文書")]
    [Scope(Feature = "並列A")]
    [Scope(Feature = "並列B")]
    [Scope(Feature = "再実行")]
    public static void BeforeFeature(FeatureContext featureContext) =>
        SampleRun.Log($"BeforeFeature|{featureContext.FeatureInfo.Title}|{featureContext.FeatureInfo.Language.Name}");

    [AfterFeature]
    [Scope(Feature = "基本動作")]
    [Scope(Feature = "表と文書")]
    [Scope(Feature = "並列A")]
    [Scope(Feature = "並列B")]
    [Scope(Feature = "再実行")]
    public static void AfterFeature(FeatureContext featureContext) =>
        SampleRun.Log($"AfterFeature|{featureContext.FeatureInfo.Title}");

    [BeforeScenario]
    public static void BeforeScenario(FeatureContext featureContext, ScenarioContext scenarioContext, ScenarioCase scenarioCase)
    {
        SampleRun.Log($"Scenario|{featureContext.FeatureInfo.Title}|{scenarioContext.ScenarioInfo.Title}|{string.Join(",", scenarioContext.ScenarioInfo.CombinedTags)}");
        SampleRun.Log($"Case|{scenarioCase.Feature.RelativePath}|{scenarioCase.DisplayTitle}|{scenarioCase.ExampleNumber}|{string.Join(",", scenarioCase.Categories)}");
    }

    /// <summary>The attempt the bridge registered, and whether it already knows (before the end hooks) that another follows.</summary>
    [AfterScenario]
    public static void AfterScenario(ScenarioContext scenarioContext, ScenarioAttempt attempt) =>
        SampleRun.Log($"Attempt|{scenarioContext.ScenarioInfo.Title}|{attempt}|{(attempt.WillBeRetried ? "retry" : "final")}");
}
