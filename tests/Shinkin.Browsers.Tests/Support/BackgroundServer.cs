using System.Diagnostics;

namespace Shinkin.Browsers.Tests.Support;

/// <summary>
/// A Playwright browser server the test starts on loopback, standing in for one on another machine (which would
/// trust the CA through its own HOME). Selenium Remote runs on a real Selenium Grid instead (<see cref="TestGrid"/>).
/// </summary>
public sealed class BackgroundServer : IAsyncDisposable
{
    private readonly Process process;

    private BackgroundServer(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>
    /// The Node driver that ships inside Microsoft.Playwright, run as `launch-server` on Debian Chromium;
    /// it prints its ws:// endpoint on the first line.
    /// </summary>
    public static async Task<BackgroundServer> StartPlaywrightServerAsync(string chromium, string home, string caPem, string workFolder)
    {
        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        var node = Path.Combine(driver, "node", "linux-x64", "node");
        var cli = Path.Combine(driver, "package", "cli.js");
        var config = Path.Combine(workFolder, "pw-server.json");
        var args = string.Join(", ", new[]
        {
            "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-gpu",
        }.Select(a => $"\"{a}\""));
        await File.WriteAllTextAsync(config, $$"""
            { "executablePath": "{{chromium}}", "headless": true, "chromiumSandbox": false, "host": "127.0.0.1", "port": 0, "args": [{{args}}] }
            """);

        var info = new ProcessStartInfo(node)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(cli);
        info.ArgumentList.Add("launch-server");
        info.ArgumentList.Add("--browser");
        info.ArgumentList.Add("chromium");
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(config);
        info.Environment["HOME"] = home;
        info.Environment["NODE_EXTRA_CA_CERTS"] = caPem;
        var process = Start(info, readStdout: false);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("ws://", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Playwright launch-server did not print a ws:// endpoint (got '{line}').");
        }

        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        return new BackgroundServer(process, new Uri(line.Trim()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static Process Start(ProcessStartInfo info, bool readStdout = true)
    {
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start.");

        // Drain the pipes so a chatty server never blocks on a full buffer.
        if (readStdout)
        {
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        }

        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        return process;
    }
}
