using Shinkin.EnvironmentCheck.Command;
using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.App.Tests;

/// <summary>One run of <see cref="CheckerApp"/> in-process, into its own folder, with what it printed.</summary>
internal sealed class CheckerRun : IDisposable
{
    private CheckerRun(string folder) => Folder = folder;

    public string Folder { get; }

    public int Code { get; private set; }

    public string Stdout { get; private set; } = string.Empty;

    public string Stderr { get; private set; } = string.Empty;

    public static string FixturePath(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name);

    /// <summary>A live registry that is really the given fixtures, to drive the no-argument path off Windows.</summary>
    public static async Task<LiveRegistrySource> FakeLiveRegistryAsync(params string[] fixtures)
    {
        var snapshot = await RegFileReader.ReadFilesAsync(fixtures.Select(FixturePath), CancellationToken.None);
        return _ => snapshot;
    }

    public static async Task<CheckerRun> StartAsync(IReadOnlyList<string> args, LiveRegistrySource? liveRegistry = null, bool interactive = false, string input = "")
    {
        var run = new CheckerRun(Path.Combine(Path.GetTempPath(), "shinkin-check-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(run.Folder);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CheckerHost(stdout, stderr, run.Folder, liveRegistry) { In = new StringReader(input), IsInteractive = interactive };
        run.Code = await CheckerApp.RunAsync(args, host, CancellationToken.None);
        run.Stdout = stdout.ToString();
        run.Stderr = stderr.ToString();
        return run;
    }

    public string Single(string pattern) => Directory.GetFiles(Folder, pattern).Single();

    public string[] Files(string pattern) => Directory.GetFiles(Folder, pattern);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
