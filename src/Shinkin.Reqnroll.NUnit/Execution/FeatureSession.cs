using System.Collections.Concurrent;
using NUnit.Framework;
using Reqnroll;
using Reqnroll.Bindings;
using Shinkin.FeatureFiles;
using Shinkin.Settings;

namespace Shinkin.Reqnroll.NUnit.Execution;

/// <summary>
/// Runs the scenarios of one feature and fires its feature hooks exactly once.
/// Reqnroll keeps feature state per test runner, so a feature started on several runners would fire
/// [BeforeFeature]/[AfterFeature] on each of them. Hence:
/// <list type="bullet">
/// <item>a feature that a [BeforeFeature] or [AfterFeature] hook applies to (unscoped, or scoped to its tags or title)
/// runs on one runner held from its first scenario until its NUnit fixture ends, and its scenarios take turns;</item>
/// <item>a feature no feature hook applies to runs its scenarios side by side, each on a runner of its own, which the
/// feature keeps and reuses until its fixture ends; starting the feature on each of them fires nothing.</item>
/// </list>
/// </summary>
internal sealed class FeatureSession(TestRun run, FeatureDocument feature)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly ConcurrentBag<ITestRunner> _idle = [];
    private readonly ConcurrentQueue<ITestRunner> _all = new();
    private const int Undecided = 0;
    private const int TakingTurns = 1;
    private const int SideBySide = 2;
    private volatile int _mode = Undecided;

    public FeatureDocument Feature { get; } = feature;

    /// <summary>
    /// One FeatureInfo per feature for the whole run: Reqnroll compares feature infos by reference when it
    /// picks runners and matches feature contexts.
    /// </summary>
    public FeatureInfo FeatureInfo { get; } = FeatureInfos.Create(feature);

    public TestRun Run { get; } = run;

    public async Task RunAsync(ScenarioCase scenario)
    {
        if (_mode == Undecided)
        {
            // The first scenario decides, holding the turn, so no second runner starts before the answer is known.
            await _turn.WaitAsync();
            try
            {
                if (_mode == Undecided)
                {
                    var runner = await AcquireRunnerAsync();
                    _mode = HasFeatureHooks(runner) ? TakingTurns : SideBySide;
                    _idle.Add(runner);
                }
            }
            finally
            {
                _turn.Release();
            }
        }

        if (_mode == SideBySide)
        {
            await RunOnOwnRunnerAsync(scenario);
            return;
        }

        // With feature hooks there is exactly one runner, and the scenarios take turns on it.
        await _turn.WaitAsync();
        try
        {
            await RunOnOwnRunnerAsync(scenario);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Fires [AfterFeature] (on every runner the feature started on) and gives the runners back to Reqnroll's pool.</summary>
    public async Task EndAsync()
    {
        await _turn.WaitAsync();
        try
        {
            List<Exception> errors = [];
            while (_all.TryDequeue(out var runner))
            {
                try
                {
                    if (runner.FeatureContext is not null)
                    {
                        await runner.OnFeatureEndAsync();
                    }
                }
                catch (Exception e)
                {
                    errors.Add(e);
                }
                finally
                {
                    TestRunnerManager.ReleaseTestRunner(runner);
                }
            }

            _idle.Clear();
            if (errors.Count > 0)
            {
                throw errors.Count == 1 ? errors[0] : new AggregateException(errors);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    public override string ToString() => Feature.RelativePath;

    private async Task RunOnOwnRunnerAsync(ScenarioCase scenario)
    {
        // A run asked to stop (Ctrl+C, SIGTERM) starts no further scenario; the run still ends normally.
        if (StopRequest.Reason is { } reason)
        {
            Assert.Ignore($"中断のため未実行 / not started, the run was asked to stop: {reason}");
        }

        var runner = _idle.TryTake(out var idle) ? idle : await AcquireRunnerAsync();
        try
        {
            await ScenarioExecutor.RunAsync(runner, scenario, TestHostSettings.Current.Retries);
        }
        finally
        {
            _idle.Add(runner);
        }
    }

    /// <summary>A Reqnroll runner with this feature started on it; the feature keeps it until <see cref="EndAsync"/>.</summary>
    private async Task<ITestRunner> AcquireRunnerAsync()
    {
        var runner = TestRunnerManager.GetTestRunnerForAssembly(Run.TestAssembly, featureHint: FeatureInfo);
        _all.Enqueue(runner);

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
                // Only a hook can fail here: keep this one runner, so the feature's later scenarios report the failure on it.
                _mode = TakingTurns;
                _idle.Add(runner);
                throw new ScenarioFailedException($"The [BeforeFeature] hook of '{Feature.Title}' failed.", e);
            }
        }

        return runner;
    }

    /// <summary>True when a [BeforeFeature] or [AfterFeature] hook applies to this feature (unscoped, or its scope matches).</summary>
    private bool HasFeatureHooks(ITestRunner runner)
    {
        var registry = runner.TestThreadContext.TestThreadContainer.Resolve<IBindingRegistry>();
        var context = new StepContext(FeatureInfo, scenarioInfo: null);
        return registry.GetHooks(HookType.BeforeFeature).Concat(registry.GetHooks(HookType.AfterFeature))
            .Any(hook => !hook.IsScoped || hook.BindingScope.Match(context, out _));
    }
}
