using NUnit.Framework;
using Shinkin.Settings;

namespace Shinkin.Cli.Tests;

/// <summary>`--trace` / SHINKIN_TRACE: an engine trace per scenario is opt-in, since recording one costs every scenario.</summary>
public sealed class TraceOptionTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Path.Combine(Path.GetTempPath(), "shinkin-trace-option-" + Guid.NewGuid().ToString("N"));

    [TestCase(null, null, TraceMode.Off)]
    [TestCase("on-failure", null, TraceMode.OnFailure)]
    [TestCase(null, "on-failure", TraceMode.OnFailure)]
    [TestCase("off", "on-failure", TraceMode.Off)]
    public void The_option_wins_over_the_environment_and_off_is_the_default(string? option, string? variable, TraceMode expected)
    {
        var settings = RunOptions.Resolve(
            option is null ? ["--out", folder] : ["--trace", option, "--out", folder],
            name => name == SettingsEnvironment.Trace ? variable : null);

        Assert.That(settings.Trace, Is.EqualTo(expected));
    }

    [Test]
    public void An_unknown_mode_is_refused_with_the_option_named()
    {
        var error = Assert.Throws<SettingsException>(() => RunOptions.Resolve(["--trace", "always"]));

        Assert.That(error!.Message, Does.Contain("--trace").And.Contain("always"));
    }
}
