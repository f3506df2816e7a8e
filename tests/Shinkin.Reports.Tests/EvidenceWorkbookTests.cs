namespace Shinkin.Reports.Tests;

[TestFixture]
public sealed class EvidenceWorkbookTests
{
    private string _folder = "";
    private IReadOnlyList<string> _written = [];
    private XLWorkbook _workbook = null!;

    internal static async Task<(string Folder, IReadOnlyList<string> Written)> RenderSampleAsync(string name)
    {
        var folder = SyntheticRun.NewFolder(name);
        await SyntheticRun.WriteSampleAsync(folder);
        var written = await new ReportRenderer().RenderAsync(folder, new ReportOptions { ManualStructurePath = SyntheticRun.ManualStructurePath() }, null, CancellationToken.None);
        return (folder, written);
    }

    [OneTimeSetUp]
    public async Task RenderAsync()
    {
        (_folder, _written) = await RenderSampleAsync("evidence");
        _workbook = new XLWorkbook(_written[0]);
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        _workbook?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Render_writes_the_evidence_workbook_and_junit_into_the_run_folder()
    {
        Assert.That(_written.Select(Path.GetFileName), Is.EqualTo(new[] { "試験結果報告書_20251120-090000.xlsx", "junit.xml" }));
        Assert.That(_written.All(File.Exists), Is.True);
        Assert.That(Directory.EnumerateFiles(_folder, "*.tmp*"), Is.Empty, "temporary files are moved into place");
    }

    [Test]
    public void Sheets_are_summary_list_coverage_then_one_per_scenario_with_valid_unique_names()
    {
        var names = _workbook.Worksheets.Select(w => w.Name).ToList();
        Assert.That(names.Take(3), Is.EqualTo(new[] { "サマリー", "結果一覧", "網羅性" }));
        Assert.That(names, Has.Count.EqualTo(3 + 6));
        Assert.That(names, Is.Unique);
        Assert.That(names, Has.All.Length.LessThanOrEqualTo(31));
        Assert.That(names.Any(n => n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0), Is.False);
        var long1 = names.Single(n => n.StartsWith("005", StringComparison.Ordinal));
        var long2 = names.Single(n => n.StartsWith("006", StringComparison.Ordinal));
        Assert.That(long1[4..], Is.EqualTo(long2[4..]), "both names are cut at 31 characters to the same text...");
        Assert.That(long1, Is.Not.EqualTo(long2), "...and still differ");
    }

    [Test]
    public async Task A_run_of_only_skipped_scenarios_shows_no_pass_rate_rather_than_a_green_zero()
    {
        var folder = SyntheticRun.NewFolder("all-skipped");
        try
        {
            var store = new RunRecordStore(folder);
            await store.WriteInfoAsync(new RunInfo { RunId = "all-skipped", Start = SyntheticRun.Start, End = SyntheticRun.Start.AddMinutes(1), Target = "https://bank.example", Engine = "playwright" });
            await store.WriteScenarioAsync(await SyntheticRun.ScenarioAsync(store, "s1", "Cookie を設定する", ["manual:1-2", "windows-only"], Outcome.Skipped, SyntheticRun.Start, 0));
            var written = await new ReportRenderer().RenderAsync(folder, new ReportOptions { ManualStructurePath = SyntheticRun.ManualStructurePath() }, null, CancellationToken.None);

            using var workbook = new XLWorkbook(written[0]);
            var sheet = workbook.Worksheet("サマリー");
            var rate = Enumerable.Range(4, 20).Select(r => sheet.Cell(r, 1)).Single(c => c.GetString() == "合格率（対象外を除く）").CellRight();
            var chapterRates = sheet.Column(2).CellsUsed().Where(c => c.Address.RowNumber > rate.Address.RowNumber && c.GetString() == "—").ToList();
            Assert.Multiple(() =>
            {
                Assert.That(rate.GetString(), Is.EqualTo("—（すべて対象外: 検証なし）"));
                Assert.That(chapterRates, Is.Not.Empty, "the chapter and feature tables say — too");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Summary_shows_run_facts_counts_and_pass_rate()
    {
        var sheet = _workbook.Worksheet("サマリー");
        var facts = Enumerable.Range(4, 20).ToDictionary(r => sheet.Cell(r, 1).GetString(), r => sheet.Cell(r, 2));
        Assert.That(facts["試験対象"].GetString(), Does.StartWith("https://localhost:5001"));
        Assert.That(facts["エンジン"].GetString(), Is.EqualTo("playwright-chromium"));
        Assert.That(facts["ブラウザバージョン"].GetString(), Is.EqualTo("156.0.7000.0"));
        Assert.That(facts["OS"].GetString(), Is.EqualTo("Debian GNU/Linux 13"));
        Assert.That(facts["開始"].GetString(), Does.StartWith("2025-11-20 09:00:00"));
        Assert.That(facts.Keys, Does.Contain("ロケータ").And.Contain("ターゲットプロファイル").And.Contain("語句の置き換え").And.Contain("使用したアカウント").And.Contain("更新が必要なアカウント"));
        Assert.That(facts["語句の置き換え"].GetString(), Is.EqualTo("—"), "no profile, no overrides");
        Assert.That(facts["アクセシビリティ"].GetString(), Is.EqualTo("—"), "a record without settings or scans");
        Assert.That(facts["再実行"].GetString(), Is.EqualTo("なし"));
        Assert.That(facts["報告の範囲"].GetString(), Is.EqualTo("実行を最後まで完了"));
        Assert.That(sheet.Cell(3, 1).GetString(), Is.Empty, "no partial-report banner for a run that went to its end");
        Assert.That(facts["終了"].GetString(), Does.StartWith("2025-11-20 09:05:00"));
        Assert.That(facts["所要時間"].GetString(), Is.EqualTo("5分0秒"));
        Assert.That(facts["シナリオ数"].GetValue<int>(), Is.EqualTo(6));
        Assert.That(facts["合格率（対象外を除く）"].GetValue<double>(), Is.EqualTo(3.0 / 5).Within(1e-9));

        var breakdown = sheet.Column(1).CellsUsed().First(c => c.GetString() == "結果の内訳").Address.RowNumber + 1;
        var counts = Enumerable.Range(breakdown + 1, 5).ToDictionary(r => sheet.Cell(r, 1).GetString(), r => sheet.Cell(r, 3).GetValue<int>());
        Assert.That(counts, Is.EqualTo(new Dictionary<string, int> { ["OK"] = 3, ["再実行で合格"] = 0, ["NG"] = 1, ["保留"] = 1, ["対象外"] = 1 }));
        Assert.That(sheet.ConditionalFormats.Count(c => c.ConditionalFormatType == XLConditionalFormatType.DataBar), Is.GreaterThanOrEqualTo(4), "data bars visualise the results");
    }

    [Test]
    public void Result_list_has_one_coloured_row_per_scenario_linking_to_its_sheet()
    {
        var sheet = _workbook.Worksheet("結果一覧");
        Assert.That(Header(sheet, 3, 10), Is.EqualTo(new[] { "No", "章", "機能", "シナリオ", "タグ", "マニュアル参照", "結果", "所要時間(秒)", "エラー概要 / 対象外理由", "詳細" }));
        var rows = Enumerable.Range(4, 6).ToList();
        Assert.That(rows.Select(r => sheet.Cell(r, 7).GetString()), Is.EqualTo(new[] { "OK", "NG", "保留", "対象外", "OK", "OK" }));
        Assert.That(sheet.Cell(4, 2).GetString(), Is.EqualTo("2"));
        Assert.That(sheet.Cell(5, 6).GetString(), Is.EqualTo("2-1:1-3"));
        Assert.That(sheet.Cell(5, 9).GetString(), Does.Contain("30 秒以内に表示されませんでした"));
        Assert.That(sheet.Cell(7, 9).GetString(), Does.Contain("Windows のレジストリが必要"), "skipped scenarios show their reason");
        Assert.That(Argb(sheet.Cell(4, 7).Style.Fill.BackgroundColor), Is.EqualTo(Argb(WorkbookStyle.OkFill)));
        Assert.That(Argb(sheet.Cell(5, 7).Style.Fill.BackgroundColor), Is.EqualTo(Argb(WorkbookStyle.NgFill)));
        Assert.That(Argb(sheet.Cell(6, 7).Style.Fill.BackgroundColor), Is.EqualTo(Argb(WorkbookStyle.PendingFill)));
        Assert.That(Argb(sheet.Cell(7, 7).Style.Fill.BackgroundColor), Is.EqualTo(Argb(WorkbookStyle.SkippedFill)));

        foreach (var row in rows)
        {
            var link = sheet.Cell(row, 10);
            Assert.That(link.HasHyperlink, Is.True, $"row {row} links to its sheet");
            var target = link.Hyperlink.InternalAddress.Split('!')[0].Trim('\'').Replace("''", "'", StringComparison.Ordinal);
            Assert.That(_workbook.Worksheets.Contains(target), Is.True, $"link target {target} exists");
            Assert.That(_workbook.Worksheet(target).Cell(1, 1).GetString(), Does.Contain(sheet.Cell(row, 4).GetString()));
        }
    }

    [Test]
    public void Tables_have_frozen_headers_autofilter_and_column_widths_that_fit_japanese()
    {
        var list = _workbook.Worksheet("結果一覧");
        Assert.That(list.SheetView.SplitRow, Is.EqualTo(3));
        Assert.That(list.AutoFilter.IsEnabled, Is.True);
        Assert.That(list.AutoFilter.Range.RangeAddress.ToString(), Is.EqualTo("A3:J9"));
        var featureWidth = TextWidth.Of("マスターユーザの初期設定");
        Assert.That(list.Column(3).Width, Is.GreaterThanOrEqualTo(featureWidth), "full-width text counts double");
        Assert.That(_workbook.Worksheet("網羅性").SheetView.SplitRow, Is.EqualTo(4));
        Assert.That(_workbook.Worksheet("網羅性").AutoFilter.IsEnabled, Is.True);
    }

    [Test]
    public void Every_sheet_prints_a4_landscape_one_page_wide_with_repeated_headers()
    {
        foreach (var sheet in _workbook.Worksheets)
        {
            var page = sheet.PageSetup;
            Assert.That(page.PaperSize, Is.EqualTo(XLPaperSize.A4Paper), sheet.Name);
            Assert.That(page.PageOrientation, Is.EqualTo(XLPageOrientation.Landscape), sheet.Name);
            Assert.That(page.PagesWide, Is.EqualTo(1), sheet.Name);
            Assert.That(page.PagesTall, Is.EqualTo(0), sheet.Name);
        }

        Assert.That(_workbook.Worksheet("結果一覧").PageSetup.FirstRowToRepeatAtTop, Is.EqualTo(3));
        Assert.That(_workbook.Worksheets.Skip(3).Select(s => s.PageSetup.FirstRowToRepeatAtTop), Has.All.EqualTo(7));
    }

    [Test]
    public void Scenario_sheet_lists_steps_with_screenshots_anchored_beside_them()
    {
        var sheet = _workbook.Worksheets.Single(w => w.Name.StartsWith("001", StringComparison.Ordinal));
        Assert.That(Header(sheet, 7, 6), Is.EqualTo(new[] { "No", "キーワード", "手順", "結果", "時間(秒)", "スクリーンショット" }));
        Assert.That(sheet.SheetView.SplitRow, Is.EqualTo(7));
        Assert.That(Enumerable.Range(8, 3).Select(r => sheet.Cell(r, 2).GetString()), Is.EqualTo(new[] { "前提", "もし", "ならば" }));
        Assert.That(Enumerable.Range(8, 3).Select(r => sheet.Cell(r, 4).GetString()), Has.All.EqualTo("OK"));
        Assert.That(sheet.Pictures, Has.Count.EqualTo(3));
        var anchors = sheet.Pictures.Select(p => (p.TopLeftCell.Address.RowNumber, p.TopLeftCell.Address.ColumnNumber)).OrderBy(a => a.RowNumber);
        Assert.That(anchors, Is.EqualTo(new[] { (8, 6), (9, 6), (10, 6) }));
        Assert.That(sheet.Pictures.Select(p => p.Width), Has.All.EqualTo(400));
        Assert.That(sheet.Row(8).Height, Is.GreaterThan(150), "the row is as tall as its picture");

        var original = sheet.Cell(8, 6);
        Assert.That(original.HasHyperlink, Is.True);
        Assert.That(original.Hyperlink.ExternalAddress.OriginalString, Is.EqualTo("artifacts/s1-1-ok/step01.png"));
        var back = sheet.Cell(2, 6);
        Assert.That(back.Hyperlink.InternalAddress, Does.Contain("結果一覧"));
    }

    [Test]
    public void Screenshots_are_embedded_as_recorded_by_default()
    {
        var sheet = _workbook.Worksheets.Single(w => w.Name.StartsWith("005", StringComparison.Ordinal));
        var picture = sheet.Pictures.Single();
        Assert.That((picture.OriginalWidth, picture.OriginalHeight), Is.EqualTo((1280, 800)), "the placeholder was replaced by the real screenshot");
        Assert.That(picture.Format, Is.EqualTo(ClosedXML.Excel.Drawings.XLPictureFormat.Png));
        Assert.That((picture.Width, picture.Height), Is.EqualTo((400, 250)), "shown at the display width, aspect kept");
        var original = File.ReadAllBytes(Path.Combine(_folder, "artifacts", "s1-1-long1", "step01.png"));
        Assert.That(picture.ImageStream.ToArray(), Is.EqualTo(original));
    }

    [Test]
    public async Task Thumbnail_mode_embeds_down_scaled_jpegs()
    {
        var folder = SyntheticRun.NewFolder("thumbnails");
        try
        {
            await SyntheticRun.WriteSampleAsync(folder);
            var written = await new ReportRenderer().RenderAsync(folder, new ReportOptions { ScreenshotEmbedding = ScreenshotEmbedding.Thumbnail }, null, CancellationToken.None);
            using var workbook = new XLWorkbook(written[0]);
            var large = workbook.Worksheets.Single(w => w.Name.StartsWith("005", StringComparison.Ordinal)).Pictures.Single();
            Assert.That(large.OriginalWidth, Is.EqualTo(640), "stored at ScreenshotStoredWidth");
            Assert.That(large.Format, Is.EqualTo(ClosedXML.Excel.Drawings.XLPictureFormat.Jpeg));
            Assert.That((large.Width, large.Height), Is.EqualTo((400, 250)));
            var small = workbook.Worksheets.Single(w => w.Name.StartsWith("001", StringComparison.Ordinal)).Pictures.First();
            Assert.That((small.OriginalWidth, small.Format), Is.EqualTo((320, ClosedXML.Excel.Drawings.XLPictureFormat.Png)), "small screenshots are kept as they are");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Failed_scenario_sheet_shows_the_error_stack_and_artefact_links()
    {
        var sheet = _workbook.Worksheets.Single(w => w.Name.StartsWith("002", StringComparison.Ordinal));
        Assert.That(sheet.Cell(2, 5).GetString(), Is.EqualTo("NG"));
        Assert.That(sheet.Cell(5, 3).GetString(), Does.Contain("30 秒以内"));
        Assert.That(sheet.Cell(10, 4).GetString(), Is.EqualTo("NG"));
        var error = sheet.Cell(11, 3).GetString();
        Assert.That(sheet.Cell(11, 2).GetString(), Is.EqualTo("エラー"));
        Assert.That(error, Does.StartWith("TimeoutException: 「証明書取得」ボタン"), "ANSI colour codes are removed");
        Assert.That(error, Does.Contain("at Shinkin.PageObjects.CertificatePage.AcquireAsync()"));
        Assert.That(error.Contains((char)27), Is.False, "no ANSI escape left");
        Assert.That(sheet.Cell(6, 3).Hyperlink.ExternalAddress.OriginalString, Is.EqualTo("artifacts/s1-1-ng/trace.zip"));
        Assert.That(sheet.Cell(6, 6).Hyperlink.ExternalAddress.OriginalString, Is.EqualTo("artifacts/s1-1-ng/page.html"));
        Assert.That(sheet.Pictures, Has.Count.EqualTo(3));
    }

    [Test]
    public void Skipped_scenario_sheet_says_not_applicable_and_why()
    {
        var sheet = _workbook.Worksheets.Single(w => w.Name.StartsWith("004", StringComparison.Ordinal));
        Assert.That(sheet.Cell(2, 5).GetString(), Is.EqualTo("対象外"));
        Assert.That(sheet.Cell(5, 1).GetString(), Is.EqualTo("対象外理由"));
        Assert.That(sheet.Cell(5, 3).GetString(), Does.Contain("Windows のレジストリが必要"));
        Assert.That(sheet.Pictures, Is.Empty);
    }

    [Test]
    public void Coverage_sheet_lists_every_manual_step_with_its_latest_result()
    {
        var sheet = _workbook.Worksheet("網羅性");
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > 4 && r.Cell(2).GetString().Contains('-', StringComparison.Ordinal)).ToList();
        var manualSteps = Coverage.ManualStructure.Load(SyntheticRun.ManualStructurePath()).Steps.Count();
        Assert.That(rows, Has.Count.EqualTo(manualSteps));
        string Result(string procedure, int step) =>
            rows.Single(r => r.Cell(2).GetString() == procedure && r.Cell(4).GetValue<int>() == step).Cell(8).GetString();
        Assert.That(Result("2-1", 1), Is.EqualTo("NG"));
        Assert.That(Result("2-1", 4), Is.EqualTo("未網羅"));
        Assert.That(Result("2-2", 5), Is.EqualTo("OK"));
        Assert.That(Result("2-4", 2), Is.EqualTo("保留"));
        Assert.That(Result("1-2", 3), Is.EqualTo("対象外"));
        Assert.That(Result("5-1", 1), Is.EqualTo("未網羅"));
    }

    private static string[] Header(IXLWorksheet sheet, int row, int columns) =>
        Enumerable.Range(1, columns).Select(c => sheet.Cell(row, c).GetString()).ToArray();

    internal static int Argb(XLColor colour) => colour.Color.ToArgb();
}
