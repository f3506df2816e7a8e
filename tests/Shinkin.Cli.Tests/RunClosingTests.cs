using NUnit.Framework;
using Shinkin.Cli.Commands;
using Shinkin.Cli.Runs;

namespace Shinkin.Cli.Tests;

/// <summary>
/// The closing line and exit code of a finished run say how much was verified. Before, a run whose every scenario was
/// 対象外 (a target profile without accounts for them) closed "all scenarios passed" with exit 0: a green gate over nothing.
/// </summary>
[TestFixture]
public sealed class RunClosingTests
{
    private static TestTotals Totals(int passed, int skipped) =>
        new(passed, 0, [], Enumerable.Range(1, skipped).Select(i => ($"scenario {i}", "対象外: reason")).ToList());

    [Test]
    public void Every_scenario_passed() =>
        Assert.That(FeatureRun.Closing(0, Totals(76, 0), dryRun: false), Is.EqualTo((0, "run: all scenarios passed")));

    [Test]
    public void Passes_beside_skips_say_how_many_were_not_run() =>
        Assert.That(FeatureRun.Closing(0, Totals(76, 1), dryRun: false), Is.EqualTo((0, "run: no failures — 76 passed, 1 対象外 with the reasons above")));

    [Test]
    public void Nothing_but_skips_verified_nothing_and_is_not_a_pass() =>
        Assert.That(
            FeatureRun.Closing(0, Totals(0, 3), dryRun: false),
            Is.EqualTo((1, "run: nothing was verified — every selected scenario (3) is 対象外, with its reason above (exit 1)")));

    [Test]
    public void Failures_keep_their_exit_code() =>
        Assert.That(FeatureRun.Closing(2, Totals(0, 3), dryRun: false), Is.EqualTo((2, "run: finished with failures (exit 2)")));

    [Test]
    public void A_dry_run_says_what_it_checked() =>
        Assert.That(FeatureRun.Closing(0, Totals(0, 1), dryRun: true), Is.EqualTo((0, "run: every step is bound (dry run, no browser)")));

    [Platform(Exclude = "Win", Reason = "on Windows the registry scenario runs")]
    [Test]
    public async Task A_real_run_of_only_the_windows_only_scenario_exits_1_naming_why()
    {
        var folder = InspectableFolder.Create("shinkin-closing-");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var exit = await CommandLine.DispatchAsync(["run", "--tags", "windows-only", "--a11y", "off", "--out", Path.Combine(folder.FullName, "run")], stdout, stderr);

            Assert.Multiple(() =>
            {
                Assert.That(exit, Is.EqualTo(1), stdout + stderr.ToString());
                Assert.That(stdout.ToString(), Does.Contain("0 passed, 0 failed, 1 skipped").And.Contain("Windows 専用"));
                Assert.That(stdout.ToString(), Does.Contain("==> run: nothing was verified — every selected scenario (1) is 対象外"));
                Assert.That(File.Exists(Path.Combine(folder.FullName, "run", "junit.xml")), Is.True, "the reports are written all the same");
            });
        }
        finally
        {
            InspectableFolder.Release(folder);
        }
    }
}
