using System.Diagnostics;
using System.Globalization;
using Shinkin.ReferenceServer;
using Shinkin.Speed.Bench;

// Shinkin.Speed.Bench playwright|http [RUNS]
// Runs the master chain and the general-user chain RUNS times (default 5) against the embedded reference server (test
// hooks on), after one warm-up of each, and prints one line per run and the medians:
//   RESULT <driver> <chain> <run> <seconds>      MEDIAN <driver> <chain> <seconds>
var driverName = args.Length > 0 ? args[0] : "playwright";
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
if (driverName is not ("playwright" or "http") || runs < 1)
{
    Console.Error.WriteLine("usage: Shinkin.Speed.Bench playwright|http [RUNS]");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "shinkin-speed-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(Path.Combine(work, "downloads"));
await using var server = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { DataDirectory = Path.Combine(work, "server"), TestHooks = true });
(Func<Task<PlaywrightDriver>> NewRun, Func<Task> Shutdown)? playwright = driverName == "playwright"
    ? await PlaywrightDriver.LauncherAsync(server.CaCertificatePemPath, server.CertificateUrl, work)
    : null;
try
{
    (string Name, Func<IChainDriver, RunningReferenceServer, Task> Walk)[] chains = [("master", Chains.MasterAsync), ("general", Chains.GeneralAsync)];
    foreach (var (name, walk) in chains)
    {
        var seconds = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            await using IChainDriver driver = playwright is { } launcher ? await launcher.NewRun() : new HttpDriver(server.CaCertificatePemPath);
            var clock = Stopwatch.StartNew();
            await walk(driver, server);
            if (run > 0)
            {
                // Run 0 warms up (JIT, the browser's first pages) and is not counted.
                seconds.Add(clock.Elapsed.TotalSeconds);
                Console.WriteLine(FormattableString.Invariant($"RESULT {driverName} {name} {run} {clock.Elapsed.TotalSeconds:0.000}"));
            }
        }

        seconds.Sort();
        var median = seconds.Count % 2 == 1 ? seconds[seconds.Count / 2] : (seconds[seconds.Count / 2 - 1] + seconds[seconds.Count / 2]) / 2;
        Console.WriteLine(FormattableString.Invariant($"MEDIAN {driverName} {name} {median:0.000}"));
    }
}
finally
{
    if (playwright is { } launcher)
    {
        await launcher.Shutdown();
    }
}

try
{
    Directory.Delete(work, recursive: true);
}
catch (IOException)
{
    // A browser child still holding a file: the folder sits in the temp dir and is harmless.
}

return 0;
