using NUnit.Framework;
using Shinkin.Cli.Commands;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Cli.Tests;

[TestFixture]
public sealed class SummarizeCommandTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "shinkin-cli-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Adds_up_every_trx_and_prints_one_closing_line_with_skip_reasons()
    {
        WriteTrx("a.trx", ("x: 1", "Passed", null), ("x: 2", "Failed", null));
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        WriteTrx("sub/b.trx", ("y: 1", "Passed", null), ("y: 2", "NotExecuted", "Windows 専用: 実機が必要"));
        var (exit, output, _) = Run("--require-tests");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), "a failure makes the run fail");
            Assert.That(output, Does.Contain("2 passed, 1 failed, 1 skipped"));
            Assert.That(output, Does.Contain("skipped: y: 2 — Windows 専用: 実機が必要"));
            Assert.That(output, Does.Contain("failed: x: 2"));
        });
    }

    [Test]
    public void A_run_that_executed_nothing_fails_with_a_clear_message()
    {
        WriteTrx("empty.trx");
        var (exit, output, error) = Run("--require-tests");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(output, Does.Contain("0 passed, 0 failed, 0 skipped"));
            Assert.That(error, Does.Contain("no test was selected"));
        });
    }

    [Test]
    public void All_passed_exits_0()
    {
        WriteTrx("ok.trx", ("z", "Passed", null));
        Assert.That(Run("--require-tests").Exit, Is.Zero);
    }

    [Test]
    public async Task Given_the_run_folder_a_pass_on_a_retry_is_named_and_counted_apart()
    {
        WriteTrx("flaky.trx", ("ログアウト: 閉じる", "Passed", null), ("ログアウト: ログアウトする", "Passed", null));
        var run = Path.Combine(folder, "run");
        await new RunRecordStore(run).WriteScenarioAsync(RunPlanTests.Retried("c", Outcome.PassedOnRetry));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = SummarizeCommand.Run([folder, "--require-tests"], stdout, stderr, run);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, "a pass on a retry is a pass");
            Assert.That(stdout.ToString(), Does.Contain("再実行で合格: ログアウト › 閉じる（2 回目で合格）"));
            Assert.That(stdout.ToString(), Does.Contain("2 passed (再実行で合格 1), 0 failed, 0 skipped"));
        });
    }

    [Test]
    public void A_missing_folder_is_a_usage_error()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.That(SummarizeCommand.Run([Path.Combine(folder, "nope")], stdout, stderr), Is.EqualTo(2));
    }

    private (int Exit, string Output, string Error) Run(params string[] options)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = SummarizeCommand.Run([folder, .. options], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void WriteTrx(string name, params (string Name, string Outcome, string? Message)[] results)
    {
        var rows = string.Concat(results.Select(r =>
            $"<UnitTestResult testName=\"{r.Name}\" outcome=\"{r.Outcome}\">" +
            (r.Message is null ? "" : $"<Output><ErrorInfo><Message>{r.Message}</Message></ErrorInfo></Output>") +
            "</UnitTestResult>"));
        File.WriteAllText(
            Path.Combine(folder, name),
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><TestRun xmlns=\"http://microsoft.com/schemas/VisualStudio/TeamTest/2010\"><Results>{rows}</Results></TestRun>");
    }
}
