using OpenQA.Selenium;
using OpenQA.Selenium.IE;
using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>
/// What Edge's Internet Explorer mode needs from us, validated without Windows so a wrong
/// configuration is caught on any machine. See the folder README for the PC-side prerequisites.
/// </summary>
public sealed record EdgeIeModeConfiguration
{
    public const string DefaultEdgePath = @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe";

    public string? IeDriverPath { get; init; }

    public string EdgePath { get; init; } = DefaultEdgePath;

    public static EdgeIeModeConfiguration From(BrowserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EdgeIeModeConfiguration { IeDriverPath = options.IeDriverPath, EdgePath = options.EdgePath ?? DefaultEdgePath };
    }

    /// <summary>Configuration errors (empty when valid). File existence is checked only on Windows.</summary>
    public IReadOnlyList<string> Validate(bool checkFilesExist = false)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(IeDriverPath))
        {
            problems.Add("IEDriverServer path is not set (SHINKIN_IEDRIVER). Get IEDriverServer_Win32_<version>.zip from the Selenium releases and unpack it; it is not served as a package here.");
        }
        else
        {
            if (!FileNameIs(IeDriverPath, "IEDriverServer.exe"))
            {
                problems.Add($"IEDriverServer path '{IeDriverPath}' must point at IEDriverServer.exe.");
            }

            if (!IsWindowsAbsolute(IeDriverPath))
            {
                problems.Add($"IEDriverServer path '{IeDriverPath}' must be an absolute Windows path (C:\\...).");
            }
            else if (checkFilesExist && !File.Exists(IeDriverPath))
            {
                problems.Add($"IEDriverServer.exe not found at '{IeDriverPath}'.");
            }
        }

        if (!FileNameIs(EdgePath, "msedge.exe"))
        {
            problems.Add($"Edge path '{EdgePath}' must point at msedge.exe.");
        }
        else if (!IsWindowsAbsolute(EdgePath))
        {
            problems.Add($"Edge path '{EdgePath}' must be an absolute Windows path (C:\\...).");
        }
        else if (checkFilesExist && !File.Exists(EdgePath))
        {
            problems.Add($"msedge.exe not found at '{EdgePath}'.");
        }

        return problems;
    }

    /// <summary>
    /// IE mode options. Protected Mode settings are NOT ignored (the driver refuses to start until all
    /// zones agree) and the zoom level is NOT ignored (it must be 100 %): both make clicks land wrongly.
    /// </summary>
    public InternetExplorerOptions ToDriverOptions() => new()
    {
        AttachToEdgeChrome = true,
        EdgeExecutablePath = EdgePath,
        IntroduceInstabilityByIgnoringProtectedModeSettings = false,
        IgnoreZoomLevel = false,
        EnsureCleanSession = true,
        RequireWindowFocus = false,
        UnhandledPromptBehavior = UnhandledPromptBehavior.Ignore,
        AcceptInsecureCertificates = false,
    };

    private static bool FileNameIs(string path, string name) =>
        string.Equals(path.Replace('\\', '/').Split('/')[^1], name, StringComparison.OrdinalIgnoreCase);

    private static bool IsWindowsAbsolute(string path) =>
        path.Length > 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/');
}

/// <summary>Edge in Internet Explorer mode through IEDriverServer (Windows only).</summary>
public sealed class EdgeIeModeSessionFactory : IBrowserSessionFactory
{
    public EdgeIeModeSessionFactory(BrowserOptions options) => Configuration = EdgeIeModeConfiguration.From(options);

    public EdgeIeModeConfiguration Configuration { get; }

    public string EngineName => "selenium-edge-iemode";

    public Task<IBrowserSession> CreateSessionAsync(BrowserSessionOptions sessionOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sessionOptions);
        if (BrowserOptions.EdgeIeModeUnavailableHere() is { } unavailable)
        {
            throw new BrowserException(unavailable);
        }

        var problems = Configuration.Validate(checkFilesExist: true);
        if (problems.Count > 0)
        {
            throw new BrowserException("Edge IE mode is not configured: " + string.Join(" ", problems));
        }

        // Starting IEDriverServer blocks and takes no token: check before it starts.
        cancellationToken.ThrowIfCancellationRequested();
        var driverPath = Configuration.IeDriverPath!;
        var service = InternetExplorerDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.HideCommandPromptWindow = true;
        try
        {
            var driver = new InternetExplorerDriver(service, Configuration.ToDriverOptions(), TimeSpan.FromSeconds(60));
            return Task.FromResult<IBrowserSession>(new SeleniumSession(driver, sessionOptions, "edge-iemode"));
        }
        catch (WebDriverException ex)
        {
            service.Dispose();
            throw new BrowserException(
                $"Starting Edge IE mode failed: {TargetText.FirstLine(ex.Message)} (Protected Mode must be the same in all four zones and zoom 100 %).", ex);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
