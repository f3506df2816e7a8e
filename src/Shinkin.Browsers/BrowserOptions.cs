using System.Globalization;

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

    /// <summary>
    /// Browser binary on the remote node for <see cref="BrowserEngine.SeleniumRemote"/>; when null the
    /// node's driver picks its own browser (the local <see cref="ChromiumPath"/> means nothing there).
    /// </summary>
    public string? RemoteChromiumPath { get; init; }

    /// <summary>IEDriverServer.exe for <see cref="BrowserEngine.EdgeIeMode"/> (Windows only).</summary>
    public string? IeDriverPath { get; init; }

    public string? EdgePath { get; init; }

    public int SlowMoMilliseconds { get; init; }

    /// <summary>The environment variables <see cref="FromEnvironment()"/> reads.</summary>
    public static IReadOnlyList<string> EnvironmentVariableNames { get; } =
    [
        "SHINKIN_ENGINE", "SHINKIN_HEADED", "SHINKIN_GRID_URL", "SHINKIN_PW_SERVER", "SHINKIN_CHROMIUM",
        "SHINKIN_REMOTE_CHROMIUM", "SHINKIN_CHROMEDRIVER", "SHINKIN_IEDRIVER", "SHINKIN_EDGE", "SHINKIN_CA_PEM",
        "SHINKIN_SLOWMO",
    ];

    /// <summary>Reads the SHINKIN_* variables of this process (see the folder README).</summary>
    public static BrowserOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Reads options through <paramref name="read"/> (a variable name to its value, null when unset).
    /// Unset or empty variables keep the defaults; a malformed value throws <see cref="BrowserException"/>
    /// naming the variable, so a typo stops the run instead of silently choosing another engine.
    /// </summary>
    public static BrowserOptions FromEnvironment(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        string? Get(string name) => read(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var options = new BrowserOptions();
        var grid = Get("SHINKIN_GRID_URL") is { } g ? ParseUri("SHINKIN_GRID_URL", g, "http", "https") : null;
        var server = Get("SHINKIN_PW_SERVER") is { } s ? ParseUri("SHINKIN_PW_SERVER", s, "ws", "wss") : null;
        var engine = Get("SHINKIN_ENGINE") is { } e
            ? ParseEngine(e)
            : grid is not null ? BrowserEngine.SeleniumRemote
            : server is not null ? BrowserEngine.PlaywrightRemote
            : options.Engine;

        options = options with
        {
            Engine = engine,
            Headless = Get("SHINKIN_HEADED") is { } headed ? !ParseBool("SHINKIN_HEADED", headed) : options.Headless,
            GridUrl = grid,
            PlaywrightServerUrl = server,
            ChromiumPath = Get("SHINKIN_CHROMIUM") ?? options.ChromiumPath,
            RemoteChromiumPath = Get("SHINKIN_REMOTE_CHROMIUM"),
            ChromeDriverPath = Get("SHINKIN_CHROMEDRIVER") ?? options.ChromeDriverPath,
            IeDriverPath = Get("SHINKIN_IEDRIVER"),
            EdgePath = Get("SHINKIN_EDGE"),
            TrustedCaPemPath = Get("SHINKIN_CA_PEM"),
            SlowMoMilliseconds = Get("SHINKIN_SLOWMO") is { } slow ? ParseNonNegative("SHINKIN_SLOWMO", slow) : 0,
        };
        return options;
    }

    /// <summary>Problems that stop a run with this configuration (empty when it can start).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        switch (Engine)
        {
            case BrowserEngine.SeleniumRemote when GridUrl is null:
                problems.Add("Engine SeleniumRemote needs GridUrl (SHINKIN_GRID_URL or --grid URL).");
                break;
            case BrowserEngine.PlaywrightRemote when PlaywrightServerUrl is null:
                problems.Add("Engine PlaywrightRemote needs PlaywrightServerUrl (SHINKIN_PW_SERVER or --pw-server ws://...).");
                break;
            case BrowserEngine.EdgeIeMode:
                problems.AddRange(EdgeIeModeConfiguration.From(this).Validate());
                break;
        }

        if (TrustedCaPemPath is not null && !File.Exists(TrustedCaPemPath))
        {
            problems.Add($"Trusted CA file '{TrustedCaPemPath}' (SHINKIN_CA_PEM) does not exist.");
        }

        return problems;
    }

    internal static BrowserEngine ParseEngine(string value) =>
        value.ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal) switch
        {
            "playwright" or "playwright-chromium" or "pw" => BrowserEngine.Playwright,
            "selenium" or "selenium-chrome" or "selenium-chromium" => BrowserEngine.Selenium,
            "selenium-remote" or "seleniumremote" or "selenium-grid" or "grid" => BrowserEngine.SeleniumRemote,
            "playwright-remote" or "playwrightremote" or "pw-server" => BrowserEngine.PlaywrightRemote,
            "edge-iemode" or "edgeiemode" or "edge-ie-mode" or "iemode" => BrowserEngine.EdgeIeMode,
            _ => throw new BrowserException(
                $"SHINKIN_ENGINE='{value}' is not an engine; use playwright, selenium, selenium-remote, playwright-remote or edge-iemode."),
        };

    private static bool ParseBool(string name, string value) =>
        value.ToLowerInvariant() switch
        {
            "1" or "true" or "yes" or "on" => true,
            "0" or "false" or "no" or "off" => false,
            _ => throw new BrowserException($"{name}='{value}' is not a boolean; use 1/0, true/false, yes/no."),
        };

    private static int ParseNonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new BrowserException($"{name}='{value}' is not a non-negative whole number of milliseconds.");

    private static Uri ParseUri(string name, string value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
            ? uri
            : throw new BrowserException($"{name}='{value}' is not an absolute {string.Join(" or ", schemes)} URL.");
}
