using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Remote;
using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>
/// Selenium on Debian's Chromium and /usr/bin/chromedriver, one browser per session. Both paths are
/// explicit, so Selenium Manager never runs; SE_OFFLINE=true makes sure it could not download anyway.
/// </summary>
public sealed class SeleniumSessionFactory : IBrowserSessionFactory
{
    private readonly BrowserOptions options;
    private readonly SemaphoreSlim templateGate = new(1, 1);
    private readonly string templateHome = Path.Combine(Path.GetTempPath(), "shinkin-selenium-trust-" + Guid.NewGuid().ToString("N")[..12]);
    private ChromiumTrustStore? trustTemplate;

    public SeleniumSessionFactory(BrowserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
    }

    public string EngineName => "selenium";

    public async Task<IBrowserSession> CreateSessionAsync(BrowserSessionOptions sessionOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionOptions);
        ChromiumArguments.RequireExecutable(options.ChromeDriverPath, "chromedriver", "SHINKIN_CHROMEDRIVER", "chromium-driver");
        ChromiumArguments.RequireExecutable(options.ChromiumPath, "Chromium", "SHINKIN_CHROMIUM", "chromium");
        if (options.TrustedCaPemPath is { } ca && !File.Exists(ca))
        {
            throw new BrowserException($"Trusted CA file '{ca}' does not exist.");
        }

        return await LocalChromiumSession.StartAsync(options, sessionOptions, await TrustTemplateAsync(cancellationToken), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (Directory.Exists(templateHome))
            {
                Directory.Delete(templateHome, recursive: true);
            }
        }
        catch (IOException)
        {
            // The folder sits in the temp dir and is harmless.
        }

        templateGate.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The NSS database trusting the server CA, made once per run and copied into every session's HOME.</summary>
    private async Task<ChromiumTrustStore?> TrustTemplateAsync(CancellationToken cancellationToken)
    {
        if (options.TrustedCaPemPath is not { } ca)
        {
            return null;
        }

        await templateGate.WaitAsync(cancellationToken);
        try
        {
            return trustTemplate ??= await ChromiumTrustStore.CreateAsync(templateHome, ca, cancellationToken);
        }
        finally
        {
            templateGate.Release();
        }
    }
}

/// <summary>
/// RemoteWebDriver against any W3C endpoint (Selenium Grid, a chromedriver started as a server).
/// The node decides which CAs its browser trusts; client certificates cannot be installed from here
/// (the NSS database and profile live on the node), so these sessions do not offer
/// <see cref="ISupportsClientCertificates"/>.
/// </summary>
public sealed class SeleniumRemoteSessionFactory : IBrowserSessionFactory
{
    private readonly BrowserOptions options;

    public SeleniumRemoteSessionFactory(BrowserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        GridUrl = options.GridUrl ?? throw new BrowserException("SeleniumRemote needs a W3C endpoint (SHINKIN_GRID_URL or --grid URL).");
    }

    public Uri GridUrl { get; }

    public string EngineName => "selenium-remote";

    public Task<IBrowserSession> CreateSessionAsync(BrowserSessionOptions sessionOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionOptions);
        // Starting a remote session blocks and takes no token: check before asking the grid for a browser.
        cancellationToken.ThrowIfCancellationRequested();
        var chrome = new ChromeOptions
        {
            UnhandledPromptBehavior = UnhandledPromptBehavior.Ignore,
            AcceptInsecureCertificates = false,
        };
        if (options.RemoteChromiumPath is { } binary)
        {
            chrome.BinaryLocation = binary;
        }

        chrome.AddArguments(ChromiumArguments.Common(options.Headless));
        chrome.AddArgument(string.Create(CultureInfo.InvariantCulture, $"--window-size={sessionOptions.ViewportWidth},{sessionOptions.ViewportHeight}"));
        chrome.AddArgument("--lang=ja");
        chrome.AddUserProfilePreference("download.default_directory", Path.GetFullPath(sessionOptions.DownloadDirectory));
        chrome.AddUserProfilePreference("download.prompt_for_download", false);

        RemoteWebDriver driver;
        try
        {
            driver = new RemoteWebDriver(GridUrl, chrome.ToCapabilities(), TimeSpan.FromSeconds(60));
        }
        catch (WebDriverException ex)
        {
            throw new BrowserException($"Opening a browser on the grid {GridUrl} failed: {TargetText.FirstLine(ex.Message)}", ex);
        }

        return Task.FromResult<IBrowserSession>(new RemoteChromiumSession(driver, sessionOptions));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Chromium on a grid node: axe-core runs in its pages as in the local one.</summary>
internal sealed class RemoteChromiumSession(IWebDriver driver, BrowserSessionOptions options)
    : SeleniumSession(driver, options, "chromium"), ISupportsAccessibilityScan;
