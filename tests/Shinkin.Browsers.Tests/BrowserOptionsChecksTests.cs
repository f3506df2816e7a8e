using NUnit.Framework;
using Shinkin.Settings;

namespace Shinkin.Browsers.Tests;

public sealed class BrowserOptionsChecksTests
{
    [Test]
    public void Validation_names_what_a_remote_engine_lacks()
    {
        Assert.That(new BrowserOptions { Engine = BrowserEngine.SeleniumRemote }.Validate(), Has.One.Contains("SHINKIN_GRID_URL"));
        Assert.That(new BrowserOptions { Engine = BrowserEngine.PlaywrightRemote }.Validate(), Has.One.Contains("SHINKIN_PW_SERVER"));
        Assert.That(new BrowserOptions { TrustedCaPemPath = "/nonexistent/ca.pem" }.Validate(), Has.One.Contains("/nonexistent/ca.pem"));
        Assert.That(new BrowserOptions().Validate(), Is.Empty);
    }
}
