using NUnit.Framework;

namespace Shinkin.Cli.Tests;

/// <summary>
/// `doctor` looks for the browser and driver a run would start: SHINKIN_CHROMIUM and SHINKIN_CHROMEDRIVER when they are
/// set. Before, it always looked at /usr/bin and called the machine ready while a run would fail for want of a browser.
/// </summary>
[TestFixture]
[Platform(Include = "Linux", Reason = "the Debian paths and packages")]
public sealed class DoctorCommandTests
{
    [Test]
    public async Task A_browser_and_driver_that_are_not_where_the_settings_say_are_named_and_the_machine_is_not_ready()
    {
        var nowhere = Path.Combine(Path.GetTempPath(), "shinkin-doctor-" + Guid.NewGuid().ToString("N"));
        await using var doctor = HarnessProcess.StartCli(
            ["doctor"],
            new Dictionary<string, string?> { ["SHINKIN_CHROMIUM"] = Path.Combine(nowhere, "chromium"), ["SHINKIN_CHROMEDRIVER"] = Path.Combine(nowhere, "chromedriver") });

        var exit = await doctor.ExitCodeAsync(TimeSpan.FromMinutes(2));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), doctor.Output);
            Assert.That(doctor.Output, Does.Contain($"Chromium             Chromium not found at '{Path.Combine(nowhere, "chromium")}'").And.Contain("SHINKIN_CHROMIUM"));
            Assert.That(doctor.Output, Does.Contain($"chromedriver         chromedriver not found at '{Path.Combine(nowhere, "chromedriver")}'"));
        });
    }
}
