using ClosedXML.Excel;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Reports.Excel;

/// <summary>
/// The one look shared by every workbook the harness writes (evidence, spec, coverage, environment
/// check): header colours, result colours, column widths that fit Japanese text, A4 landscape print.
/// </summary>
public static class WorkbookStyle
{
    public const string FontName = "Meiryo UI";
    public const double FontSize = 10;

    /// <summary>Points per printed line of 10pt text, used to size wrapped rows ourselves.</summary>
    public const double LineHeight = 13;

    public static readonly XLColor HeaderFill = XLColor.FromHtml("#1F4E78");
    public static readonly XLColor HeaderFont = XLColor.White;
    public static readonly XLColor LabelFill = XLColor.FromHtml("#DDEBF7");
    public static readonly XLColor Border = XLColor.FromHtml("#A6A6A6");
    public static readonly XLColor OkFill = XLColor.FromHtml("#C6EFCE");
    public static readonly XLColor OkFont = XLColor.FromHtml("#006100");
    public static readonly XLColor RetryFill = XLColor.FromHtml("#E2EFDA");
    public static readonly XLColor RetryFont = XLColor.FromHtml("#806000");
    public static readonly XLColor NgFill = XLColor.FromHtml("#FFC7CE");
    public static readonly XLColor NgFont = XLColor.FromHtml("#9C0006");
    public static readonly XLColor PendingFill = XLColor.FromHtml("#FFEB9C");
    public static readonly XLColor PendingFont = XLColor.FromHtml("#9C5700");
    public static readonly XLColor SkippedFill = XLColor.FromHtml("#E7E6E6");
    public static readonly XLColor SkippedFont = XLColor.FromHtml("#595959");

    public static XLWorkbook CreateWorkbook()
    {
        var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = FontName;
        workbook.Style.Font.FontSize = FontSize;
        return workbook;
    }

    public static (XLColor Fill, XLColor Font) Colours(Outcome? outcome) => outcome switch
    {
        Outcome.Passed => (OkFill, OkFont),
        Outcome.PassedOnRetry => (RetryFill, RetryFont),
        Outcome.Failed => (NgFill, NgFont),
        Outcome.Pending => (PendingFill, PendingFont),
        Outcome.Skipped => (SkippedFill, SkippedFont),
        _ => (PendingFill, PendingFont),
    };

    /// <summary>Writes the OK/再実行で合格/NG/保留/対象外 label with its colour, centred and bold.</summary>
    public static void SetOutcome(IXLCell cell, Outcome outcome) => SetStatus(cell, OutcomeLabels.Label(outcome), outcome);

    public static void SetStatus(IXLCell cell, string label, Outcome? colour)
    {
        var (fill, font) = Colours(colour);
        cell.SetValue(label);
        cell.Style.Fill.BackgroundColor = fill;
        cell.Style.Font.FontColor = font;
        cell.Style.Font.Bold = true;
        cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
    }

    /// <summary>Blue and underlined, as Excel shows a hyperlink it made itself.</summary>
    public static void LinkStyle(IXLCell cell)
    {
        cell.Style.Font.FontColor = XLColor.FromHtml("#0563C1");
        cell.Style.Font.Underline = XLFontUnderlineValues.Single;
    }

    public static void StyleHeader(IXLRange header)
    {
        header.Style.Fill.BackgroundColor = HeaderFill;
        header.Style.Font.FontColor = HeaderFont;
        header.Style.Font.Bold = true;
        header.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        header.Style.Alignment.WrapText = true;
        Grid(header);
    }

    public static void Grid(IXLRange range)
    {
        range.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        range.Style.Border.OutsideBorderColor = Border;
        range.Style.Border.InsideBorderColor = Border;
    }

    /// <summary>A header row, a body with borders, top-aligned wrapped text, the header frozen and filtered.</summary>
    public static void Table(IXLWorksheet sheet, int headerRow, int lastRow, int lastColumn)
    {
        StyleHeader(sheet.Range(headerRow, 1, headerRow, lastColumn));
        if (lastRow > headerRow)
        {
            var body = sheet.Range(headerRow + 1, 1, lastRow, lastColumn);
            Grid(body);
            body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            body.Style.Alignment.WrapText = true;
        }

        sheet.Range(headerRow, 1, Math.Max(lastRow, headerRow + 1), lastColumn).SetAutoFilter();
        sheet.SheetView.FreezeRows(headerRow);
    }

    /// <summary>A4 landscape, one page wide, as many tall as needed, header rows on every page.</summary>
    public static void PrintSetup(IXLWorksheet sheet, int firstRepeatedRow, int lastRepeatedRow, string title)
    {
        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.FitToPages(1, 0);
        page.Margins.Left = 0.4;
        page.Margins.Right = 0.4;
        page.Margins.Top = 0.6;
        page.Margins.Bottom = 0.6;
        page.Margins.Header = 0.3;
        page.Margins.Footer = 0.3;
        page.CenterHorizontally = true;
        if (firstRepeatedRow > 0)
        {
            page.SetRowsToRepeatAtTop(firstRepeatedRow, lastRepeatedRow);
        }

        page.Header.Left.AddText(title);
        page.Footer.Center.AddText("&P / &N");
    }

    /// <summary>
    /// Sets each column to fit its widest line (wide characters count double), between the given
    /// bounds; longer text wraps. Only the rows given are measured, so titles above a table do not
    /// widen its columns.
    /// </summary>
    public static void FitColumns(IXLWorksheet sheet, int firstRow, int lastRow, int lastColumn, double minWidth = 6, double maxWidth = 60)
    {
        for (var column = 1; column <= lastColumn; column++)
        {
            var widest = 0;
            for (var row = firstRow; row <= lastRow; row++)
            {
                var cell = sheet.Cell(row, column);
                if (!cell.IsEmpty())
                {
                    widest = Math.Max(widest, TextWidth.Of(cell.GetString()) + (cell.Style.Font.Bold ? 1 : 0));
                }
            }

            sheet.Column(column).Width = Math.Clamp(widest + 2, minWidth, maxWidth);
        }
    }

    /// <summary>Row heights for wrapped text, computed because Excel only re-fits rows it is asked to.</summary>
    public static void FitRows(IXLWorksheet sheet, int firstRow, int lastRow, int lastColumn, double maxHeight = 409)
    {
        for (var row = firstRow; row <= lastRow; row++)
        {
            var lines = 1;
            for (var column = 1; column <= lastColumn; column++)
            {
                var cell = sheet.Cell(row, column);
                if (!cell.IsEmpty() && !cell.IsMerged())
                {
                    lines = Math.Max(lines, TextWidth.WrappedLines(cell.GetString(), sheet.Column(column).Width));
                }
            }

            if (lines > 1)
            {
                sheet.Row(row).Height = Math.Min(maxHeight, lines * LineHeight + 4);
            }
        }
    }

    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan duration) =>
        duration.TotalHours >= 1
            ? $"{(int)duration.TotalHours}時間{duration.Minutes}分{duration.Seconds}秒"
            : duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes}分{duration.Seconds}秒" : $"{duration.TotalSeconds:0.0}秒";
}
