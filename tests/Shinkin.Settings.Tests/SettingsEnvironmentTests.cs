using NUnit.Framework;

namespace Shinkin.Settings.Tests;

public sealed class SettingsEnvironmentTests
{
    private static RunSettings From(IReadOnlyDictionary<string, string> environment) =>
        SettingsEnvironment.Apply(new RunSettings(), name => environment.GetValueOrDefault(name));

    private static RunSettings From(string variable, string value) => From(new Dictionary<string, string> { [variable] = value });

    [Test]
    public void Unset_variables_keep_the_defaults()
    {
        var settings = SettingsEnvironment.Apply(new RunSettings(), _ => null);

        Assert.That(settings, Is.EqualTo(new RunSettings()));
        Assert.Multiple(() =>
        {
            Assert.That(settings.Browser.Engine, Is.EqualTo(BrowserEngine.Playwright));
            Assert.That(settings.Browser.Headless, Is.True);
            Assert.That(settings.Browser.ChromiumPath, Is.EqualTo("/usr/bin/chromium"));
            Assert.That(settings.Browser.ChromeDriverPath, Is.EqualTo("/usr/bin/chromedriver"));
            Assert.That(settings.Locators, Is.EqualTo(LocatorMode.Labels));
            Assert.That(settings.A11y, Is.EqualTo(A11yMode.Report));
            Assert.That(settings.Trace, Is.EqualTo(TraceMode.Off));
            Assert.That(settings.Workers, Is.EqualTo(2));
            Assert.That(settings.Shard, Is.EqualTo("1/1"));
            Assert.That(settings.Retries, Is.Zero, "no retries unless asked");
        });
    }

