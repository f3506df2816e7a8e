using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;
using Shinkin.Repository;

namespace Shinkin.Conventions.Tests;

/// <summary>Rules about the harness's own files that are cheap to check and expensive to get wrong.</summary>
[TestFixture]
public sealed class HarnessConventionTests
{
    private static IEnumerable<string> RunSettingsFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "runsettings"), "*.runsettings").Select(Path.GetFileName)!;

    [TestCaseSource(nameof(RunSettingsFiles))]
    public void Each_runsettings_file_is_valid_and_names_its_engine(string file)
    {
        var doc = XDocument.Load(Path.Combine(RepositoryRoot.Path, "runsettings", file));
        var engine = doc.Descendants("SHINKIN_ENGINE").SingleOrDefault()?.Value;
        Assert.Multiple(() =>
        {
            Assert.That(engine, Is.AnyOf(Shinkin.Settings.BrowserEngines.Names.ToArray()));
            Assert.That(doc.Descendants("TreatNoTestsAsError").SingleOrDefault()?.Value, Is.EqualTo("true"), "a run that selects nothing must fail");
        });
    }

    [Test]
    public void The_harness_offers_a_runsettings_file_for_every_engine_it_accepts()
    {
        var names = RunSettingsFiles().Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.That(names, Is.SupersetOf(new[] { "playwright-chromium", "selenium-chrome", "selenium-remote", "playwright-remote", "edge-iemode", "ci" }));
    }

    [Test]
    public void No_test_hides_assertions_in_an_async_void_lambda()
    {
        // An async lambda given to Assert.Multiple compiles as async void: the assertions are not awaited.
        var pattern = new Regex(@"Assert\.Multiple\(\s*async", RegexOptions.Compiled);
        var offenders = Directory.EnumerateFiles(RepositoryRoot.Path, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => pattern.IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void No_command_prints_progress_through_the_thread_pool()
    {
        // Progress<T> posts each report to the thread pool: lines print out of order, or after the writer is closed.
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("new Progress<", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .ToList();
        Assert.That(offenders, Is.Empty, "use LineProgress (src/Shinkin.Cli/Runs) or another IProgress that writes when reported");
    }

    [Test]
    public void The_test_commands_filter_names_categories_the_contract_tests_define()
    {
        // A renamed category would quietly run no remote contract test in `./harness test`, or all of them.
        var command = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Shinkin.Cli", "Commands", "TestCommand.cs"));
        var contract = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "Shinkin.Browsers.Tests", "ContractTests.cs"));
        var filter = Regex.Match(command, "SolutionFilter = \"([^\"]+)\"").Groups[1].Value;
        var categories = Regex.Matches(filter, @"TestCategory!?=([\w-]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(categories, Is.EquivalentTo(new[] { "remote-adapter", "remote-difference" }), filter);
            Assert.That(categories.Where(c => !contract.Contains($"= \"{c}\";", StringComparison.Ordinal)), Is.Empty, "defined in ContractTests");
            Assert.That(Regex.Matches(contract, @"Category = RemoteAdapter\)").Count, Is.EqualTo(2), "both remote fixtures tagged");
            Assert.That(Regex.Matches(contract, @"\[Category\(RemoteDifference\)\]").Count, Is.GreaterThanOrEqualTo(5), "tests left on the remote fixtures");
        });
    }

    [Test]
    public void CI_runs_exactly_what_the_README_tells_a_developer_to_run()
    {
        var ci = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".ci", "run"));
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        Assert.Multiple(() =>
        {
            Assert.That(ci, Does.Contain("./harness test"));
            Assert.That(readme, Does.Contain("./harness run").And.Contain("./harness test"));
        });
    }
}
