using System.Globalization;
using ClosedXML.Excel;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.Reports.Excel;
using Shinkin.Reports.RunRecords;

// Not "Shinkin.Reports.Environment": that namespace would hide System.Environment from all of Shinkin.Reports.
namespace Shinkin.Reports.EnvCheck;

/// <summary>
/// 環境チェック結果報告書 (<c>check-env --xlsx</c>) in the look of the evidence workbook: サマリー
/// (inputs, OS, Security_HKLM_only, overall verdict per profile), 判定一覧 (one row per control with
/// both profiles side by side) and 修正方法 (what to change, per profile).
/// </summary>
public static class EnvironmentWorkbookWriter
{
    public const string SummarySheet = "サマリー";
    public const string ResultSheet = "判定一覧";
    public const string FixSheet = "修正方法";
    public const string Title = "環境チェック結果報告書";

    /// <summary>Row of the column headers on 判定一覧; the row above groups them by profile.</summary>
    public const int ResultHeaderRow = 4;
    public const int FixHeaderRow = 5;

    public static IReadOnlyList<string> ResultHeaders { get; } =
    [
        "管理ID", "マニュアル手順", "項目", "実際の値", "取得元", "上書きされた値",
        "期待値", "判定", "理由", "期待値", "判定", "理由", "相違の説明", "修正方法",
    ];

    /// <summary>The band above <see cref="ResultHeaders"/>: label, first and last column.</summary>
    public static IReadOnlyList<(string Label, int First, int Last)> ResultGroups { get; } =
    [
        ("確認した設定", 1, 6),
        ("マニュアル（マニュアルの指示）", 7, 9),
        ("安全（現在の安全基準）", 10, 12),
        ("説明と対処", 13, 14),
    ];

    public static IReadOnlyList<string> FixHeaders { get; } =
        ["プロファイル", "判定", "管理ID", "マニュアル手順", "項目", "実際の値", "期待値", "修正方法"];

    /// <summary>1-based column of a profile's 判定 on 判定一覧.</summary>
    public static int VerdictColumn(CheckProfile profile) => profile == CheckProfile.Manual ? 8 : 11;

    // Widest a column may grow before its text wraps; keeps 14 columns printable one page wide.
    private static readonly double[] ResultMaxWidths = [25, 14, 24, 24, 30, 30, 16, 8, 24, 16, 8, 24, 34, 40];
    private static readonly double[] FixMaxWidths = [12, 8, 25, 14, 26, 26, 20, 70];
    private const int SummaryColumns = 6;

    /// <summary>Writes the workbook to <paramref name="path"/> (through a temporary file, so a reader never sees half of it).</summary>
    public static async Task WriteAsync(CheckReport report, CheckProfile selected, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var workbook = Build(report, selected, DateTimeOffset.Now);
        var temp = full + ".tmp.xlsx";
        await Task.Run(() => workbook.SaveAs(temp), cancellationToken);
        File.Move(temp, full, overwrite: true);
    }

    public static XLWorkbook Build(CheckReport report, CheckProfile selected, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(report);
        var workbook = WorkbookStyle.CreateWorkbook();
        WriteSummary(workbook.Worksheets.Add(SummarySheet), report, selected, created);
        WriteResults(workbook.Worksheets.Add(ResultSheet), report);
        WriteFixes(workbook.Worksheets.Add(FixSheet), report);
        workbook.Worksheet(SummarySheet).SetTabActive();
        return workbook;
    }

    /// <summary>OK / NG / 対象外 take the colours of passed / failed / skipped scenarios in the evidence workbook.</summary>
    public static Outcome ToOutcome(Verdict verdict) => verdict switch
    {
        Verdict.Pass => Outcome.Passed,
        Verdict.Fail => Outcome.Failed,
        _ => Outcome.Skipped,
    };

