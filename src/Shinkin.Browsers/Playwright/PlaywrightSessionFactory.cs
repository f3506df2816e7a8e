using System.Collections;
using Microsoft.Playwright;
using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>
/// Playwright on Debian's Chromium (never `playwright install`): one browser per factory,
/// a fresh BrowserContext per session (scenario).
/// </summary>
/// <remarks>
/// Trust: the server CA goes into an NSS database in a private HOME given to Chromium only
/// (see <see cref="ChromiumTrustStore"/>), and into NODE_EXTRA_CA_CERTS for the Node driver, whose
/// client-certificate proxy verifies the server itself. Certificate errors are never ignored by us.
/// </remarks>
public sealed class PlaywrightSessionFactory : IBrowserSessionFactory
{
    private readonly BrowserOptions options;
    private readonly PlaywrightBrowserHost host;
    private readonly string home;
    private (string? Previous, string Ours)? nodeCa;

    public PlaywrightSessionFactory(BrowserOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        home = Path.Combine(Path.GetTempPath(), "shinkin-playwright-" + Guid.NewGuid().ToString("N")[..12]);
        host = new PlaywrightBrowserHost(LaunchAsync, log ?? Console.Error, DeleteHomeAsync);
    }

    public string EngineName => "playwright";

    /// <summary>Chromium's version once started (e.g. "156.0.8078.108"); null before.</summary>
    public string? BrowserVersion => host.BrowserVersion;

    /// <summary>Set when Chromium's major version is not the one Playwright 1.64 expects.</summary>
    public string? VersionWarning => host.VersionWarning;

    public static int ExpectedChromiumMajor => PlaywrightBrowserHost.ExpectedChromiumMajor;

    /// <summary>Starts the driver and the browser now (otherwise the first session does).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ChromiumArguments.RequireExecutable(options.ChromiumPath, "Chromium", "SHINKIN_CHROMIUM", "chromium");
        if (options.TrustedCaPemPath is { } ca)
        {
            if (!File.Exists(ca))
            {
                throw new BrowserException($"Trusted CA file '{ca}' does not exist.");
            }

            // Node reads this once at start; the driver process is started by Playwright.CreateAsync.
            if (nodeCa is null)
            {
                nodeCa = (Environment.GetEnvironmentVariable("NODE_EXTRA_CA_CERTS"), Path.GetFullPath(ca));
                Environment.SetEnvironmentVariable("NODE_EXTRA_CA_CERTS", nodeCa.Value.Ours);
            }
        }

        await host.BrowserAsync(cancellationToken);
    }

    public async Task<IBrowserSession> CreateSessionAsync(BrowserSessionOptions sessionOptions, CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        var browser = await host.BrowserAsync(cancellationToken);
        return await PlaywrightSession.CreateAsync(browser, sessionOptions, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();

        // Later drivers in this process must not inherit a CA file that may be deleted with its run.
        if (nodeCa is { } set && Environment.GetEnvironmentVariable("NODE_EXTRA_CA_CERTS") == set.Ours)
        {
            Environment.SetEnvironmentVariable("NODE_EXTRA_CA_CERTS", set.Previous);
        }
    }

    private async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Directory.CreateDirectory(home);
        if (options.TrustedCaPemPath is { } ca)
        {
            await ChromiumTrustStore.CreateAsync(home, ca);
        }

        // Playwright's Env replaces the browser's whole environment, so copy ours and swap HOME.
        var environment = Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
        environment["HOME"] = home;

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.ChromiumPath,
            Headless = options.Headless,
            Args = ChromiumArguments.Common(headless: false),
            ChromiumSandbox = false,
            Env = environment,
            SlowMo = options.SlowMoMilliseconds,
            Timeout = 60_000,
        });
    }

    private Task DeleteHomeAsync()
    {
        try
        {
            if (Directory.Exists(home))
            {
                Directory.Delete(home, recursive: true);
            }
        }
        catch (IOException)
        {
            // A browser child still holding a file: the folder sits in the temp dir and is harmless.
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Playwright connected to a remote browser server (`launchServer` / `playwright run-server`) over ws://.
/// The server's host decides which CAs its Chromium and its driver trust.
/// </summary>
public sealed class PlaywrightRemoteSessionFactory : IBrowserSessionFactory
{
    private readonly PlaywrightBrowserHost host;

    public PlaywrightRemoteSessionFactory(BrowserOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.PlaywrightServerUrl
            ?? throw new BrowserException("PlaywrightRemote needs a ws:// endpoint (SHINKIN_PW_SERVER or --pw-server).");
        Endpoint = endpoint;
        host = new PlaywrightBrowserHost(
            playwright => playwright.Chromium.ConnectAsync(endpoint.ToString(), new BrowserTypeConnectOptions
            {
                SlowMo = options.SlowMoMilliseconds,
                Timeout = 30_000,
            }),
            log ?? Console.Error);
    }

    public Uri Endpoint { get; }

    public string EngineName => "playwright-remote";

    public string? BrowserVersion => host.BrowserVersion;

    public string? VersionWarning => host.VersionWarning;

    public async Task<IBrowserSession> CreateSessionAsync(BrowserSessionOptions sessionOptions, CancellationToken cancellationToken = default)
    {
        var browser = await host.BrowserAsync(cancellationToken);
        return await PlaywrightSession.CreateAsync(browser, sessionOptions, cancellationToken);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
