using Reqnroll;
using Reqnroll.BoDi;
using Shinkin.Settings;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Hooks;

/// <summary>
/// Creates the run's shared environment once and puts it in Reqnroll's global container, so every
/// scenario on every worker gets the same server and browser factory through context injection.
/// </summary>
[Binding]
public sealed class RunHooks
{
    [BeforeTestRun(Order = 0)]
    public static void RegisterRunEnvironment(IObjectContainer container)
    {
        var root = container;
        while (root is ObjectContainer { BaseContainer: { } parent })
        {
            root = parent;
        }

        if (!root.IsRegistered<RunEnvironment>())
        {
            root.RegisterInstanceAs(new RunEnvironment(TestHostSettings.Current), dispose: false);
        }
    }

    [BeforeTestRun(Order = 1)]
    public static async Task RecordRunStart(RunEnvironment run)
    {
        await run.RecordStartAsync();
    }

    [AfterTestRun]
    public static async Task StopRunEnvironment(RunEnvironment run)
    {
        await run.DisposeAsync();
    }
}