    [Test]
    public void Every_documented_variable_is_read()
    {
        var environment = new Dictionary<string, string>
        {
            [SettingsEnvironment.RunDirectory] = "/tmp/run-1",
            [SettingsEnvironment.Engine] = "selenium",
            [SettingsEnvironment.Headed] = "1",
            [SettingsEnvironment.GridUrl] = "http://grid.example:4444/wd/hub",
            [SettingsEnvironment.PlaywrightServer] = "ws://127.0.0.1:3000/abc",
            [SettingsEnvironment.Chromium] = "/opt/chromium/chrome",
            [SettingsEnvironment.RemoteChromium] = "/usr/bin/chromium",
            [SettingsEnvironment.ChromeDriver] = "/opt/chromium/chromedriver",
            [SettingsEnvironment.IeDriver] = @"C:\tools\IEDriverServer.exe",
            [SettingsEnvironment.Edge] = @"C:\Edge\msedge.exe",
            [SettingsEnvironment.CaPem] = "/data/ca.pem",
            [SettingsEnvironment.SlowMo] = "250",
            [SettingsEnvironment.Target] = "https://bank.example/",
            [SettingsEnvironment.TargetCertificateUrl] = "https://cert.bank.example/",
            [SettingsEnvironment.BackOfficeKey] = "secret",
            [SettingsEnvironment.TargetProfile] = "/targets/bank.json",
            [SettingsEnvironment.Locators] = "testids",
            [SettingsEnvironment.A11y] = "enforce",
            [SettingsEnvironment.Trace] = "on-failure",
            [SettingsEnvironment.Shard] = "2/4",
            [SettingsEnvironment.Filter] = "TestCategory=master",
            [SettingsEnvironment.DryRun] = "true",
            [SettingsEnvironment.FeaturesDirectory] = "/features",
            [SettingsEnvironment.Workers] = "3",
            [SettingsEnvironment.Retries] = "2",
        };

        var settings = From(environment);

        Assert.Multiple(() =>
        {
            Assert.That(SettingsEnvironment.Variables.Select(v => v.Name), Is.EquivalentTo(environment.Keys), "the documented list is the list read");
            Assert.That(settings.RunDirectory, Is.EqualTo("/tmp/run-1"));
            Assert.That(settings.Browser.Engine, Is.EqualTo(BrowserEngine.Selenium));
            Assert.That(settings.Browser.Headless, Is.False);
            Assert.That(settings.Browser.GridUrl, Is.EqualTo(new Uri("http://grid.example:4444/wd/hub")));
            Assert.That(settings.Browser.PlaywrightServerUrl, Is.EqualTo(new Uri("ws://127.0.0.1:3000/abc")));
            Assert.That(settings.Browser.ChromiumPath, Is.EqualTo("/opt/chromium/chrome"));
            Assert.That(settings.Browser.RemoteChromiumPath, Is.EqualTo("/usr/bin/chromium"));
            Assert.That(settings.Browser.ChromeDriverPath, Is.EqualTo("/opt/chromium/chromedriver"));
            Assert.That(settings.Browser.IeDriverPath, Is.EqualTo(@"C:\tools\IEDriverServer.exe"));
            Assert.That(settings.Browser.EdgePath, Is.EqualTo(@"C:\Edge\msedge.exe"));
            Assert.That(settings.Browser.TrustedCaPemPath, Is.EqualTo("/data/ca.pem"));
            Assert.That(settings.Browser.SlowMoMilliseconds, Is.EqualTo(250));
            Assert.That(settings.Target, Is.EqualTo(new Uri("https://bank.example/")));
            Assert.That(settings.TargetCertificateUrl, Is.EqualTo(new Uri("https://cert.bank.example/")));
            Assert.That(settings.BackOfficeKey, Is.EqualTo("secret"));
            Assert.That(settings.TargetProfile, Is.EqualTo("/targets/bank.json"));
            Assert.That(settings.Locators, Is.EqualTo(LocatorMode.TestIds));
            Assert.That(settings.A11y, Is.EqualTo(A11yMode.Enforce));
            Assert.That(settings.Trace, Is.EqualTo(TraceMode.OnFailure));
            Assert.That(settings.Shard, Is.EqualTo("2/4"));
            Assert.That(settings.Filter, Is.EqualTo("TestCategory=master"));
            Assert.That(settings.DryRun, Is.True);
            Assert.That(settings.FeaturesDirectory, Is.EqualTo("/features"));
            Assert.That(settings.Workers, Is.EqualTo(3));
            Assert.That(settings.Retries, Is.EqualTo(2));
        });
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
        Assert.That(From(SettingsEnvironment.Engine, value).Browser.Engine, Is.EqualTo(expected));

    [Test]
    public void Every_engine_has_one_name_that_parses_back() =>
        Assert.That(BrowserEngines.All.Select(e => BrowserEngines.Parse(e.Name(), "test")), Is.EqualTo(BrowserEngines.All));

    [TestCase("off", A11yMode.Off)]
    [TestCase("Report", A11yMode.Report)]
    [TestCase(" enforce ", A11yMode.Enforce)]
    public void Accessibility_modes_parse_by_name(string value, A11yMode expected) =>
        Assert.That(From(SettingsEnvironment.A11y, value).A11y, Is.EqualTo(expected));

    [Test]
    public void Every_accessibility_mode_has_one_name_that_parses_back() =>
        Assert.That(Enum.GetValues<A11yMode>().Select(m => A11yModes.Parse(m.Name(), "test")), Is.EqualTo(Enum.GetValues<A11yMode>()));

    [Test]
    public void A_remote_endpoint_alone_chooses_its_engine()
    {
        Assert.That(From(SettingsEnvironment.GridUrl, "http://127.0.0.1:9515").Browser.Engine, Is.EqualTo(BrowserEngine.SeleniumRemote));
        Assert.That(From(SettingsEnvironment.PlaywrightServer, "ws://127.0.0.1:3000/x").Browser.Engine, Is.EqualTo(BrowserEngine.PlaywrightRemote));
    }

    [TestCase(SettingsEnvironment.Engine, "firefox")]
    [TestCase(SettingsEnvironment.Headed, "maybe")]
    [TestCase(SettingsEnvironment.GridUrl, "ws://127.0.0.1:4444")]
    [TestCase(SettingsEnvironment.PlaywrightServer, "http://127.0.0.1:3000")]
    [TestCase(SettingsEnvironment.SlowMo, "-5")]
    [TestCase(SettingsEnvironment.Target, "ftp://bank.example")]
    [TestCase(SettingsEnvironment.Locators, "xpath")]
    [TestCase(SettingsEnvironment.A11y, "strict")]
    [TestCase(SettingsEnvironment.Workers, "0")]
    [TestCase(SettingsEnvironment.DryRun, "perhaps")]
    [TestCase(SettingsEnvironment.Retries, "-1")]
    [TestCase(SettingsEnvironment.Retries, "6")]
    [TestCase(SettingsEnvironment.Retries, "twice")]
    public void A_malformed_value_stops_with_the_variable_named(string variable, string value)
    {
        var error = Assert.Throws<SettingsException>(() => From(variable, value));

        Assert.That(error!.Message, Does.Contain(variable).And.Contain(value));
    }

    [Test]
    public void Problems_name_what_a_run_lacks()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new RunSettings().Problems(), Is.Empty);
            Assert.That(new RunSettings { Shard = "3/2" }.Problems(), Has.One.Contains("3/2"));
            Assert.That(new RunSettings { Shard = "a/b" }.Problems(), Has.One.Contains("a/b"));
            Assert.That(new RunSettings { Workers = 0 }.Problems(), Has.One.Contains("workers"));
            Assert.That(new RunSettings { Retries = -1 }.Problems(), Has.One.Contains("retries"));
            Assert.That(new RunSettings { Retries = RunSettings.MaxRetries + 1 }.Problems(), Has.One.Contains("retries"));
            Assert.That(new RunSettings { Browser = new BrowserOptions { Engine = BrowserEngine.SeleniumRemote } }.Problems(), Has.One.Contains("--grid"));
            Assert.That(new RunSettings { Browser = new BrowserOptions { Engine = BrowserEngine.PlaywrightRemote } }.Problems(), Has.One.Contains("--pw-server"));
            Assert.That(new RunSettings { Target = new Uri("https://a/"), TargetProfile = "/p.json" }.Problems(), Has.One.Contains("not both"));
        });
    }
}
