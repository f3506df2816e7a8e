using ClosedXML.Excel;
using Shinkin.EnvironmentCheck.Checks;

namespace Shinkin.EnvironmentCheck.Output;

/// <summary>
/// The environment-check workbook (環境チェック結果): one row per control, OK/NG coloured, header frozen,
/// autofilter on, printed A4 landscape one page wide. Column widths are fixed because measuring text
/// would need GDI+ on Linux.
/// </summary>
public static class XlsxReportWriter
{
    public const string ResultSheetName = "環境チェック結果";
    public const string SummarySheetName = "概要";

    public static IReadOnlyList<string> Headers { get; } =
    [
        "No", "管理ID", "項目", "マニュアル参照", "実際の値", "取得元", "上書きされた値",
        "期待値 (マニュアル)", "判定 (マニュアル)", "期待値 (安全)", "判定 (安全)", "修正方法", "説明",
    ];

    private static readonly double[] Widths = [5, 26, 34, 16, 40, 60, 50, 22, 12, 30, 12, 70, 70];

    private static readonly XLColor PassFill = XLColor.FromHtml("#C6EFCE");
    private static readonly XLColor PassFont = XLColor.FromHtml("#006100");
    private static readonly XLColor FailFill = XLColor.FromHtml("#FFC7CE");
    private static readonly XLColor FailFont = XLColor.FromHtml("#9C0006");
    private static readonly XLColor NotApplicableFill = XLColor.FromHtml("#EDEDED");
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#1F4E78");

    public static async Task WriteAsync(CheckReport report, CheckProfile selected, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = Build(report, selected);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
    }

    public static byte[] Build(CheckReport report, CheckProfile selected)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var workbook = new XLWorkbook();
        WriteResults(workbook.Worksheets.Add(ResultSheetName), report);
        WriteSummary(workbook.Worksheets.Add(SummarySheetName), report, selected);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteResults(IXLWorksheet sheet, CheckReport report)
    {
        for (var column = 0; column < Headers.Count; column++)
        {
            var cell = sheet.Cell(1, column + 1);
            cell.Value = Headers[column];
            cell.Style.Font.Bold = true;
            cell.Style.Font.FontColor = XLColor.White;
            cell.Style.Fill.BackgroundColor = HeaderFill;
            sheet.Column(column + 1).Width = Widths[column];
        }

        var row = 2;
        foreach (var control in report.Controls)
        {
            var overridden = string.Join("\n", control.Overridden.Select(o => $"{o.Source.Location} = {o.Source.Value.Display()} ({o.Reason})"));
            var fix = string.Join("\n", VerdictNames.Profiles
                .Where(p => control.For(p).Fix is not null)
                .Select(p => $"[{p.JapaneseName()}] {control.For(p).Fix}"));
            string[] values =
            [
                (row - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), control.Id, control.Title, control.ManualStep,
                control.ActualText, control.SourceText ?? "未設定", overridden,
                control.Manual.Expected, control.Manual.Verdict.Mark(), control.Secure.Expected, control.Secure.Verdict.Mark(),
                fix, control.Disagreement ?? control.Explanation ?? string.Empty,
            ];
            for (var column = 0; column < values.Length; column++)
            {
                sheet.Cell(row, column + 1).Value = values[column];
            }

            Colour(sheet.Cell(row, 9), control.Manual.Verdict);
            Colour(sheet.Cell(row, 11), control.Secure.Verdict);
            row++;
        }

        var used = sheet.Range(1, 1, row - 1, Headers.Count);
        used.Style.Alignment.WrapText = true;
        used.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        used.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        used.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        used.SetAutoFilter();
        sheet.SheetView.FreezeRows(1);
        PrintSetup(sheet);
    }

    private static void WriteSummary(IXLWorksheet sheet, CheckReport report, CheckProfile selected)
    {
        var rows = new List<(string Label, string Value, Verdict? Verdict)>
        {
            ("OS", $"{report.Os.Name} ({report.Os.Origin})", null),
            ("入力", string.Join(", ", report.Inputs), null),
            ("Security_HKLM_only", report.SecurityHklmOnly ? "有効 (HKLM のゾーン設定のみ有効)" : "無効", null),
            ("選択プロファイル", selected.JapaneseName(), null),
        };
        rows.AddRange(VerdictNames.Profiles.Select(p => ($"総合判定 ({p.JapaneseName()})", report.Overall(p).Mark(), (Verdict?)report.Overall(p))));
        rows.Add(("お願い", CheckReport.RestartAdvice, null));

        sheet.Cell(1, 1).Value = "項目";
        sheet.Cell(1, 2).Value = "内容";
        sheet.Range(1, 1, 1, 2).Style.Font.Bold = true;
        sheet.Range(1, 1, 1, 2).Style.Font.FontColor = XLColor.White;
        sheet.Range(1, 1, 1, 2).Style.Fill.BackgroundColor = HeaderFill;
        for (var i = 0; i < rows.Count; i++)
        {
            sheet.Cell(i + 2, 1).Value = rows[i].Label;
            sheet.Cell(i + 2, 2).Value = rows[i].Value;
            if (rows[i].Verdict is { } verdict)
            {
                Colour(sheet.Cell(i + 2, 2), verdict);
            }
        }

        sheet.Column(1).Width = 24;
        sheet.Column(2).Width = 100;
        sheet.Range(1, 2, rows.Count + 1, 2).Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(1);
        PrintSetup(sheet);
    }

    private static void Colour(IXLCell cell, Verdict verdict)
    {
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        switch (verdict)
        {
            case Verdict.Pass:
                cell.Style.Fill.BackgroundColor = PassFill;
                cell.Style.Font.FontColor = PassFont;
                break;
            case Verdict.Fail:
                cell.Style.Fill.BackgroundColor = FailFill;
                cell.Style.Font.FontColor = FailFont;
                cell.Style.Font.Bold = true;
                break;
            default:
                cell.Style.Fill.BackgroundColor = NotApplicableFill;
                break;
        }
    }

    private static void PrintSetup(IXLWorksheet sheet)
    {
        // ClosedXML defaults to Letter paper; Japanese offices print A4.
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
    }
}
