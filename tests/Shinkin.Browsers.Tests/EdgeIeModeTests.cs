using NUnit.Framework;
using Shinkin.Settings;

namespace Shinkin.Browsers.Tests;

public sealed class EdgeIeModeTests
{
    private static readonly BrowserOptions Valid = new()
    {
        Engine = BrowserEngine.EdgeIeMode,
        IeDriverPath = @"C:\tools\IEDriverServer.exe",
        EdgePath = @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    };

    [Test]
    public void A_complete_configuration_has_no_problems_and_builds_IE_mode_options()
    {
        var configuration = EdgeIeModeConfiguration.From(Valid);
        var options = configuration.ToDriverOptions();

        Assert.That(configuration.Validate(), Is.Empty);
        Assert.That(options.AttachToEdgeChrome, Is.True);
        Assert.That(options.EdgeExecutablePath, Is.EqualTo(Valid.EdgePath));
        Assert.That(options.IntroduceInstabilityByIgnoringProtectedModeSettings, Is.False, "Protected Mode must be equal in all zones instead");
        Assert.That(options.IgnoreZoomLevel, Is.False, "zoom must be 100 %");
        Assert.That(options.AcceptInsecureCertificates, Is.False);
    }

    [Test]
    public void The_default_Edge_path_is_used_when_none_is_given() =>
        Assert.That(EdgeIeModeConfiguration.From(Valid with { EdgePath = null }).EdgePath, Is.EqualTo(EdgeIeModeConfiguration.DefaultEdgePath));

    [Test]
    public void A_missing_IEDriverServer_path_says_where_to_get_it()
    {
        var problems = EdgeIeModeConfiguration.From(Valid with { IeDriverPath = null }).Validate();

        Assert.That(problems, Has.One.Contains("SHINKIN_IEDRIVER").And.Contains("Selenium releases"));
    }

    [TestCase(@"C:\tools\chromedriver.exe", "must point at IEDriverServer.exe")]
    [TestCase(@"tools\IEDriverServer.exe", "absolute Windows path")]
    [TestCase("/usr/bin/IEDriverServer.exe", "absolute Windows path")]
    public void A_wrong_IEDriverServer_path_is_rejected(string path, string expected) =>
        Assert.That(EdgeIeModeConfiguration.From(Valid with { IeDriverPath = path }).Validate(), Has.One.Contains(expected));

    [TestCase(@"C:\Program Files\Google\Chrome\chrome.exe", "must point at msedge.exe")]
    [TestCase("msedge.exe", "absolute Windows path")]
    public void A_wrong_Edge_path_is_rejected(string path, string expected) =>
        Assert.That(EdgeIeModeConfiguration.From(Valid with { EdgePath = path }).Validate(), Has.One.Contains(expected));

    [Test]
    public void Options_validation_includes_the_IE_mode_problems() =>
        Assert.That((Valid with { IeDriverPath = null }).Validate(), Has.One.Contains("IEDriverServer"));

    [Test]
    [Platform(Exclude = "Win", Reason = "On Windows the factory would start IEDriverServer for real.")]
    public async Task Off_Windows_a_session_stops_with_a_clear_message()
    {
        await using var factory = BrowserSessionFactories.Create(Valid);
        Assert.That(factory, Is.InstanceOf<EdgeIeModeSessionFactory>());

        var error = Assert.ThrowsAsync<BrowserException>(() => factory.CreateSessionAsync(new BrowserSessionOptions { DownloadDirectory = Path.GetTempPath() }));

        Assert.That(error!.Message, Does.StartWith("Edge IE mode needs Windows; "));
    }
}
