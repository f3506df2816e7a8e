namespace Shinkin.Browsers;

public enum BrowserEngine
{
    Playwright,
    Selenium,
    SeleniumRemote,
    PlaywrightRemote,
    EdgeIeMode,
}

/// <summary>Run-wide browser configuration (from runsettings / environment / CLI).</summary>
public sealed record BrowserOptions
{
    public BrowserEngine Engine { get; init; } = BrowserEngine.Playwright;

    public bool Headless { get; init; } = true;

    /// <summary>Chromium executable; Debian's by default. Never downloaded.</summary>
    public string ChromiumPath { get; init; } = "/usr/bin/chromium";

    public string ChromeDriverPath { get; init; } = "/usr/bin/chromedriver";

    /// <summary>PEM file of the CA the browser must trust for the target (the reference server's CA).</summary>
    public string? TrustedCaPemPath { get; init; }

    /// <summary>W3C endpoint for <see cref="BrowserEngine.SeleniumRemote"/>.</summary>
    public Uri? GridUrl { get; init; }

    /// <summary>ws:// endpoint for <see cref="BrowserEngine.PlaywrightRemote"/>.</summary>
    public Uri? PlaywrightServerUrl { get; init; }

    /// <summary>IEDriverServer.exe for <see cref="BrowserEngine.EdgeIeMode"/> (Windows only).</summary>
    public string? IeDriverPath { get; init; }

    public string? EdgePath { get; init; }

    public int SlowMoMilliseconds { get; init; }
}
