using System.Reflection;
using Reqnroll;

namespace Shinkin.Reqnroll.NUnit.Execution;

/// <summary>The Reqnroll test run of one test assembly: BeforeTestRun when the suite starts, AfterTestRun (and the formatters' flush) when it ends.</summary>
internal sealed class TestRun(Assembly testAssembly)
{
    public Assembly TestAssembly { get; } = testAssembly;

    public Task StartAsync() => TestRunnerManager.OnTestRunStartAsync(TestAssembly);

    /// <summary>Fires AfterFeature hooks still pending, then AfterTestRun, and lets the formatters write their files.</summary>
    public Task EndAsync() => TestRunnerManager.OnTestRunEndAsync(TestAssembly);

    public override string ToString() => TestAssembly.GetName().Name ?? "test run";
}
