using NUnit.Framework;
using NUnit.Framework.Internal;
using Shinkin.FeatureFiles;
using Shinkin.Reqnroll.NUnit.Execution;

namespace Shinkin.Reqnroll.NUnit;

/// <summary>
/// Derive one sealed class from this in the test project that holds the .feature files:
/// <code>public sealed class FeatureTests : ReqnrollFeatureTests;</code>
/// NUnit then shows one fixture per feature and one test per scenario / Examples row, run through Reqnroll.
/// NUnit attributes on the derived class (Parallelizable, Category, ...) apply to every feature fixture.
/// </summary>
[FeatureSuiteBuilder]
public abstract class ReqnrollFeatureTests
{
    internal const string FeatureSessionProperty = "_ShinkinReqnrollFeature";

    /// <summary>
    /// On the run suite (an NUnit SetUpFixture around all features) this starts the Reqnroll test run: BeforeTestRun.
    /// Feature fixtures start their feature lazily with their first scenario.
    /// </summary>
    [OneTimeSetUp]
    public Task StartSuiteAsync() =>
        CurrentTest is SetUpFixture runSuite && FindRun(runSuite) is { } run ? run.StartAsync() : Task.CompletedTask;

    /// <summary>A feature fixture fires AfterFeature; the run suite ends the test run (AfterTestRun, formatter output).</summary>
    [OneTimeTearDown]
    public Task EndSuiteAsync() => CurrentTest switch
    {
        { } feature when feature.Properties.Get(FeatureSessionProperty) is FeatureSession session => session.EndAsync(),
        SetUpFixture runSuite when FindRun(runSuite) is { } run => run.EndAsync(),
        _ => Task.CompletedTask,
    };

    /// <summary>The test method behind every scenario test.</summary>
    public Task RunScenarioAsync(ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (CurrentTest.Parent?.Properties.Get(FeatureSessionProperty) is not FeatureSession session)
        {
            throw new InvalidOperationException($"'{scenario.Name}' was not discovered by {nameof(ReqnrollFeatureTests)}.");
        }

        return session.RunAsync(scenario);
    }

    /// <summary>The test method behind a feature file that could not be parsed (or an empty feature root).</summary>
    public void ReportDiscoveryError(string message) => Assert.Fail(message);

    private static Test CurrentTest => TestExecutionContext.CurrentContext.CurrentTest;

    private static TestRun? FindRun(TestSuite runSuite) =>
        runSuite.Tests
            .Select(child => child.Properties.Get(FeatureSessionProperty))
            .OfType<FeatureSession>()
            .FirstOrDefault()?.Run;
}
