using NUnit.Framework;
using Shinkin.Cli.Runs;
using Shinkin.Reports.RunRecords;
using Shinkin.Settings;

namespace Shinkin.Cli.Tests;

/// <summary>`run --a11y`: the mode reaches the settings record, and after the reports the run's verdict follows the mode.</summary>
[TestFixture]
public sealed class AccessibilityVerdictTests
{
    private string folder = null!;

    [SetUp]
    public async Task WriteRunAsync()
    {
        folder = Directory.CreateTempSubdirectory("shinkin-a11y-verdict-").FullName;
        var store = new RunRecordStore(folder);
        await store.WriteInfoAsync(new RunInfo { RunId = "r", Start = DateTimeOffset.Now, Target = "t", Engine = "playwright" });
        await store.WriteAccessibilityAsync(new AccessibilityRecord { Screen = "home", ScreenName = "当金庫ホームページ", Engine = "axe-core 4.14.0" });
        await store.WriteAccessibilityAsync(new AccessibilityRecord
        {
            Screen = "login",
            ScreenName = "ログイン",
            Engine = "axe-core 4.14.0",
            Violations =
            [
                new AccessibilityViolationRecord { Rule = "region", Impact = "moderate", Help = "All page content should be contained by landmarks" },
                new AccessibilityViolationRecord
                {
                    Rule = "label", Impact = "critical", Help = "Form elements must have labels", Criteria = ["4.1.2"],
                    Elements = [new AccessibilityElementRecord("#login-id", "<input id=\"login-id\">", "Fix any of the following")],
                },
            ],
        });
    }

    [TearDown]
    public void RemoveRun() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Enforce_fails_the_run_naming_each_serious_or_critical_violation()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await AccessibilityVerdict.JudgeAsync(folder, A11yMode.Enforce, stdout, stderr, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(stdout.ToString(), Does.Contain("2 画面を走査（axe-core 4.14.0）: 致命的 1・深刻 0・中程度 1・軽微 0"));
            Assert.That(stderr.ToString(), Does.Contain("1 件").And.Contain("login「ログイン」: label（致命的, 4.1.2）×1 — Form elements must have labels"));
            Assert.That(stderr.ToString(), Does.Not.Contain("region"), "moderate violations do not fail a run");
        });
    }

    [Test]
    public async Task Report_names_them_and_keeps_the_run_green()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await AccessibilityVerdict.JudgeAsync(folder, A11yMode.Report, stdout, stderr, CancellationToken.None);

        Assert.That(exit, Is.Zero);
        Assert.That(stdout.ToString(), Does.Contain("label（致命的"));
        Assert.That(stderr.ToString(), Is.Empty);
    }

    [TestCase(null, A11yMode.Report)]
    [TestCase("enforce", A11yMode.Enforce)]
    [TestCase("off", A11yMode.Off)]
    public void The_a11y_option_sets_the_mode_report_by_default(string? value, A11yMode expected)
    {
        var settings = RunOptions.Resolve(value is null ? ["--out", folder] : ["--a11y", value, "--out", folder]);

        Assert.That(settings.A11y, Is.EqualTo(expected));
    }

    [Test]
    public void An_unknown_mode_is_refused_with_the_option_named()
    {
        var error = Assert.Throws<SettingsException>(() => RunOptions.Resolve(["--a11y", "strict"]));

        Assert.That(error!.Message, Does.Contain("--a11y").And.Contain("strict"));
    }
}
