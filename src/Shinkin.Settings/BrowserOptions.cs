namespace Shinkin.Settings;

/// <summary>Run-wide browser configuration: which engine, which browser binary, which remote endpoint.</summary>
public sealed record BrowserOptions
{
    public BrowserEngine Engine { get; init; } = BrowserEngine.Playwright;

    public bool Headless { get; init; } = true;

    /// <summary>Chromium executable: Debian's on Linux, Edge on Windows. Never downloaded.</summary>
    public string ChromiumPath { get; init; } = DefaultChromiumPath();

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

    /// <summary>What a remote engine lacks (empty when the engine has what it needs); the browsers layer adds its own checks.</summary>
    public IReadOnlyList<string> Problems() =>
        Engine switch
        {
            BrowserEngine.SeleniumRemote when GridUrl is null => ["engine selenium-remote needs a Grid URL (--grid URL or SHINKIN_GRID_URL)"],
            BrowserEngine.PlaywrightRemote when PlaywrightServerUrl is null => ["engine playwright-remote needs a server (--pw-server ws://… or SHINKIN_PW_SERVER)"],
            _ => [],
        };

    /// <summary>
    /// The local programs this engine starts that are not there (empty for the remote engines, and for Edge IE mode,
    /// whose adapter checks its Windows paths itself). Checked by the browsers layer when a session starts, and by the
    /// command line before a run starts.
    /// </summary>
    public IReadOnlyList<string> MissingPrograms()
    {
        var programs = Engine switch
        {
            BrowserEngine.Playwright => [Chromium],
            BrowserEngine.Selenium => [ChromeDriver, Chromium],
            _ => Array.Empty<(string Path, string What, string Variable, string Package)>(),
        };
        return programs.Select(p => MissingProgram(p.Path, p.What, p.Variable, p.Package)).OfType<string>().ToList();
    }

    /// <summary>Why this engine cannot run on this machine at all (Edge IE mode off Windows), or null.</summary>
    public string? UnavailableHere() => Engine == BrowserEngine.EdgeIeMode ? EdgeIeModeUnavailableHere() : null;

    /// <summary>Why Edge IE mode cannot run here (it needs Windows), or null on Windows.</summary>
    public static string? EdgeIeModeUnavailableHere() =>
        OperatingSystem.IsWindows()
            ? null
            : "Edge IE mode needs Windows; this machine runs " + System.Runtime.InteropServices.RuntimeInformation.OSDescription
                + ". Run with the playwright or selenium engine here, or on a Windows PC with Edge and IEDriverServer.exe.";

    /// <summary>Why a program the run starts cannot be used (it is not at <paramref name="path"/>), or null when it is there.</summary>
    public static string? MissingProgram(string path, string what, string variable, string package) =>
        File.Exists(path)
            ? null
            : $"{what} not found at '{path}'. Install Debian's {package} (./harness setup) or point {variable} at it; browsers and drivers are never downloaded.";

    private (string Path, string What, string Variable, string Package) Chromium => (ChromiumPath, "Chromium", "SHINKIN_CHROMIUM", "chromium");

    private (string Path, string What, string Variable, string Package) ChromeDriver => (ChromeDriverPath, "chromedriver", "SHINKIN_CHROMEDRIVER", "chromium-driver");

    private static string DefaultChromiumPath() =>
        OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Microsoft", "Edge", "Application", "msedge.exe")
            : "/usr/bin/chromium";
}
