using System.Diagnostics;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>`shinkin serve` as a real child process: it stops cleanly on SIGTERM and SIGINT and leaves no WAL behind.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
[Platform(Exclude = "Win")]
public sealed class ServeProcessTests
{
    [TestCase("TERM")]
    [TestCase("INT")]
    public async Task Serve_stops_on_a_signal_with_exit_code_0_and_checkpoints_the_wal(string signal)
    {
        var dll = CliDll();
        Assert.That(File.Exists(dll), Is.True, $"the CLI is built (project reference): {dll}");
        var dir = TestServers.NewDataDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The test data's first company: something written to the WAL before the signal.
            ArgumentList = { dll, "serve", "--data", dir, "--port", "0", "--cert-port", "0", "--onboard", "信号商事" },
        };
        start.Environment["BackOffice__StaffPassword"] = null;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = new List<string>();
        try
        {
            using (var ready = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (await process.StandardOutput.ReadLineAsync(ready.Token) is { } line)
                {
                    output.Add(line);
                    if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }

            Assert.That(output, Has.Some.Contains("https://127.0.0.1:"), string.Join('\n', output));
            var wal = Path.Combine(dir, "shinkin.db-wal");
            Assert.That(File.Exists(wal) && new FileInfo(wal).Length > 0, Is.True, "the running server has a WAL with content");

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"serve did not stop within 10 s of SIG{signal}");
            }

            Assert.That(process.ExitCode, Is.EqualTo(0), await stderr);
            Assert.That(!File.Exists(wal) || new FileInfo(wal).Length == 0, Is.True, "the WAL was checkpointed into shinkin.db");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            TestServers.DeleteQuietly(dir);
        }
    }

    /// <summary>The CLI's build output beside this test assembly's: tests/X/bin/&lt;config&gt;/&lt;tfm&gt; → src/Shinkin.Cli/bin/&lt;config&gt;/&lt;tfm&gt;.</summary>
    private static string CliDll()
    {
        var output = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var tfm = output.Name;
        var configuration = output.Parent!.Name;
        var repository = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repository, "src", "Shinkin.Cli", "bin", configuration, tfm, "shinkin.dll");
    }
}
