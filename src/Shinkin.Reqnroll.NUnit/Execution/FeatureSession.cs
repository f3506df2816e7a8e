using NUnit.Framework;
using Reqnroll;
using Shinkin.FeatureFiles;
using Shinkin.Settings;

namespace Shinkin.Reqnroll.NUnit.Execution;

/// <summary>
/// Runs the scenarios of one feature on one Reqnroll test runner that is held from the first scenario until the
/// feature's NUnit fixture ends. That is what makes [BeforeFeature]/[AfterFeature] fire exactly once per feature:
/// Reqnroll keeps feature state per runner, so a feature spread over several runners would start on each of them.
/// Scenarios of one feature therefore take turns; different features run in parallel on their own runners.
/// </summary>
internal sealed class FeatureSession(TestRun run, FeatureDocument feature)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private ITestRunner? _runner;

    public FeatureDocument Feature { get; } = feature;

    /// <summary>
    /// One FeatureInfo per feature for the whole run: Reqnroll compares feature infos by reference when it
    /// picks runners and matches feature contexts.
    /// </summary>
    public FeatureInfo FeatureInfo { get; } = FeatureInfos.Create(feature);

    public TestRun Run { get; } = run;

    public async Task RunAsync(ScenarioCase scenario)
    {
        await _turn.WaitAsync();
        try
        {
            // A run asked to stop (Ctrl+C, SIGTERM) starts no further scenario; the run still ends normally.
            if (StopRequest.Reason is { } reason)
            {
                Assert.Ignore($"中断のため未実行 / not started, the run was asked to stop: {reason}");
            }

            var runner = await AcquireRunnerAsync();
            await ScenarioExecutor.RunAsync(runner, scenario, TestHostSettings.Current.Retries);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Fires [AfterFeature] and gives the runner back to Reqnroll's pool.</summary>
    public async Task EndAsync()
    {
        await _turn.WaitAsync();
        try
        {
            if (_runner is not { } runner)
            {
                return;
            }

            _runner = null;
            try
            {
                if (runner.FeatureContext is not null)
                {
                    await runner.OnFeatureEndAsync();
                }
            }
            finally
            {
                TestRunnerManager.ReleaseTestRunner(runner);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public override string ToString() => Feature.RelativePath;

    private async Task<ITestRunner> AcquireRunnerAsync()
    {
        if (_runner is { } current)
        {
            return current;
        }

        var runner = TestRunnerManager.GetTestRunnerForAssembly(Run.TestAssembly, featureHint: FeatureInfo);
        _runner = runner;

        // A pooled runner normally comes back with its feature closed; close a leftover one like generated code does.
        if (runner.FeatureContext is { } leftover && !ReferenceEquals(leftover.FeatureInfo, FeatureInfo))
        {
            await runner.OnFeatureEndAsync();
        }

        if (runner.FeatureContext is null)
        {
            // A failing [BeforeFeature] is recorded on the feature context; the later scenarios report it too.
            try
            {
                await runner.OnFeatureStartAsync(FeatureInfo);
            }
            catch (Exception e)
            {
                throw new ScenarioFailedException($"The [BeforeFeature] hook of '{Feature.Title}' failed.", e);
            }
        }

        return runner;
    }
}
