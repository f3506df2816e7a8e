using System.Globalization;

namespace Shinkin.Settings;

/// <summary>
/// The documented environment overrides, and the only code that reads a SHINKIN_* variable. A runsettings
/// file's &lt;EnvironmentVariables&gt; speak the same names, so they go through here too.
/// </summary>
public static class SettingsEnvironment
{
    /// <summary>One documented variable: its name and what it sets.</summary>
    public sealed record Variable(string Name, string Meaning);

    public const string RunDirectory = "SHINKIN_RUN_DIR";
    public const string Engine = "SHINKIN_ENGINE";
    public const string Headed = "SHINKIN_HEADED";
    public const string GridUrl = "SHINKIN_GRID_URL";
    public const string PlaywrightServer = "SHINKIN_PW_SERVER";
    public const string Chromium = "SHINKIN_CHROMIUM";
    public const string RemoteChromium = "SHINKIN_REMOTE_CHROMIUM";
    public const string ChromeDriver = "SHINKIN_CHROMEDRIVER";
    public const string IeDriver = "SHINKIN_IEDRIVER";
    public const string Edge = "SHINKIN_EDGE";
    public const string CaPem = "SHINKIN_CA_PEM";
    public const string SlowMo = "SHINKIN_SLOWMO";
    public const string Target = "SHINKIN_TARGET";
    public const string TargetCertificateUrl = "SHINKIN_TARGET_CERT_URL";
    public const string BackOfficeKey = "SHINKIN_BACKOFFICE_KEY";
    public const string TargetProfile = "SHINKIN_TARGET_PROFILE";
    public const string Locators = "SHINKIN_LOCATORS";
    public const string A11y = "SHINKIN_A11Y";
    public const string Trace = "SHINKIN_TRACE";
    public const string Shard = "SHINKIN_SHARD";
    public const string Filter = "SHINKIN_FILTER";
    public const string DryRun = "SHINKIN_DRY_RUN";
    public const string FeaturesDirectory = "SHINKIN_FEATURES_DIR";
    public const string Workers = "SHINKIN_WORKERS";
    public const string Retries = "SHINKIN_RETRIES";

    /// <summary>Every variable, in the order `shinkin help` and the README list them.</summary>
    public static IReadOnlyList<Variable> Variables { get; } =
    [
        new(RunDirectory, "run folder the test host writes its record into (the command line sets it)"),
        new(Engine, $"browser engine: {string.Join(", ", BrowserEngines.Names)}"),
        new(Headed, "1: show the browser window"),
        new(GridUrl, "Selenium Grid / W3C endpoint (implies selenium-remote)"),
        new(PlaywrightServer, "remote Playwright server ws:// endpoint (implies playwright-remote)"),
        new(Chromium, "Chromium or Edge executable (default /usr/bin/chromium; Edge on Windows)"),
        new(RemoteChromium, "browser binary on a remote Selenium node"),
        new(ChromeDriver, "chromedriver executable (default /usr/bin/chromedriver)"),
        new(IeDriver, "IEDriverServer.exe for edge-iemode"),
        new(Edge, "msedge.exe for edge-iemode"),
        new(CaPem, "PEM file of a CA the browser must trust"),
        new(SlowMo, "milliseconds to wait between browser actions (demonstrations)"),
        new(Target, "another copy of the reference server to test (https URL)"),
        new(TargetCertificateUrl, "that target's certificate-login origin"),
        new(BackOfficeKey, "that target's test-data API key (a secret: never written to run.json)"),
        new(TargetProfile, "target profile file (targets/NAME.json)"),
        new(Locators, "labels (the manual's words) or testids"),
        new(A11y, "accessibility scan of each screen: off, report (default) or enforce (serious/critical violations fail the run)"),
        new(Trace, "engine trace of each scenario: off (default) or on-failure (kept as trace.zip when a scenario fails)"),
        new(Shard, "stable slice I/N of the scenarios"),
        new(Filter, "the dotnet test filter, as recorded in reports"),
        new(DryRun, "1: bind every step without a browser"),
        new(FeaturesDirectory, "folder of the .feature files (default beside the test assembly)"),
        new(Workers, "parallel scenarios"),
        new(Retries, $"how often a failed scenario is run again (default 0, at most {RunSettings.MaxRetries}); a later pass is 再実行で合格, undefined/ambiguous/pending steps never"),
    ];

    /// <summary>The run folder named by <see cref="RunDirectory"/> in this process, or null.</summary>
    public static string? RunDirectoryOf(Func<string, string?> read) => Get(read, RunDirectory) is { } dir ? Path.GetFullPath(dir) : null;

    /// <summary>This process's variables over <paramref name="baseline"/>.</summary>
    public static RunSettings Apply(RunSettings baseline) => Apply(baseline, Environment.GetEnvironmentVariable);

