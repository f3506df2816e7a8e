using System.Globalization;
using ClosedXML.Excel;
using Shinkin.Reports.Accessibility;
using Shinkin.Reports.Coverage;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Reports.Excel;

/// <summary>
/// 試験結果報告書: サマリー, 結果一覧, 網羅性 and one sheet per scenario with each step and its
/// screenshot beside it. Screenshots are shrunk on worker threads a few scenarios ahead of the
/// (single-threaded) sheet writer, so only a bounded window of decoded images exists at a time.
/// </summary>
internal sealed class EvidenceWorkbookWriter
{
    private readonly List<string> _streamedPictures = [];

    public const string SummarySheet = "サマリー";
    public const string ListSheet = "結果一覧";
    public const int ListHeaderRow = 3;
    public const int ScenarioHeaderRow = 7;

    private const string Title = "試験結果報告書";
    private const double PixelsPerWidthUnit = 7.0;
    private const int PictureTopOffset = 18;

    private readonly RunRecord _run;
    private readonly ReportOptions _options;
    private readonly CoverageMatrix? _coverage;
    private readonly IProgress<string>? _progress;

    public EvidenceWorkbookWriter(RunRecord run, ReportOptions options, CoverageMatrix? coverage, IProgress<string>? progress)
    {
        _run = run;
        _options = options;
        _coverage = coverage;
        _progress = progress;
    }

    public async Task WriteAsync(string path, CancellationToken cancellationToken)
    {
        using var workbook = WorkbookStyle.CreateWorkbook();
        var names = new SheetNames();
        names.Reserve(SummarySheet);
        names.Reserve(ListSheet);
        names.Reserve(CoverageSheetWriter.SheetName);
        names.Reserve(AccessibilitySheetWriter.SheetName);
        var scenarios = _run.Scenarios;
        var sheetNames = scenarios.Select((s, i) => names.Reserve($"{i + 1:000} {s.Scenario}")).ToList();

        WriteSummary(workbook.Worksheets.Add(SummarySheet));
        WriteList(workbook.Worksheets.Add(ListSheet), sheetNames);
        if (_coverage is not null)
        {
            CoverageSheetWriter.Write(workbook, _coverage);
        }

        if (AccessibilitySummary.IsReported(_run))
        {
            var scenarioSheets = scenarios.Select((s, i) => (s.Id, Sheet: sheetNames[i])).DistinctBy(s => s.Id).ToDictionary(s => s.Id, s => s.Sheet, StringComparer.Ordinal);
            AccessibilitySheetWriter.Write(workbook, _run, scenarioSheets);
        }

        var ahead = Math.Max(1, _options.MaxDegreeOfParallelism) * 2;
        var window = new Queue<Task<IReadOnlyList<PreparedPicture?>>>();
        var next = 0;
        while (next < scenarios.Count && window.Count < ahead)
        {
            window.Enqueue(PrepareAsync(scenarios[next++], cancellationToken));
        }

        for (var i = 0; i < scenarios.Count; i++)
        {
            var thumbnails = await window.Dequeue();
            if (next < scenarios.Count)
            {
                window.Enqueue(PrepareAsync(scenarios[next++], cancellationToken));
            }

            WriteScenario(workbook.Worksheets.Add(sheetNames[i]), i + 1, scenarios[i], thumbnails);
            if ((i + 1) % 25 == 0 || i + 1 == scenarios.Count)
            {
                _progress?.Report($"シナリオシート {i + 1}/{scenarios.Count}");
            }
        }

        workbook.Worksheet(SummarySheet).SetTabActive();
        var temp = path + ".tmp.xlsx";
        _progress?.Report("ブックを保存しています");
        await Task.Run(() => workbook.SaveAs(temp), cancellationToken);
        if (_streamedPictures.Count > 0)
        {
            _progress?.Report($"スクリーンショット {_streamedPictures.Count} 枚を格納しています");
            var withPictures = path + ".tmp2.xlsx";
            await PicturePlaceholders.ReplaceAsync(temp, withPictures, _streamedPictures, cancellationToken);
            File.Delete(temp);
            temp = withPictures;
        }

        File.Move(temp, path, overwrite: true);
    }

