using System.Diagnostics;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>
/// `shinkin serve` and the server's own program (`dotnet Shinkin.ReferenceServer.dll`) as real child processes: both stop
/// cleanly on SIGTERM and SIGINT (exit 0, no exception on the way out) and leave no WAL behind.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
[Platform(Exclude = "Win")]
public sealed class ServeProcessTests
{
    [TestCase("TERM")]
    [TestCase("INT")]
    public async Task Serve_stops_on_a_signal_with_exit_code_0_and_checkpoints_the_wal(string signal)
    {
        var dll = BuiltDll("Shinkin.Cli", "shinkin.dll");
        var dir = TestServers.NewDataDirectory();
        // The test data's first company: something written to the WAL before the signal.
        await StopsOnSignalAsync([dll, "serve", "--data", dir, "--port", "0", "--cert-port", "0", "--onboard", "信号商事"], dir, "Press Ctrl+C", signal, walWritten: true);
    }

    [TestCase("TERM")]
    [TestCase("INT")]
    public async Task The_servers_own_program_stops_on_a_signal_with_exit_code_0(string signal)
    {
        var dll = BuiltDll("Shinkin.ReferenceServer", "Shinkin.ReferenceServer.dll");
        var dir = TestServers.NewDataDirectory();
        await StopsOnSignalAsync(
            [dll, $"--ReferenceServer:DataDirectory={dir}", "--ReferenceServer:PublicPort=0", "--ReferenceServer:CertificatePort=0"],
            dir,
            "Back-office login:",
            signal,
            walWritten: false);
    }

    /// <summary>Starts `dotnet ARGS`, waits for <paramref name="readyLine"/>, sends SIG<paramref name="signal"/> and checks the exit.</summary>
    private static async Task StopsOnSignalAsync(string[] arguments, string dir, string readyLine, string signal, bool walWritten)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

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
                    if (line.StartsWith(readyLine, StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }

            Assert.That(output, Has.Some.Contains("https://127.0.0.1:"), string.Join('\n', output));
            var wal = Path.Combine(dir, "shinkin.db-wal");
            if (walWritten)
            {
                Assert.That(File.Exists(wal) && new FileInfo(wal).Length > 0, Is.True, "the running server has a WAL with content");
            }

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
                Assert.Fail($"{arguments[0]} did not stop within 10 s of SIG{signal}");
            }

            var errors = await stderr;
            Assert.That(process.ExitCode, Is.EqualTo(0), errors);
            Assert.That(errors, Does.Not.Contain("Exception"), "nothing is thrown on the way out");
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

    /// <summary>
    /// A project's build output beside this test assembly's: tests/X/bin/&lt;config&gt;/&lt;tfm&gt; → src/PROJECT/bin/&lt;config&gt;/&lt;tfm&gt;/FILE
    /// (the project references make sure it is built).
    /// </summary>
    private static string BuiltDll(string project, string file)
    {
        var output = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var tfm = output.Name;
        var configuration = output.Parent!.Name;
        var repository = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(repository, "src", project, "bin", configuration, tfm, file);
        Assert.That(File.Exists(dll), Is.True, $"{project} is built: {dll}");
        return dll;
    }
}
