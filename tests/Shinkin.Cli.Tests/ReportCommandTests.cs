using NUnit.Framework;
using Shinkin.Cli.Commands;

namespace Shinkin.Cli.Tests;

[TestFixture]
public sealed class ReportCommandTests
{
    [Test]
    public async Task A_folder_that_is_not_a_run_record_is_refused_with_its_name()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "shinkin-notarun-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = await CommandLine.DispatchAsync(["report", folder], stdout, stderr);
            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(2));
                Assert.That(stderr.ToString(), Does.Contain(folder).And.Contain("run.json"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Unknown_verbs_and_options_are_usage_errors()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var unknownVerb = await CommandLine.DispatchAsync(["frobnicate"], stdout, stderr);
        var unknownOption = await CommandLine.DispatchAsync(["spec", "--bogus"], stdout, stderr);
        var incompleteOption = await CommandLine.DispatchAsync(["serve", "--port"], stdout, stderr);
        Assert.Multiple(() =>
        {
            Assert.That(unknownVerb, Is.EqualTo(2));
            Assert.That(unknownOption, Is.EqualTo(2));
            Assert.That(incompleteOption, Is.EqualTo(2));
            Assert.That(stderr.ToString(), Does.Contain("'frobnicate'").And.Contain("'--bogus'").And.Contain("--port"));
            Assert.That(stderr.ToString(), Does.Contain("./harness help"), "where to read the usage");
        });
    }
}
