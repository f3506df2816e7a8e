using NUnit.Framework;
using Shinkin.Settings;

namespace Shinkin.Browsers.Tests;

public sealed class FactoryTests
{
    private static BrowserSessionOptions Session => new() { DownloadDirectory = Path.Combine(Path.GetTempPath(), "shinkin-factory-tests") };

    [TestCase(BrowserEngine.Playwright, typeof(PlaywrightSessionFactory))]
    [TestCase(BrowserEngine.Selenium, typeof(SeleniumSessionFactory))]
    [TestCase(BrowserEngine.SeleniumRemote, typeof(SeleniumRemoteSessionFactory))]
    [TestCase(BrowserEngine.PlaywrightRemote, typeof(PlaywrightRemoteSessionFactory))]
    [TestCase(BrowserEngine.EdgeIeMode, typeof(EdgeIeModeSessionFactory))]
    public async Task The_engine_chooses_the_factory(BrowserEngine engine, Type expected)
    {
        var options = new BrowserOptions
        {
            Engine = engine,
            GridUrl = new Uri("http://127.0.0.1:4444/"),
            PlaywrightServerUrl = new Uri("ws://127.0.0.1:3000/x"),
        };

        await using var factory = BrowserSessionFactories.Create(options);

        Assert.That(factory, Is.InstanceOf(expected));
    }

    [Test]
    public void A_remote_engine_without_its_endpoint_is_refused()
    {
        var error = Assert.Throws<BrowserException>(() => BrowserSessionFactories.Create(new BrowserOptions { Engine = BrowserEngine.SeleniumRemote }));

        Assert.That(error!.Message, Does.Contain("Grid URL").And.Contain("--grid"));
    }

    [Test]
    public async Task Selenium_without_chromedriver_stops_before_starting_anything()
    {
        await using var factory = new SeleniumSessionFactory(new BrowserOptions { Engine = BrowserEngine.Selenium, ChromeDriverPath = "/nonexistent/chromedriver" });

        var error = Assert.ThrowsAsync<BrowserException>(() => factory.CreateSessionAsync(Session));

        Assert.That(error!.Message, Does.Contain("/nonexistent/chromedriver").And.Contain("chromium-driver").And.Contain("never downloaded"));
        Assert.That(Environment.GetEnvironmentVariable("SE_OFFLINE"), Is.EqualTo("true"));
    }

    [Test]
    public async Task Selenium_without_the_browser_stops_before_starting_anything()
    {
        await using var factory = new SeleniumSessionFactory(new BrowserOptions { Engine = BrowserEngine.Selenium, ChromiumPath = "/nonexistent/chromium" });

        var error = Assert.ThrowsAsync<BrowserException>(() => factory.CreateSessionAsync(Session));

        Assert.That(error!.Message, Does.Contain("/nonexistent/chromium").And.Contain("SHINKIN_CHROMIUM"));
    }

    [Test]
    public async Task Playwright_without_the_browser_stops_with_a_clear_message()
    {
        await using var factory = new PlaywrightSessionFactory(new BrowserOptions { ChromiumPath = "/nonexistent/chromium" });

        var error = Assert.ThrowsAsync<BrowserException>(() => factory.CreateSessionAsync(Session));

        Assert.That(error!.Message, Does.Contain("/nonexistent/chromium").And.Contain("never downloaded"));
    }

    [Test]
    public void The_version_check_warns_only_when_the_major_version_drifts()
    {
        var expected = PlaywrightSessionFactory.ExpectedChromiumMajor;

        Assert.That(expected, Is.EqualTo(156), "Microsoft.Playwright 1.64.1 ships browsers.json for Chromium 156");
        Assert.That(PlaywrightBrowserHost.CheckVersion($"{expected}.0.8078.108"), Is.Null);
        Assert.That(PlaywrightBrowserHost.CheckVersion("150.0.7000.1"), Does.Contain("150.0.7000.1").And.Contain($"({expected})"));
        Assert.That(PlaywrightBrowserHost.CheckVersion("unknown"), Does.Contain("Cannot read"));
    }

    [Test]
    [Category("Browser")]
    public async Task Playwright_reports_the_Debian_Chromium_version_at_start()
    {
        var log = new StringWriter();
        await using var factory = new PlaywrightSessionFactory(new BrowserOptions(), log);

        await factory.StartAsync();

        Assert.That(factory.BrowserVersion, Does.StartWith(PlaywrightSessionFactory.ExpectedChromiumMajor + "."));
        Assert.That(factory.VersionWarning, Is.Null);
        Assert.That(log.ToString(), Is.Empty);
    }

    [Test]
    public void Trusting_a_missing_CA_file_names_it()
    {
        var home = Path.Combine(Path.GetTempPath(), "shinkin-trust-" + Guid.NewGuid().ToString("N"));
        try
        {
            var error = Assert.ThrowsAsync<BrowserException>(() => ChromiumTrustStore.CreateAsync(home, "/nonexistent/ca.pem"));

            Assert.That(error!.Message, Does.Contain("/nonexistent/ca.pem"));
            Assert.That(File.Exists(Path.Combine(home, ".pki", "nssdb", "cert9.db")), Is.True, "the NSS database itself was created");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