    private static void WriteSummary(IXLWorksheet sheet, CheckReport report, CheckProfile selected, DateTimeOffset created)
    {
        double[] widths = [24, 16, 9, 9, 9, 56];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        WriteTitle(sheet, Title, 18, "インターネットオプションの設定確認（マニュアル 1 事前準備）　作成 "
            + created.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        sheet.Row(1).Height = 30;

        var disagreements = report.Controls.Count(c => c.Disagreement is not null);
        (string Label, string Value)[] facts =
        [
            ("入力", report.Inputs.Count == 0 ? "（なし）" : string.Join("\n", report.Inputs)),
            ("OS", report.Os.Name),
            ("OS の取得元", report.Os.Origin),
            ("Security_HKLM_only", report.SecurityHklmOnly
                ? "有効 (1)：ゾーンの設定はコンピューター全体 (HKLM) の値だけが有効です。画面にはユーザーの設定が表示されますが、判定には使いません。"
                : "無効：ユーザーごと (HKCU) のゾーン設定が有効です。"),
            ("選択プロファイル", $"{selected.JapaneseName()} ({selected.JsonName()})：終了コードはこのプロファイルの総合判定に従います。"),
            ("確認項目", string.Create(CultureInfo.InvariantCulture, $"{report.Controls.Count} 項目（詳細は「{ResultSheet}」シート）")),
            ("プロファイル間の相違", disagreements == 0
                ? "なし"
                : string.Create(CultureInfo.InvariantCulture, $"{disagreements} 項目（「{ResultSheet}」シートの「相違の説明」）")),
        ];
        var row = 3;
        foreach (var (label, value) in facts)
        {
            row++;
            LabelledValue(sheet, row, label, value);
        }

        WorkbookStyle.Grid(sheet.Range(4, 1, row, SummaryColumns));

        row += 2;
        Heading(sheet.Cell(row, 1), "総合判定");
        row++;
        var header = row;
        string[] headers = ["プロファイル", "総合判定", "OK", "NG", "対象外", "基準"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(row, i + 1).SetValue(headers[i]);
        }

        WorkbookStyle.StyleHeader(sheet.Range(row, 1, row, headers.Length));
        foreach (var profile in VerdictNames.Profiles)
        {
            row++;
            sheet.Cell(row, 1).SetValue(profile == selected ? $"{profile.JapaneseName()}（選択中）" : profile.JapaneseName());
            sheet.Cell(row, 1).Style.Font.Bold = profile == selected;
            var overall = report.Overall(profile);
            WorkbookStyle.SetStatus(sheet.Cell(row, 2), overall.Mark(), ToOutcome(overall));
            sheet.Cell(row, 2).Style.Font.FontSize = 12;
            var verdicts = report.Controls.Select(c => c.For(profile).Verdict).ToList();
            sheet.Cell(row, 3).SetValue(verdicts.Count(v => v == Verdict.Pass));
            sheet.Cell(row, 4).SetValue(verdicts.Count(v => v == Verdict.Fail));
            sheet.Cell(row, 5).SetValue(verdicts.Count(v => v == Verdict.NotApplicable));
            sheet.Cell(row, 6).SetValue(profile == CheckProfile.Manual
                ? "マニュアル「1 事前準備」の指示どおりに設定されているか"
                : "現在の安全基準を満たすか（SSL 3.0・TLS 1.0/1.1 を使わない: RFC 7568, RFC 8996。信頼済みサイトは金庫のドメインのみ）");
            sheet.Range(row, 3, row, 5).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            sheet.Row(row).Height = 22;
        }

        var verdictTable = sheet.Range(header + 1, 1, row, headers.Length);
        verdictTable.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        sheet.Range(header + 1, 6, row, 6).Style.Alignment.WrapText = true;
        WorkbookStyle.Grid(sheet.Range(header, 1, row, headers.Length));
        WorkbookStyle.FitRows(sheet, header + 1, row, headers.Length);

        row += 2;
        LabelledValue(sheet, row, "お願い", CheckReport.RestartAdvice);
        sheet.Cell(row, 2).Style.Font.Bold = true;
        WorkbookStyle.Grid(sheet.Range(row, 1, row, SummaryColumns));

        sheet.SheetView.FreezeRows(1);
        WorkbookStyle.PrintSetup(sheet, 0, 0, Title);
        sheet.PageSetup.PrintAreas.Add(1, 1, row, SummaryColumns);
    }

    private static void WriteResults(IXLWorksheet sheet, CheckReport report)
    {
        WriteTitle(sheet, ResultSheet, 14, string.Create(CultureInfo.InvariantCulture,
            $"全 {report.Controls.Count} 項目　総合判定 マニュアル {report.Overall(CheckProfile.Manual).Mark()}／安全 {report.Overall(CheckProfile.Secure).Mark()}　OS {report.Os.Name}"));

        foreach (var (label, first, last) in ResultGroups)
        {
            sheet.Range(ResultHeaderRow - 1, first, ResultHeaderRow - 1, last).Merge().SetValue(label);
        }

        for (var i = 0; i < ResultHeaders.Count; i++)
        {
            sheet.Cell(ResultHeaderRow, i + 1).SetValue(ResultHeaders[i]);
        }

        var row = ResultHeaderRow;
        foreach (var control in report.Controls)
        {
            row++;
            string[] values =
            [
                control.Id, control.ManualStep, control.Title, control.ActualText, control.SourceText ?? "未設定",
                string.Join("\n", control.Overridden.Select(o => $"{o.Source.Location} = {o.Source.Value.Display()}（{o.Reason}）")),
                control.Manual.Expected, control.Manual.Verdict.Mark(), control.Manual.Reason,
                control.Secure.Expected, control.Secure.Verdict.Mark(), control.Secure.Reason,
                control.Disagreement ?? control.Explanation ?? string.Empty,
                Fix(control),
            ];
            for (var i = 0; i < values.Length; i++)
            {
                sheet.Cell(row, i + 1).SetValue(values[i]);
            }

            foreach (var profile in VerdictNames.Profiles)
            {
                var verdict = control.For(profile).Verdict;
                WorkbookStyle.SetStatus(sheet.Cell(row, VerdictColumn(profile)), verdict.Mark(), ToOutcome(verdict));
            }
        }

        WorkbookStyle.Table(sheet, ResultHeaderRow, row, ResultHeaders.Count);
        WorkbookStyle.StyleHeader(sheet.Range(ResultHeaderRow - 1, 1, ResultHeaderRow - 1, ResultHeaders.Count));
        SizeTable(sheet, ResultHeaderRow, row, ResultMaxWidths);
        WorkbookStyle.PrintSetup(sheet, ResultHeaderRow - 1, ResultHeaderRow, Title + "　" + ResultSheet);
    }

    private static void WriteFixes(IXLWorksheet sheet, CheckReport report)
    {
        WriteTitle(sheet, FixSheet, 14, "NG の項目ごとに、プロファイル別の修正方法を示します。");
        Note(sheet, 3, "修正用の .reg ファイルは「shinkin check-env <.reg ファイル> --write-fix manual|secure <出力.reg>」で作成できます。"
            + "グループポリシーで管理されている設定は、システム管理者に変更を依頼してください。" + CheckReport.RestartAdvice);

        for (var i = 0; i < FixHeaders.Count; i++)
        {
            sheet.Cell(FixHeaderRow, i + 1).SetValue(FixHeaders[i]);
        }

        var row = FixHeaderRow;
        foreach (var profile in VerdictNames.Profiles)
        {
            var failing = report.Controls.Where(c => c.For(profile).Verdict == Verdict.Fail).ToList();
            if (failing.Count == 0)
            {
                row++;
                sheet.Cell(row, 1).SetValue(profile.JapaneseName());
                WorkbookStyle.SetStatus(sheet.Cell(row, 2), Verdict.Pass.Mark(), Outcome.Passed);
                sheet.Cell(row, 8).SetValue("修正は不要です（すべての項目が OK または対象外です）。");
                continue;
            }

            foreach (var control in failing)
            {
                row++;
                var result = control.For(profile);
                string[] values =
                [
                    profile.JapaneseName(), Verdict.Fail.Mark(), control.Id, control.ManualStep, control.Title,
                    control.ActualText, result.Expected, result.Fix ?? result.Reason,
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    sheet.Cell(row, i + 1).SetValue(values[i]);
                }

                WorkbookStyle.SetStatus(sheet.Cell(row, 2), Verdict.Fail.Mark(), Outcome.Failed);
            }
        }

        WorkbookStyle.Table(sheet, FixHeaderRow, row, FixHeaders.Count);
        SizeTable(sheet, FixHeaderRow, row, FixMaxWidths);
        sheet.Range(FixHeaderRow + 1, 1, row, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;

        // The note spans the whole table, so its height follows the table's final width.
        var noteWidth = Enumerable.Range(1, FixHeaders.Count).Sum(c => sheet.Column(c).Width);
        sheet.Row(3).Height = TextWidth.WrappedLines(sheet.Cell(3, 1).GetString(), noteWidth) * WorkbookStyle.LineHeight + 4;
        sheet.Range(3, 1, 3, FixHeaders.Count).Merge();
        WorkbookStyle.PrintSetup(sheet, FixHeaderRow, FixHeaderRow, Title + "　" + FixSheet);
    }

    /// <summary>Both profiles' fixes in one cell, once when they are the same.</summary>
    private static string Fix(ControlResult control)
    {
        var fixes = VerdictNames.Profiles
            .Where(p => control.For(p).Fix is not null)
            .Select(p => (Profile: p, Fix: control.For(p).Fix!))
            .ToList();
        return fixes.Select(f => f.Fix).Distinct(StringComparer.Ordinal).Count() <= 1
            ? fixes.FirstOrDefault().Fix ?? string.Empty
            : string.Join("\n", fixes.Select(f => $"［{f.Profile.JapaneseName()}］{f.Fix}"));
    }

    /// <summary>Widths from the text (TextWidth), capped per column so the table prints one page wide; then row heights.</summary>
    private static void SizeTable(IXLWorksheet sheet, int headerRow, int lastRow, double[] maxWidths)
    {
        WorkbookStyle.FitColumns(sheet, headerRow, lastRow, maxWidths.Length, minWidth: 8, maxWidth: maxWidths.Max());
        for (var c = 0; c < maxWidths.Length; c++)
        {
            sheet.Column(c + 1).Width = Math.Min(sheet.Column(c + 1).Width, maxWidths[c]);
        }

        WorkbookStyle.FitRows(sheet, headerRow, lastRow, maxWidths.Length);
    }

    private static void WriteTitle(IXLWorksheet sheet, string title, double size, string subtitle)
    {
        sheet.Cell(1, 1).SetValue(title);
        sheet.Cell(1, 1).Style.Font.FontSize = size;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetValue(subtitle);
        sheet.Cell(2, 1).Style.Font.FontColor = WorkbookStyle.SkippedFont;
    }

    private static void Heading(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.FontSize = 12;
    }

    private static void Note(IXLWorksheet sheet, int row, string text)
    {
        var cell = sheet.Cell(row, 1);
        cell.SetValue(text);
        cell.Style.Alignment.WrapText = true;
        cell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    /// <summary>A label cell and its value spread over the rest of the summary's width, row tall enough for the wrapped value.</summary>
    private static void LabelledValue(IXLWorksheet sheet, int row, string label, string value)
    {
        var labelCell = sheet.Cell(row, 1);
        labelCell.SetValue(label);
        labelCell.Style.Fill.BackgroundColor = WorkbookStyle.LabelFill;
        labelCell.Style.Font.Bold = true;
        labelCell.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

        var valueRange = sheet.Range(row, 2, row, SummaryColumns).Merge();
        valueRange.FirstCell().SetValue(value);
        valueRange.Style.Alignment.WrapText = true;
        valueRange.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        var width = Enumerable.Range(2, SummaryColumns - 1).Sum(c => sheet.Column(c).Width);
        var lines = TextWidth.WrappedLines(value, width);
        if (lines > 1)
        {
            sheet.Row(row).Height = lines * WorkbookStyle.LineHeight + 4;
        }
    }
}