    /// <summary>
    /// The variables read through <paramref name="read"/> (name → value, null when unset) over <paramref name="baseline"/>.
    /// Unset or empty variables keep the baseline; a malformed value throws <see cref="SettingsException"/> naming the
    /// variable, so a typo stops the run instead of silently choosing something else.
    /// </summary>
    public static RunSettings Apply(RunSettings baseline, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(read);
        var browser = baseline.Browser;
        var grid = Get(read, GridUrl) is { } g ? ParseUri(GridUrl, g, "http", "https") : browser.GridUrl;
        var server = Get(read, PlaywrightServer) is { } s ? ParseUri(PlaywrightServer, s, "ws", "wss") : browser.PlaywrightServerUrl;
        var engine = Get(read, Engine) is { } e ? BrowserEngines.Parse(e, Engine)
            : Get(read, GridUrl) is not null ? BrowserEngine.SeleniumRemote
            : Get(read, PlaywrightServer) is not null ? BrowserEngine.PlaywrightRemote
            : browser.Engine;
        browser = browser with
        {
            Engine = engine,
            Headless = Get(read, Headed) is { } headed ? !ParseBool(Headed, headed) : browser.Headless,
            GridUrl = grid,
            PlaywrightServerUrl = server,
            ChromiumPath = Get(read, Chromium) ?? browser.ChromiumPath,
            RemoteChromiumPath = Get(read, RemoteChromium) ?? browser.RemoteChromiumPath,
            ChromeDriverPath = Get(read, ChromeDriver) ?? browser.ChromeDriverPath,
            IeDriverPath = Get(read, IeDriver) ?? browser.IeDriverPath,
            EdgePath = Get(read, Edge) ?? browser.EdgePath,
            TrustedCaPemPath = Get(read, CaPem) ?? browser.TrustedCaPemPath,
            SlowMoMilliseconds = Get(read, SlowMo) is { } slow ? ParseCount(SlowMo, slow, minimum: 0) : browser.SlowMoMilliseconds,
        };

        return baseline with
        {
            Browser = browser,
            RunDirectory = RunDirectoryOf(read) ?? baseline.RunDirectory,
            Target = Get(read, Target) is { } t ? ParseUri(Target, t, "https", "http") : baseline.Target,
            TargetCertificateUrl = Get(read, TargetCertificateUrl) is { } c ? ParseUri(TargetCertificateUrl, c, "https", "http") : baseline.TargetCertificateUrl,
            BackOfficeKey = Get(read, BackOfficeKey) ?? baseline.BackOfficeKey,
            TargetProfile = Get(read, TargetProfile) is { } p ? Path.GetFullPath(p) : baseline.TargetProfile,
            Locators = Get(read, Locators) is { } l ? LocatorModes.Parse(l, Locators) : baseline.Locators,
            A11y = Get(read, A11y) is { } a ? A11yModes.Parse(a, A11y) : baseline.A11y,
            Trace = Get(read, Trace) is { } tr ? TraceModes.Parse(tr, Trace) : baseline.Trace,
            Shard = Get(read, Shard) ?? baseline.Shard,
            Filter = Get(read, Filter) ?? baseline.Filter,
            DryRun = Get(read, DryRun) is { } d ? ParseBool(DryRun, d) : baseline.DryRun,
            FeaturesDirectory = Get(read, FeaturesDirectory) is { } f ? Path.GetFullPath(f) : baseline.FeaturesDirectory,
            Workers = Get(read, Workers) is { } w ? ParseCount(Workers, w, minimum: 1) : baseline.Workers,
            Retries = Get(read, Retries) is { } r ? ParseRetries(Retries, r) : baseline.Retries,
        };
    }

    /// <summary>The secrets run.json never holds (the test-data API key), from the variables over <paramref name="recorded"/>.</summary>
    public static RunSettings ApplySecrets(RunSettings recorded, Func<string, string?> read) =>
        Get(read, BackOfficeKey) is { } key ? recorded with { BackOfficeKey = key } : recorded;

    private static string? Get(Func<string, string?> read, string name) =>
        read(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    internal static bool ParseBool(string name, string value) =>
        value.ToLowerInvariant() switch
        {
            "1" or "true" or "yes" or "on" => true,
            "0" or "false" or "no" or "off" => false,
            _ => throw new SettingsException($"{name}='{value}' is not a boolean; use 1/0, true/false, yes/no."),
        };

    private static int ParseCount(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new SettingsException($"{name}='{value}' is not a whole number ≥ {minimum}.");

    /// <summary>A retry count (0 to <see cref="RunSettings.MaxRetries"/>); otherwise a <see cref="SettingsException"/> naming <paramref name="source"/>.</summary>
    public static int ParseRetries(string source, string value) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= RunSettings.MaxRetries
            ? number
            : throw new SettingsException($"{source}='{value}' is not a retry count; use a whole number from 0 to {RunSettings.MaxRetries}.");

    /// <summary>An absolute URL with one of <paramref name="schemes"/>; otherwise a <see cref="SettingsException"/> naming <paramref name="name"/>.</summary>
    public static Uri ParseUri(string name, string value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase)
            ? uri
            : throw new SettingsException($"{name}='{value}' is not an absolute {string.Join(" or ", schemes)} URL.");
}
