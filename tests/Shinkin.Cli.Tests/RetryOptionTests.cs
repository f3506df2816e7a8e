using NUnit.Framework;
using Shinkin.Cli.Commands;
using Shinkin.Cli.Runs;
using Shinkin.Settings;

namespace Shinkin.Cli.Tests;

/// <summary>`run --retries N` into the settings record (and so into run.json): over SHINKIN_RETRIES, 0 by default, bad values refused.</summary>
[TestFixture]
public sealed class RetryOptionTests
{
    [TestCase(null, null, 0)]
    [TestCase("2", null, 2)]
    [TestCase(null, "1", 1)]
    [TestCase("3", "1", 3)]
    public void The_option_wins_over_the_environment_and_nothing_means_no_retries(string? option, string? variable, int expected)
    {
        var settings = Resolve(option, name => name == SettingsEnvironment.Retries ? variable : null);

        Assert.That(settings.Retries, Is.EqualTo(expected));
    }

    [TestCase("6")]
    [TestCase("twice")]
    public void A_bad_count_is_refused_naming_the_option(string value)
    {
        var error = Assert.Throws<SettingsException>(() => Resolve(value, _ => null));

        Assert.That(error!.Message, Does.Contain("--retries").And.Contain(value).And.Contain($"0 to {RunSettings.MaxRetries}"));
    }

    [Test]
    public void The_run_description_names_the_retries() =>
        Assert.That(FeatureRun.Describe(new RunSettings { Retries = 2 }), Does.Contain("retries 2"));

    private static RunSettings Resolve(string? retries, Func<string, string?> environment)
    {
        var repository = RepositoryLayout.Find()!;
        var folder = Path.Combine(Path.GetTempPath(), "shinkin-retry-option");
        string[] arguments = retries is null ? ["run", "--out", folder] : ["run", "--retries", retries, "--out", folder];
        var parsed = CommandLine.Build(TextWriter.Null, TextWriter.Null).Parse(arguments);
        return RunCommand.Resolve(parsed, repository, repository.RunSettingsFile("ci"), environment);
    }
}
