using Shinkin.Settings;

namespace Shinkin.Reports.Tests;

/// <summary>
/// A run that retried scenarios (--retries 2) and was interrupted: the sample run plus a scenario that passed on its
/// second attempt (再実行で合格) and one that failed both, recorded as the evidence hooks write them, and a Reqnroll HTML
/// report to be marked partial.
/// </summary>
[TestFixture]
public sealed class RetriedAndPartialRunTests
{
    private const string Flaky = "初回だけ失敗するシナリオ";
    private const string AlwaysFailing = "毎回失敗するシナリオ";
    private const string Reason = "SIGINT（Ctrl+C）";

    private string _folder = "";
    private XLWorkbook _workbook = null!;
    private XDocument _junit = null!;
    private string _html = "";

    [OneTimeSetUp]
    public async Task RenderAsync()
    {
        _folder = SyntheticRun.NewFolder("retried");
        var store = await SyntheticRun.WriteSampleAsync(_folder);
        var run = await RunRecordStore.LoadAsync(_folder);
        await store.WriteInfoAsync(run.Info with
        {
            Settings = new RunSettings { RunDirectory = _folder, Retries = 2 },
            Interruption = Reason,
            PlannedScenarios = 12,
        });

        var start = SyntheticRun.Start.AddMinutes(4);
        var firstTry = await SyntheticRun.ScenarioAsync(store, "s-flaky-attempt-1", Flaky, ["manual:2-2"], Outcome.Failed, start, 2, withArtefacts: true);
        var secondTry = await SyntheticRun.ScenarioAsync(store, "s-flaky", Flaky, ["manual:2-2"], Outcome.Passed, start.AddSeconds(5), 2);
        await store.WriteScenarioAsync(secondTry with { Outcome = Outcome.PassedOnRetry, Attempt = 2, EarlierAttempts = [firstTry] });

        var failedTwice = await SyntheticRun.ScenarioAsync(store, "s-failing-attempt-1", AlwaysFailing, ["manual:2-3"], Outcome.Failed, start.AddSeconds(10), 1);
        var failedThrice = await SyntheticRun.ScenarioAsync(store, "s-failing", AlwaysFailing, ["manual:2-3"], Outcome.Failed, start.AddSeconds(20), 1);
        await store.WriteScenarioAsync(failedThrice with { Attempt = 2, EarlierAttempts = [failedTwice] });

        _html = Path.Combine(_folder, ReportRenderer.ReqnrollHtmlFileName);
        await File.WriteAllTextAsync(_html, "<!DOCTYPE html>\n<html><head><title>Reqnroll Report</title></head>\n<body>\n<div id=\"content\">\n</div>\n</body></html>\n");

        var written = await new ReportRenderer().RenderAsync(_folder, new ReportOptions(), null, CancellationToken.None);
        _workbook = new XLWorkbook(written[0]);
        _junit = XDocument.Load(written[1]);
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        _workbook?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void The_result_list_says_passed_on_retry_never_plain_OK()
    {
        var sheet = _workbook.Worksheet(EvidenceWorkbookWriter.ListSheet);
        var row = sheet.Column(4).CellsUsed().Single(c => c.GetString() == Flaky).Address.RowNumber;
        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(row, 7).GetString(), Is.EqualTo("再実行で合格"));
            Assert.That(EvidenceWorkbookTests.Argb(sheet.Cell(row, 7).Style.Fill.BackgroundColor), Is.EqualTo(EvidenceWorkbookTests.Argb(WorkbookStyle.RetryFill)));
            Assert.That(sheet.Cell(row, 9).GetString(), Does.StartWith("2 回目で合格。1 回目: NG — ").And.Contain("30 秒以内に表示されませんでした"));
            Assert.That(sheet.Cell(2, 1).GetString(), Does.Contain("再実行で合格 1"));
        });
    }

    [Test]
    public void The_summary_counts_the_retried_pass_apart_and_as_a_pass()
    {
        var sheet = _workbook.Worksheet(EvidenceWorkbookWriter.SummarySheet);
        var facts = Enumerable.Range(4, 20).ToDictionary(r => sheet.Cell(r, 1).GetString(), r => sheet.Cell(r, 2));
        var breakdown = sheet.Column(1).CellsUsed().First(c => c.GetString() == "結果の内訳").Address.RowNumber + 1;
        var counts = Enumerable.Range(breakdown + 1, 5).ToDictionary(r => sheet.Cell(r, 1).GetString(), r => sheet.Cell(r, 3).GetValue<int>());
        Assert.Multiple(() =>
        {
            Assert.That(counts, Is.EqualTo(new Dictionary<string, int> { ["OK"] = 3, ["再実行で合格"] = 1, ["NG"] = 2, ["保留"] = 1, ["対象外"] = 1 }));
            Assert.That(facts["合格率（対象外を除く）"].GetValue<double>(), Is.EqualTo(4.0 / 7).Within(1e-9), "a retried pass is a pass");
            Assert.That(facts["再実行"].GetString(), Is.EqualTo("失敗したシナリオを最大 2 回再実行（再実行したシナリオ 2 件、うち再実行で合格 1 件）"));
        });
    }

    [Test]
    public void The_scenario_sheet_keeps_the_failed_attempt_with_its_steps_and_screenshots()
    {
        var sheet = _workbook.Worksheets.Single(w => w.Name.EndsWith(Flaky, StringComparison.Ordinal));
        var attemptHeading = sheet.Column(1).CellsUsed().Single(c => c.GetString().StartsWith("1 回目の試行", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(2, 5).GetString(), Is.EqualTo("再実行で合格"));
            Assert.That(sheet.Cell(5, 1).GetString(), Is.EqualTo("再実行前のエラー"));
            Assert.That(sheet.Cell(5, 3).GetString(), Does.Contain("1 回目: NG"));
            Assert.That(attemptHeading.GetString(), Does.StartWith("1 回目の試行（NG、"));
            Assert.That(sheet.Pictures.Count(), Is.EqualTo(4), "two steps of the pass and two of the failed attempt");
            Assert.That(sheet.Cell(attemptHeading.Address.RowNumber + 1, 3).GetString(), Is.EqualTo("トレース: artifacts/s-flaky-attempt-1/trace.zip"));
        });
    }

    [Test]
    public void JUnit_marks_the_retried_pass_flaky_with_its_earlier_failure()
    {
        var cases = _junit.Descendants("testcase").ToDictionary(c => (string)c.Attribute("name")!);
        var flaky = cases[Flaky];
        var failing = cases[AlwaysFailing];
        Assert.Multiple(() =>
        {
            Assert.That(Properties(flaky), Is.EqualTo(new Dictionary<string, string> { ["attempts"] = "2", ["flaky"] = "true" }));
            Assert.That(flaky.Element("failure"), Is.Null, "a retried pass is no failure");
            Assert.That((string?)flaky.Element("flakyFailure")?.Attribute("message"), Does.Contain("30 秒以内に表示されませんでした"));
            Assert.That(Properties(failing), Is.EqualTo(new Dictionary<string, string> { ["attempts"] = "2" }), "failed every attempt: not flaky");
            Assert.That(failing.Element("failure"), Is.Not.Null);
            Assert.That(failing.Elements("rerunFailure").Count(), Is.EqualTo(1));
            Assert.That((int)_junit.Root!.Attribute("failures")!, Is.EqualTo(2));
            Assert.That(Properties(_junit.Root!.Element("testsuite")!)["retries"], Is.EqualTo("2"));
        });
    }

    [Test]
    public void Every_report_of_an_interrupted_run_says_it_is_partial()
    {
        var summary = _workbook.Worksheet(EvidenceWorkbookWriter.SummarySheet);
        var facts = Enumerable.Range(4, 20).ToDictionary(r => summary.Cell(r, 1).GetString(), r => summary.Cell(r, 2).GetString());
        var html = File.ReadAllText(_html);
        Assert.Multiple(() =>
        {
            Assert.That(summary.Cell(3, 1).GetString(), Does.StartWith("【部分的な報告】").And.Contain(Reason).And.Contain("予定 12 シナリオのうち完了した 8 シナリオ"));
            Assert.That(facts["報告の範囲"], Is.EqualTo($"部分的な報告（中断: {Reason}）— 完了 8 / 予定 12 シナリオ"));
            Assert.That(html, Does.Contain($"<div id=\"{PartialRunNotice.HtmlId}\" role=\"alert\"").And.Contain("【部分的な報告】"));
            Assert.That(html, Does.Contain("<title>【部分的な報告】Reqnroll Report</title>"));
            Assert.That(Properties(_junit.Root!.Element("testsuite")!)["partial"], Does.Contain(Reason));
        });
    }

    [Test]
    public async Task Rendering_again_marks_the_html_report_once()
    {
        await new ReportRenderer().RenderAsync(_folder, new ReportOptions { WriteJUnit = false }, null, CancellationToken.None);

        Assert.That(File.ReadAllText(_html).Split(PartialRunNotice.HtmlId).Length - 1, Is.EqualTo(1));
    }

    [Test]
    public async Task A_merge_keeps_the_earlier_attempts_and_their_files()
    {
        var merged = await RunRecordMerger.MergeAsync([_folder], SyntheticRun.NewFolder("retried-merged"));
        try
        {
            var flaky = merged.Scenarios.Single(s => s.Scenario == Flaky);
            var earlier = flaky.EarlierAttempts.Single();
            Assert.Multiple(() =>
            {
                Assert.That(flaky.Outcome, Is.EqualTo(Outcome.PassedOnRetry));
                Assert.That(merged.Info.Interruption, Is.EqualTo($"1/1: {Reason}"), "a partial shard makes a partial merge");
                Assert.That(earlier.Steps.Select(s => Path.Combine(merged.Folder, s.Screenshot!)), Has.All.Matches<string>(File.Exists));
                Assert.That(Path.Combine(merged.Folder, earlier.TracePath!), Does.Exist);
            });
        }
        finally
        {
            Directory.Delete(merged.Folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Properties(XElement element) =>
        element.Elements("properties").Elements("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
}
