using System.Globalization;
using ClosedXML.Excel;
using Shinkin.Reports.Coverage;

namespace Shinkin.Reports.Excel;

/// <summary>Writes the 網羅性 sheet: every numbered step of the manual, what covers it, the latest result.</summary>
public static class CoverageSheetWriter
{
    public const string SheetName = "網羅性";
    public const int HeaderRow = 4;

    public static readonly XLColor UncoveredFill = XLColor.FromHtml("#FCE4D6");
    public static readonly XLColor UncoveredFont = XLColor.FromHtml("#843C0C");

    public static IXLWorksheet Write(XLWorkbook workbook, CoverageMatrix matrix, string sheetName = SheetName)
    {
        var sheet = workbook.Worksheets.Add(sheetName);
        sheet.Cell(1, 1).SetValue("マニュアル網羅性");
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        var percent = matrix.TotalSteps == 0 ? 0 : (double)matrix.CoveredSteps / matrix.TotalSteps;
        sheet.Cell(2, 1).Value = string.Create(CultureInfo.InvariantCulture,
            $"{matrix.Manual.Title}　網羅 {matrix.CoveredSteps} / {matrix.TotalSteps} ステップ（{percent:P0}）　未網羅 {matrix.TotalSteps - matrix.CoveredSteps}");

        string[] headers = ["章", "手順", "手順名", "No", "マニュアル記載", "網羅シナリオ", "件数", "最新結果"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cell(HeaderRow, i + 1).SetValue(headers[i]);
        }

        var row = HeaderRow;
        foreach (var entry in matrix.Rows)
        {
            row++;
            var step = entry.Step;
            sheet.Cell(row, 1).SetValue(step.Chapter);
            sheet.Cell(row, 2).SetValue(step.ProcedureId);
            sheet.Cell(row, 3).SetValue(step.ProcedureTitle);
            sheet.Cell(row, 4).SetValue(step.Number);
            sheet.Cell(row, 5).SetValue(step.Text);
            sheet.Cell(row, 6).SetValue(string.Join("\n", entry.Scenarios.Select(s => "・" + s.Scenario)));
            sheet.Cell(row, 7).SetValue(entry.Scenarios.Count);
            var status = sheet.Cell(row, 8);
            if (!entry.IsCovered)
            {
                status.SetValue(OutcomeLabels.Uncovered);
                status.Style.Fill.BackgroundColor = UncoveredFill;
                status.Style.Font.FontColor = UncoveredFont;
                status.Style.Font.Bold = true;
                status.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
                sheet.Range(row, 1, row, 7).Style.Fill.BackgroundColor = UncoveredFill;
            }
            else if (entry.LatestResult is { } latest)
            {
                WorkbookStyle.SetOutcome(status, latest);
            }
            else
            {
                WorkbookStyle.SetStatus(status, matrix.HasResults ? OutcomeLabels.NotRun : "—", null);
                status.Style.Fill.BackgroundColor = XLColor.NoColor;
                status.Style.Font.FontColor = XLColor.Black;
            }
        }

        WorkbookStyle.Table(sheet, HeaderRow, row, headers.Length);
        sheet.Column(1).Width = 5;
        sheet.Column(2).Width = 7;
        sheet.Column(3).Width = 34;
        sheet.Column(4).Width = 5;
        sheet.Column(5).Width = 60;
        sheet.Column(6).Width = 60;
        sheet.Column(7).Width = 6;
        sheet.Column(8).Width = 10;
        sheet.Range(HeaderRow + 1, 1, row, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Range(HeaderRow + 1, 4, row, 4).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Range(HeaderRow + 1, 7, row, 7).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        WorkbookStyle.FitRows(sheet, HeaderRow + 1, row, headers.Length);

        if (matrix.UnknownReferences.Count > 0)
        {
            row += 2;
            sheet.Cell(row, 1).SetValue("マニュアルに存在しない参照タグ");
            sheet.Cell(row, 1).Style.Font.Bold = true;
            sheet.Cell(row, 1).Style.Font.FontColor = WorkbookStyle.NgFont;
            foreach (var unknown in matrix.UnknownReferences)
            {
                row++;
                sheet.Cell(row, 1).SetValue("@" + unknown.Tag);
                sheet.Cell(row, 3).SetValue(unknown.Scenario);
                sheet.Cell(row, 5).SetValue($"{unknown.FeatureFile}:{unknown.Line}");
            }
        }

        WorkbookStyle.PrintSetup(sheet, HeaderRow, HeaderRow, "マニュアル網羅性");
        return sheet;
    }
}
