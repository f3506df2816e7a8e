using NUnit.Framework;

namespace Shinkin.Browsers.Tests;

public sealed class BrowserOptionsTests
{
    [Test]
    public void Unset_variables_keep_the_defaults()
    {
        var options = BrowserOptions.FromEnvironment(_ => null);

        Assert.That(options, Is.EqualTo(new BrowserOptions()));
        Assert.That(options.Engine, Is.EqualTo(BrowserEngine.Playwright));
        Assert.That(options.Headless, Is.True);
        Assert.That(options.ChromiumPath, Is.EqualTo("/usr/bin/chromium"));
        Assert.That(options.ChromeDriverPath, Is.EqualTo("/usr/bin/chromedriver"));
    }

    [Test]
    public void Every_variable_is_read()
    {
        var environment = new Dictionary<string, string>
        {
            ["SHINKIN_ENGINE"] = "selenium",
            ["SHINKIN_HEADED"] = "1",
            ["SHINKIN_GRID_URL"] = "http://grid.example:4444/wd/hub",
            ["SHINKIN_PW_SERVER"] = "ws://127.0.0.1:3000/abc",
            ["SHINKIN_CHROMIUM"] = "/opt/chromium/chrome",
            ["SHINKIN_REMOTE_CHROMIUM"] = "/usr/bin/chromium",
            ["SHINKIN_CHROMEDRIVER"] = "/opt/chromium/chromedriver",
            ["SHINKIN_IEDRIVER"] = @"C:\tools\IEDriverServer.exe",
            ["SHINKIN_EDGE"] = @"C:\Edge\msedge.exe",
            ["SHINKIN_CA_PEM"] = "/data/ca.pem",
            ["SHINKIN_SLOWMO"] = "250",
        };

        var options = BrowserOptions.FromEnvironment(name => environment.GetValueOrDefault(name));

        Assert.That(options.Engine, Is.EqualTo(BrowserEngine.Selenium));
        Assert.That(options.Headless, Is.False);
        Assert.That(options.GridUrl, Is.EqualTo(new Uri("http://grid.example:4444/wd/hub")));
        Assert.That(options.PlaywrightServerUrl, Is.EqualTo(new Uri("ws://127.0.0.1:3000/abc")));
        Assert.That(options.ChromiumPath, Is.EqualTo("/opt/chromium/chrome"));
        Assert.That(options.RemoteChromiumPath, Is.EqualTo("/usr/bin/chromium"));
        Assert.That(options.ChromeDriverPath, Is.EqualTo("/opt/chromium/chromedriver"));
        Assert.That(options.IeDriverPath, Is.EqualTo(@"C:\tools\IEDriverServer.exe"));
        Assert.That(options.EdgePath, Is.EqualTo(@"C:\Edge\msedge.exe"));
        Assert.That(options.TrustedCaPemPath, Is.EqualTo("/data/ca.pem"));
        Assert.That(options.SlowMoMilliseconds, Is.EqualTo(250));
        Assert.That(BrowserOptions.EnvironmentVariableNames, Is.SupersetOf(environment.Keys));
    }

    [TestCase("playwright", BrowserEngine.Playwright)]
    [TestCase("Playwright-Chromium", BrowserEngine.Playwright)]
    [TestCase("selenium-chrome", BrowserEngine.Selenium)]
    [TestCase("SeleniumRemote", BrowserEngine.SeleniumRemote)]
    [TestCase("selenium_remote", BrowserEngine.SeleniumRemote)]
    [TestCase("grid", BrowserEngine.SeleniumRemote)]
    [TestCase("playwright-remote", BrowserEngine.PlaywrightRemote)]
    [TestCase("edge-iemode", BrowserEngine.EdgeIeMode)]
    [TestCase("EdgeIeMode", BrowserEngine.EdgeIeMode)]
    public void Engine_names_match_the_runsettings_names(string value, BrowserEngine expected) =>
        Assert.That(BrowserOptions.FromEnvironment(name => name == "SHINKIN_ENGINE" ? value : null).Engine, Is.EqualTo(expected));

    [Test]
    public void A_remote_endpoint_alone_chooses_its_engine()
    {
        Assert.That(
            BrowserOptions.FromEnvironment(name => name == "SHINKIN_GRID_URL" ? "http://127.0.0.1:9515" : null).Engine,
            Is.EqualTo(BrowserEngine.SeleniumRemote));
        Assert.That(
            BrowserOptions.FromEnvironment(name => name == "SHINKIN_PW_SERVER" ? "ws://127.0.0.1:3000/x" : null).Engine,
            Is.EqualTo(BrowserEngine.PlaywrightRemote));
    }

    [TestCase("SHINKIN_ENGINE", "firefox")]
    [TestCase("SHINKIN_HEADED", "maybe")]
    [TestCase("SHINKIN_GRID_URL", "ws://127.0.0.1:4444")]
    [TestCase("SHINKIN_PW_SERVER", "http://127.0.0.1:3000")]
    [TestCase("SHINKIN_SLOWMO", "-5")]
    public void A_malformed_value_stops_with_the_variable_named(string variable, string value)
    {
        var error = Assert.Throws<BrowserException>(() => BrowserOptions.FromEnvironment(name => name == variable ? value : null));

        Assert.That(error!.Message, Does.Contain(variable).And.Contain(value));
    }

    [Test]
    public void Validation_names_what_a_remote_engine_lacks()
    {
        Assert.That(new BrowserOptions { Engine = BrowserEngine.SeleniumRemote }.Validate(), Has.One.Contains("SHINKIN_GRID_URL"));
        Assert.That(new BrowserOptions { Engine = BrowserEngine.PlaywrightRemote }.Validate(), Has.One.Contains("SHINKIN_PW_SERVER"));
        Assert.That(new BrowserOptions { TrustedCaPemPath = "/nonexistent/ca.pem" }.Validate(), Has.One.Contains("/nonexistent/ca.pem"));
        Assert.That(new BrowserOptions().Validate(), Is.Empty);
    }
}
