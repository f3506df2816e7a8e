using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Shinkin.Browsers;

/// <summary>
/// One Playwright driver and one browser, shared by the sessions of a factory; each session gets its
/// own BrowserContext. Started lazily (first session) and only once, even with parallel scenarios.
/// </summary>
internal sealed class PlaywrightBrowserHost : IAsyncDisposable
{
    /// <summary>Chromium major that Playwright 1.64 was rolled against, when its browsers.json cannot be read.</summary>
    private const int FallbackExpectedMajor = 156;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Func<IPlaywright, Task<IBrowser>> open;
    private readonly TextWriter log;
    private readonly Func<Task>? cleanup;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public PlaywrightBrowserHost(Func<IPlaywright, Task<IBrowser>> open, TextWriter log, Func<Task>? cleanup = null)
    {
        this.open = open;
        this.log = log;
        this.cleanup = cleanup;
    }

    public string? BrowserVersion { get; private set; }

    public string? VersionWarning { get; private set; }

    public static int ExpectedChromiumMajor { get; } = ReadExpectedMajor();

    public async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (browser is { IsConnected: true })
        {
            return browser;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (browser is { IsConnected: true })
            {
                return browser;
            }

            playwright ??= await Microsoft.Playwright.Playwright.CreateAsync();
            try
            {
                browser = await open(playwright);
            }
            catch (PlaywrightException ex)
            {
                throw new BrowserException($"Could not start or reach the Playwright browser: {TargetText.FirstLine(ex.Message)}", ex);
            }

            BrowserVersion = browser.Version;
            VersionWarning = CheckVersion(browser.Version);
            if (VersionWarning is not null)
            {
                await log.WriteLineAsync("WARNING: " + VersionWarning);
            }

            return browser;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A warning when <paramref name="version"/>'s major differs from what Playwright expects; null when it matches.</summary>
    public static string? CheckVersion(string version)
    {
        var majorText = version.Split('.')[0];
        if (!int.TryParse(majorText, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return $"Cannot read the Chromium version '{version}'; Playwright 1.64 expects Chromium {ExpectedChromiumMajor}.";
        }

        return major == ExpectedChromiumMajor
            ? null
            : $"Chromium {version} differs from the major version Playwright 1.64 expects ({ExpectedChromiumMajor}); "
              + "the protocol may have drifted. Install the matching Debian chromium or update Microsoft.Playwright.";
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (cleanup is not null)
        {
            await cleanup();
        }

        gate.Dispose();
    }

    private static int ReadExpectedMajor()
    {
        var file = Path.Combine(AppContext.BaseDirectory, ".playwright", "package", "browsers.json");
        try
        {
            var browsers = JsonNode.Parse(File.ReadAllText(file))?["browsers"]?.AsArray();
            var chromium = browsers?.FirstOrDefault(b => (string?)b?["name"] == "chromium");
            var version = (string?)chromium?["browserVersion"];
            return version is not null && int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                ? major
                : FallbackExpectedMajor;
        }
        catch (IOException)
        {
            return FallbackExpectedMajor;
        }
        catch (UnauthorizedAccessException)
        {
            return FallbackExpectedMajor;
        }
    }
}