    private Task<IReadOnlyList<PreparedPicture?>> PrepareAsync(ScenarioRecord scenario, CancellationToken cancellationToken) =>
        Task.Run<IReadOnlyList<PreparedPicture?>>(() => AllSteps(scenario).Select(step =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var full = ScreenshotPath(step.Screenshot);
            if (full is null)
            {
                return null;
            }

            try
            {
                if (_options.ScreenshotEmbedding == ScreenshotEmbedding.Original && PngSize(full) is var (width, height))
                {
                    return new PreparedPicture(null, full, width, height);
                }

                var thumbnail = ScreenshotThumbnails.Create(full, _options.ScreenshotStoredWidth, _options.ScreenshotJpegQuality);
                return new PreparedPicture(thumbnail, null, thumbnail.Width, thumbnail.Height);
            }
            catch (Exception ex) when (ex is ArgumentException or OutOfMemoryException or IOException or System.Runtime.InteropServices.ExternalException)
            {
                // GDI+ reports an unreadable image as OutOfMemory/ArgumentException; the sheet says so instead of failing the report.
                _progress?.Report($"スクリーンショットを読めません: {step.Screenshot} ({ex.Message})");
                return null;
            }
        }).ToList(), cancellationToken);

    private static (int Width, int Height)? PngSize(string path)
    {
        Span<byte> header = stackalloc byte[24];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length ? PngThumbnailer.Size(header) : null;
    }

    private string? ScreenshotPath(string? relative)
    {
        if (string.IsNullOrEmpty(relative))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_run.Folder, relative));
        return File.Exists(full) ? full : null;
    }

    private void WriteSummary(IXLWorksheet sheet)
    {
        var info = _run.Info;
        var scenarios = _run.Scenarios;
        sheet.Column(1).Width = 26;
        sheet.Column(2).Width = 44;
        for (var c = 3; c <= 8; c++)
        {
            sheet.Column(c).Width = 11;
        }

        sheet.Cell(1, 1).SetValue(Title);
        sheet.Cell(1, 1).Style.Font.FontSize = 18;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Row(1).Height = 30;
        sheet.Cell(2, 1).SetValue("しんきん電子記録債権システム 初期設定編 回帰試験");
        sheet.Cell(2, 1).Style.Font.FontColor = WorkbookStyle.SkippedFont;

        var end = info.End ?? (scenarios.Count == 0 ? info.Start : scenarios.Max(s => s.Start + s.Duration));
        var counts = Counts(scenarios);
        var applicable = scenarios.Count - counts[Outcome.Skipped];
        // A run whose every scenario was 対象外 verified nothing: no rate, rather than a green 0.0 % or 100 %.
        object passRate = applicable == 0 ? NothingVerified : (double)Passes(counts) / applicable;
        (string Label, object Value)[] facts =
        [
            ("実行ID", info.RunId),
            ("試験対象", info.Target),
            ("エンジン", info.Engine),
            ("ブラウザバージョン", Dash(info.BrowserVersion)),
            ("OS", Dash(info.OperatingSystem)),
            ("フィルタ", Dash(info.Filter)),
            ("シャード", info.MergedFrom.Count > 0 ? $"{info.Shard}（{string.Join(", ", info.MergedFrom)}）" : info.Shard),
            ("ロケータ", info.Locators switch { "labels" => "マニュアルの語句（ラベル・ロール・テキスト）", "testids" => "テスト ID（参照サーバ専用）", var other => Dash(other) }),
            ("ターゲットプロファイル", Dash(info.TargetProfile ?? "")),
            ("語句の置き換え", Lines(info.WordOverrides)),
            ("使用したアカウント", Lines(info.Accounts)),
            ("更新が必要なアカウント", Lines(info.AccountsToRenew)),
            ("アクセシビリティ", AccessibilitySheetWriter.SummaryFact(_run)),
            ("再実行", RetryFact(counts[Outcome.PassedOnRetry])),
            ("報告の範囲", ScopeFact()),
            ("開始", Local(info.Start)),
            ("終了", Local(end)),
            ("所要時間", WorkbookStyle.Duration(end - info.Start)),
            ("シナリオ数", scenarios.Count),
            ("合格率（対象外を除く）", passRate),
        ];
        if (PartialRunNotice.Text(_run) is { } notice)
        {
            var banner = sheet.Range(3, 1, 3, 8).Merge();
            banner.SetValue(notice);
            banner.Style.Fill.BackgroundColor = WorkbookStyle.NgFill;
            banner.Style.Font.FontColor = WorkbookStyle.NgFont;
            banner.Style.Font.Bold = true;
            banner.Style.Alignment.WrapText = true;
            sheet.Row(3).Height = 30;
        }

        var row = 3;
        foreach (var (label, value) in facts)
        {
            row++;
            Label(sheet.Cell(row, 1), label);
            var cell = sheet.Cell(row, 2);
            if (value is string text)
            {
                cell.SetValue(text);
                if (text.Contains('\n', StringComparison.Ordinal))
                {
                    cell.Style.Alignment.WrapText = true;
                    sheet.Row(row).Height = 15 * (text.Count(c => c == '\n') + 1);
                }
            }
            else
            {
                cell.Value = value;
            }
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            sheet.Range(row, 2, row, 8).Merge();
        }

        var rateCell = sheet.Cell(row, 2);
        rateCell.Style.NumberFormat.Format = "0.0%";
        rateCell.Style.Font.Bold = true;
        rateCell.Style.Font.FontSize = 12;
        rateCell.Style.Font.FontColor = applicable == 0 ? WorkbookStyle.SkippedFont : counts[Outcome.Failed] > 0 ? WorkbookStyle.NgFont : WorkbookStyle.OkFont;
        WorkbookStyle.Grid(sheet.Range(4, 1, row, 8));

        row += 2;
        sheet.Cell(row, 1).SetValue("結果の内訳");
        sheet.Cell(row, 1).Style.Font.Bold = true;
        sheet.Cell(row, 1).Style.Font.FontSize = 12;
        row++;
        var breakdownHeader = row;
        string[] headers = ["結果", "割合（グラフ）", "件数", "割合"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(row, i + 1).SetValue(headers[i]);
        }

        WorkbookStyle.StyleHeader(sheet.Range(row, 1, row, headers.Length));
        foreach (var outcome in OutcomeLabels.ReportOrder)
        {
            row++;
            WorkbookStyle.SetOutcome(sheet.Cell(row, 1), outcome);
            var share = scenarios.Count == 0 ? 0 : (double)counts[outcome] / scenarios.Count;
            var bar = sheet.Cell(row, 2);
            bar.SetValue(share);
            bar.Style.NumberFormat.Format = "0%";
            bar.AddConditionalFormat().DataBar(WorkbookStyle.Colours(outcome).Font, showBarOnly: false)
                .Minimum(XLCFContentType.Number, 0).Maximum(XLCFContentType.Number, 1);
            sheet.Cell(row, 3).SetValue(counts[outcome]);
            sheet.Cell(row, 4).SetValue(share);
            sheet.Cell(row, 4).Style.NumberFormat.Format = "0.0%";
        }

        row++;
        Label(sheet.Cell(row, 1), "合計");
        sheet.Cell(row, 3).SetValue(scenarios.Count);
        sheet.Cell(row, 3).Style.Font.Bold = true;
        WorkbookStyle.Grid(sheet.Range(breakdownHeader, 1, row, headers.Length));
        for (var r = breakdownHeader + 1; r <= row; r++)
        {
            sheet.Row(r).Height = 20;
        }

        row = WriteGroupTable(sheet, row + 2, "章別の結果", "章",
            scenarios.GroupBy(s => ChapterOf(s)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (ChapterLabel(g.Key), (IReadOnlyList<ScenarioRecord>)g.ToList())));
        WriteGroupTable(sheet, row + 2, "機能別の結果", "機能",
            scenarios.GroupBy(s => s.Feature).Select(g => (g.Key, (IReadOnlyList<ScenarioRecord>)g.ToList())));

        sheet.SheetView.FreezeRows(1);
        WorkbookStyle.PrintSetup(sheet, 0, 0, Title);
        sheet.PageSetup.PrintAreas.Add(1, 1, sheet.LastRowUsed()?.RowNumber() ?? 1, 8);
    }

    /// <summary>The pass rate of a run or group in which every scenario was 対象外.</summary>
    internal const string NothingVerified = "—（すべて対象外: 検証なし）";

    private static int WriteGroupTable(IXLWorksheet sheet, int row, string title, string keyHeader, IEnumerable<(string Key, IReadOnlyList<ScenarioRecord> Items)> groups)
    {
        sheet.Cell(row, 1).SetValue(title);
        sheet.Cell(row, 1).Style.Font.Bold = true;
        sheet.Cell(row, 1).Style.Font.FontSize = 12;
        row++;
        var header = row;
        string[] headers = [keyHeader, "合格率（対象外を除く）", "シナリオ", .. OutcomeLabels.ReportOrder.Select(OutcomeLabels.Label)];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(row, i + 1).SetValue(headers[i]);
        }

        WorkbookStyle.StyleHeader(sheet.Range(row, 1, row, headers.Length));
        foreach (var (key, items) in groups)
        {
            row++;
            var counts = Counts(items);
            var applicable = items.Count - counts[Outcome.Skipped];
            sheet.Cell(row, 1).SetValue(key);
            var rate = sheet.Cell(row, 2);
            if (applicable == 0)
            {
                rate.SetValue("—");
            }
            else
            {
                rate.SetValue((double)Passes(counts) / applicable);
            }

            rate.Style.NumberFormat.Format = "0.0%";
            sheet.Cell(row, 3).SetValue(items.Count);
            for (var i = 0; i < OutcomeLabels.ReportOrder.Count; i++)
            {
                sheet.Cell(row, 4 + i).SetValue(counts[OutcomeLabels.ReportOrder[i]]);
            }

            if (counts[Outcome.Failed] > 0)
            {
                var ng = sheet.Cell(row, 4 + OutcomeIndex(Outcome.Failed));
                ng.Style.Fill.BackgroundColor = WorkbookStyle.NgFill;
                ng.Style.Font.FontColor = WorkbookStyle.NgFont;
                ng.Style.Font.Bold = true;
            }
        }

        if (row > header)
        {
            sheet.Range(header + 1, 2, row, 2).AddConditionalFormat().DataBar(WorkbookStyle.OkFont, showBarOnly: false)
                .Minimum(XLCFContentType.Number, 0).Maximum(XLCFContentType.Number, 1);
            sheet.Range(header + 1, 3, row, headers.Length).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            sheet.Range(header + 1, 1, row, 1).Style.Alignment.WrapText = true;
            WorkbookStyle.FitRows(sheet, header + 1, row, 1);
        }

        WorkbookStyle.Grid(sheet.Range(header, 1, Math.Max(row, header), headers.Length));
        return row;
    }

    private void WriteList(IXLWorksheet sheet, IReadOnlyList<string> sheetNames)
    {
        sheet.Cell(1, 1).SetValue("結果一覧");
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        var counts = Counts(_run.Scenarios);
        sheet.Cell(2, 1).Value =
            $"全 {_run.Scenarios.Count} 件　{string.Join("　", OutcomeLabels.ReportOrder.Select(o => $"{OutcomeLabels.Label(o)} {counts[o]}"))}　（{_run.Info.RunId}）";

        string[] headers = ["No", "章", "機能", "シナリオ", "タグ", "マニュアル参照", "結果", "所要時間(秒)", "エラー概要 / 対象外理由", "詳細"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(ListHeaderRow, i + 1).SetValue(headers[i]);
        }

        var row = ListHeaderRow;
        for (var i = 0; i < _run.Scenarios.Count; i++)
        {
            var scenario = _run.Scenarios[i];
            row++;
            sheet.Cell(row, 1).SetValue(i + 1);
            sheet.Cell(row, 2).SetValue(ChapterOf(scenario));
            sheet.Cell(row, 3).SetValue(scenario.Feature);
            sheet.Cell(row, 4).SetValue(scenario.Scenario);
            sheet.Cell(row, 5).SetValue(string.Join(" ", scenario.Tags.Select(t => "@" + t)));
            sheet.Cell(row, 6).SetValue(string.Join(", ", scenario.ManualReferences));
            WorkbookStyle.SetOutcome(sheet.Cell(row, 7), scenario.Outcome);
            sheet.Cell(row, 8).SetValue(Math.Round(scenario.Duration.TotalSeconds, 1));
            sheet.Cell(row, 8).Style.NumberFormat.Format = "0.0";
            sheet.Cell(row, 9).SetValue(Summary(scenario));
            var link = sheet.Cell(row, 10);
            link.SetValue(sheetNames[i].Split(' ', 2)[0] + " を開く");
            link.Hyperlink = new XLHyperlink(SheetNames.Anchor(sheetNames[i]));
            HyperlinkStyle(link);
        }

        WorkbookStyle.Table(sheet, ListHeaderRow, row, headers.Length);
        WorkbookStyle.FitColumns(sheet, ListHeaderRow, row, headers.Length, minWidth: 5, maxWidth: 44);
        sheet.Column(2).Width = Math.Max(sheet.Column(2).Width, 5);
        sheet.Column(7).Width = 8;
        sheet.Column(9).Width = Math.Max(sheet.Column(9).Width, 30);
        sheet.Range(ListHeaderRow + 1, 1, Math.Max(row, ListHeaderRow + 1), 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        WorkbookStyle.FitRows(sheet, ListHeaderRow + 1, row, headers.Length);
        WorkbookStyle.PrintSetup(sheet, ListHeaderRow, ListHeaderRow, $"{Title}　結果一覧");
    }

    private void WriteScenario(IXLWorksheet sheet, int number, ScenarioRecord scenario, IReadOnlyList<PreparedPicture?> pictures)
    {
        var pictureWidth = Math.Max(80, _options.ScreenshotDisplayWidth);
        sheet.Column(1).Width = 5;
        sheet.Column(2).Width = 10;
        sheet.Column(3).Width = 48;
        sheet.Column(4).Width = 8;
        sheet.Column(5).Width = 9;
        sheet.Column(6).Width = Math.Ceiling((pictureWidth + 12) / PixelsPerWidthUnit);

        var title = sheet.Range(1, 1, 1, 6).Merge();
        title.SetValue($"{number:000}　{scenario.Scenario}");
        title.Style.Font.FontSize = 13;
        title.Style.Font.Bold = true;
        title.Style.Alignment.WrapText = true;
        sheet.Row(1).Height = Math.Min(80, TextWidth.WrappedLines(scenario.Scenario, 80) * 18 + 6);

        Pair(sheet, 2, "機能", scenario.Feature + (scenario.Rule is null ? "" : $"／{scenario.Rule}"), "結果", null);
        WorkbookStyle.SetOutcome(sheet.Cell(2, 5), scenario.Outcome);
        var back = sheet.Cell(2, 6);
        back.SetValue("← 結果一覧へ戻る");
        back.Hyperlink = new XLHyperlink(SheetNames.Anchor(ListSheet, $"A{ListHeaderRow + number}"));
        HyperlinkStyle(back);

        Pair(sheet, 3, "マニュアル参照", Dash(string.Join(", ", scenario.ManualReferences)), "所要時間", WorkbookStyle.Duration(scenario.Duration));
        sheet.Cell(3, 6).SetValue("開始 " + Local(scenario.Start));

        Label(sheet.Range(4, 1, 4, 2).Merge(), "タグ");
        sheet.Range(4, 3, 4, 6).Merge().SetValue(Dash(string.Join(" ", scenario.Tags.Select(t => "@" + t))));

        var (problemLabel, problem) = scenario.Outcome switch
        {
            Outcome.Skipped => ("対象外理由", Dash(TextCleaner.Clean(scenario.SkipReason ?? scenario.Error))),
            Outcome.Failed or Outcome.Pending => ("エラー", Dash(TextCleaner.Limit(scenario.Error, 4, 1000))),
            Outcome.PassedOnRetry => ("再実行前のエラー", Dash(TextCleaner.Limit(string.Join("\n", scenario.EarlierAttempts.Select(EarlierFailure)), 4, 1000))),
            _ => ("エラー", "—"),
        };
        Label(sheet.Range(5, 1, 5, 2).Merge(), problemLabel);
        var problemCell = sheet.Range(5, 3, 5, 6).Merge();
        problemCell.SetValue(problem);
        problemCell.Style.Alignment.WrapText = true;
        if (scenario.Outcome is not Outcome.Passed && problem != "—")
        {
            var (fill, font) = WorkbookStyle.Colours(scenario.Outcome);
            problemCell.Style.Fill.BackgroundColor = fill;
            problemCell.Style.Font.FontColor = font;
            sheet.Row(5).Height = Math.Min(120, TextWidth.WrappedLines(problem, 48 + 8 + 9 + sheet.Column(6).Width) * WorkbookStyle.LineHeight + 4);
        }

        Label(sheet.Range(6, 1, 6, 2).Merge(), "証跡");
        ArtefactLink(sheet.Cell(6, 3), scenario.TracePath, "トレース");
        ArtefactLink(sheet.Cell(6, 6), scenario.HtmlPath, "ページHTML");
        WorkbookStyle.Grid(sheet.Range(2, 1, 6, 6));

        string[] headers = ["No", "キーワード", "手順", "結果", "時間(秒)", "スクリーンショット"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(ScenarioHeaderRow, i + 1).SetValue(headers[i]);
        }

        WorkbookStyle.StyleHeader(sheet.Range(ScenarioHeaderRow, 1, ScenarioHeaderRow, headers.Length));
        var row = WriteSteps(sheet, ScenarioHeaderRow, scenario.Steps, pictures, 0);
        var pictureIndex = scenario.Steps.Count;
        foreach (var earlier in scenario.EarlierAttempts)
        {
            row++;
            var heading = sheet.Range(row, 1, row, 6).Merge();
            heading.SetValue($"{earlier.Attempt} 回目の試行（{OutcomeLabels.Label(earlier.Outcome)}、開始 {Local(earlier.Start)}、{WorkbookStyle.Duration(earlier.Duration)}）: {EarlierFailure(earlier)}");
            var (fill, font) = WorkbookStyle.Colours(earlier.Outcome);
            heading.Style.Fill.BackgroundColor = fill;
            heading.Style.Font.FontColor = font;
            heading.Style.Font.Bold = true;
            heading.Style.Alignment.WrapText = true;
            sheet.Row(row).Height = 30;
            row++;
            ArtefactLink(sheet.Cell(row, 3), earlier.TracePath, "トレース");
            ArtefactLink(sheet.Cell(row, 6), earlier.HtmlPath, "ページHTML");
            row = WriteSteps(sheet, row, earlier.Steps, pictures, pictureIndex);
            pictureIndex += earlier.Steps.Count;
        }

        if (row > ScenarioHeaderRow)
        {
            var body = sheet.Range(ScenarioHeaderRow + 1, 1, row, 6);
            WorkbookStyle.Grid(body);
            body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            sheet.Range(ScenarioHeaderRow + 1, 1, row, 3).Style.Alignment.WrapText = true;
            sheet.Range(ScenarioHeaderRow + 1, 1, row, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        }

        sheet.SheetView.FreezeRows(ScenarioHeaderRow);
        WorkbookStyle.PrintSetup(sheet, ScenarioHeaderRow, ScenarioHeaderRow, $"{Title}　{number:000} {scenario.Scenario}");
    }

    /// <summary>One row per step below <paramref name="row"/> (plus an error row under a failed one); returns the last row written.</summary>
    private int WriteSteps(IXLWorksheet sheet, int row, IReadOnlyList<StepRecord> steps, IReadOnlyList<PreparedPicture?> pictures, int pictureOffset)
    {
        var pictureWidth = Math.Max(80, _options.ScreenshotDisplayWidth);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            row++;
            sheet.Cell(row, 1).SetValue(step.Number);
            sheet.Cell(row, 2).SetValue(step.Keyword.Trim());
            var text = step.Argument is null ? step.Text : $"{step.Text}\n{step.Argument}";
            sheet.Cell(row, 3).SetValue(TextCleaner.Clean(text));
            WorkbookStyle.SetOutcome(sheet.Cell(row, 4), step.Outcome);
            sheet.Cell(row, 5).SetValue(Math.Round(step.Duration.TotalSeconds, 2));
            sheet.Cell(row, 5).Style.NumberFormat.Format = "0.00";
            var textHeight = TextWidth.WrappedLines(text, sheet.Column(3).Width) * WorkbookStyle.LineHeight + 4;
            var picture = pictureOffset + i < pictures.Count ? pictures[pictureOffset + i] : null;
            var shot = sheet.Cell(row, 6);
            if (picture is not null && step.Screenshot is not null)
            {
                var height = (int)Math.Round(picture.Height * (double)pictureWidth / picture.Width);
                var (data, format) = picture.Embedded is { } thumbnail
                    ? (thumbnail.Data, thumbnail.Format)
                    : (PicturePlaceholders.Create(_streamedPictures.Count), ClosedXML.Excel.Drawings.XLPictureFormat.Png);
                if (picture.SourcePath is not null)
                {
                    _streamedPictures.Add(picture.SourcePath);
                }

                using (var stream = new MemoryStream(data, writable: false))
                {
                    sheet.AddPicture(stream, format, $"step{pictureOffset + i + 1}")
                        .MoveTo(shot, 4, PictureTopOffset)
                        .WithSize(pictureWidth, height);
                }

                shot.SetValue("原寸画像を開く");
                shot.Hyperlink = new XLHyperlink(RelativeUri(step.Screenshot));
                HyperlinkStyle(shot);
                sheet.Row(row).Height = Math.Max(textHeight, (height + PictureTopOffset + 8) * 0.75);
            }
            else
            {
                shot.SetValue(step.Screenshot is null ? "（スクリーンショットなし）" : $"（画像を読めません: {step.Screenshot}）");
                shot.Style.Font.FontColor = WorkbookStyle.SkippedFont;
                sheet.Row(row).Height = Math.Max(textHeight, 18);
            }

            if (step.Outcome == Outcome.Failed && (step.Error is not null || step.StackTrace is not null))
            {
                row++;
                sheet.Cell(row, 2).SetValue("エラー");
                var detail = sheet.Range(row, 3, row, 6).Merge();
                var message = TextCleaner.Limit(step.Error, 10, 2000);
                var stack = TextCleaner.Limit(step.StackTrace, _options.MaxStackTraceLines, 6000);
                var detailText = stack.Length == 0 ? message : $"{message}\n\n{stack}";
                detail.SetValue(detailText);
                detail.Style.Alignment.WrapText = true;
                detail.Style.Font.FontColor = WorkbookStyle.NgFont;
                sheet.Range(row, 1, row, 6).Style.Fill.BackgroundColor = WorkbookStyle.NgFill;
                var merged = sheet.Column(3).Width + sheet.Column(4).Width + sheet.Column(5).Width + sheet.Column(6).Width;
                sheet.Row(row).Height = Math.Min(409, TextWidth.WrappedLines(detailText, merged) * 13 + 6);
            }
        }

        return row;
    }

    /// <summary>Either an embedded thumbnail, or a screenshot file streamed in after saving.</summary>
    private sealed record PreparedPicture(Thumbnail? Embedded, string? SourcePath, int Width, int Height);

    private static void Pair(IXLWorksheet sheet, int row, string label, string value, string label2, string? value2)
    {
        Label(sheet.Range(row, 1, row, 2).Merge(), label);
        sheet.Cell(row, 3).SetValue(value);
        sheet.Cell(row, 3).Style.Alignment.WrapText = true;
        Label(sheet.Range(row, 4, row, 4), label2);
        if (value2 is not null)
        {
            sheet.Cell(row, 5).SetValue(value2);
        }
    }

    private static void ArtefactLink(IXLCell cell, string? relative, string label)
    {
        if (string.IsNullOrEmpty(relative))
        {
            cell.SetValue($"{label}: なし");
            cell.Style.Font.FontColor = WorkbookStyle.SkippedFont;
            return;
        }

        cell.SetValue($"{label}: {relative}");
        cell.Hyperlink = new XLHyperlink(RelativeUri(relative));
        HyperlinkStyle(cell);
    }

    private static Uri RelativeUri(string relative) => new(relative.Replace('\\', '/'), UriKind.Relative);

    private static void Label(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.Style.Fill.BackgroundColor = WorkbookStyle.LabelFill;
        cell.Style.Font.Bold = true;
    }

    private static void Label(IXLRange range, string text)
    {
        range.FirstCell().SetValue(text);
        range.Style.Fill.BackgroundColor = WorkbookStyle.LabelFill;
        range.Style.Font.Bold = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    private static void HyperlinkStyle(IXLCell cell) => WorkbookStyle.LinkStyle(cell);

    private static string Summary(ScenarioRecord scenario) => scenario.Outcome switch
    {
        Outcome.Skipped => TextCleaner.FirstLine(scenario.SkipReason ?? scenario.Error),
        Outcome.Passed => "",
        Outcome.PassedOnRetry => $"{scenario.Attempt} 回目で合格。" + string.Join(" ", scenario.EarlierAttempts.Select(EarlierFailure)),
        _ => TextCleaner.FirstLine(scenario.Error ?? scenario.Steps.FirstOrDefault(s => s.Outcome != Outcome.Passed)?.Error),
    };

    internal static string ChapterOf(ScenarioRecord scenario) =>
        ManualReference.FromTags(scenario.Tags).Select(r => r.Chapter).FirstOrDefault() ?? "";

    private string ChapterLabel(string chapter)
    {
        if (chapter.Length == 0)
        {
            return "（章なし）";
        }

        var title = _coverage?.Manual.Chapters.FirstOrDefault(c => c.Chapter == chapter)?.Title;
        return title is null ? $"{chapter}章" : $"{chapter}章 {title}";
    }

    /// <summary>The steps of the final attempt, then those of each earlier attempt (the order pictures are prepared in).</summary>
    private static IEnumerable<StepRecord> AllSteps(ScenarioRecord scenario) =>
        scenario.Steps.Concat(scenario.EarlierAttempts.SelectMany(a => a.Steps));

    private static string EarlierFailure(ScenarioRecord attempt) =>
        $"{attempt.Attempt} 回目: {OutcomeLabels.Label(attempt.Outcome)} — {TextCleaner.FirstLine(attempt.Error ?? attempt.Steps.FirstOrDefault(s => s.Outcome != Outcome.Passed)?.Error)}";

    private static int Passes(Dictionary<Outcome, int> counts) => counts.Where(c => OutcomeLabels.IsPass(c.Key)).Sum(c => c.Value);

    private static int OutcomeIndex(Outcome outcome) => OutcomeLabels.ReportOrder.ToList().IndexOf(outcome);

    private string RetryFact(int passedOnRetry)
    {
        // A merged record carries no settings: then only what the scenarios show is known.
        var retries = _run.Info.Settings?.Retries;
        var retried = _run.Scenarios.Count(s => s.EarlierAttempts.Count > 0);
        if (retried == 0 && retries is null or 0)
        {
            return "なし";
        }

        var limit = retries is > 0 ? $"失敗したシナリオを最大 {retries} 回再実行" : "再実行あり";
        return $"{limit}（再実行したシナリオ {retried} 件、うち{OutcomeLabels.PassedOnRetry} {passedOnRetry} 件）";
    }

    private string ScopeFact()
    {
        var info = _run.Info;
        if (info.Interruption is null)
        {
            return "実行を最後まで完了";
        }

        var finished = info.PlannedScenarios is { } planned ? $"完了 {_run.Scenarios.Count} / 予定 {planned} シナリオ" : $"完了 {_run.Scenarios.Count} シナリオ";
        return $"部分的な報告（中断: {info.Interruption}）— {finished}";
    }

    private static Dictionary<Outcome, int> Counts(IEnumerable<ScenarioRecord> scenarios)
    {
        var counts = Enum.GetValues<Outcome>().ToDictionary(o => o, _ => 0);
        foreach (var scenario in scenarios)
        {
            counts[scenario.Outcome]++;
        }

        return counts;
    }

    private static string Lines(IReadOnlyList<string> lines) => lines.Count == 0 ? "—" : string.Join("\n", lines);

    private static string Dash(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : text;

    private static string Local(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
