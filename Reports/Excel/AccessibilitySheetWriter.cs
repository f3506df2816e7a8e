using System.Globalization;
using ClosedXML.Excel;
using Shinkin.Reports.Accessibility;
using Shinkin.Reports.RunRecords;
using Shinkin.Settings;

namespace Shinkin.Reports.Excel;

/// <summary>
/// The アクセシビリティ sheet: every screen the run scanned, one row per element that breaks a WCAG rule (screen, impact,
/// rule, success criterion, element, how to fix), and one row saying 違反なし for a screen that breaks none, so the sheet
/// also proves which screens were checked.
/// </summary>
public static class AccessibilitySheetWriter
{
    public const string SheetName = "アクセシビリティ";
    public const int HeaderRow = 4;
    public const string NoViolation = "違反なし";
    public const string ScanFailed = "走査失敗";

    private static readonly string[] Headers = ["No", "画面ID", "画面", "影響度", "ルール", "WCAG 達成基準", "レベル", "問題", "要素", "修正方法", "解説", "走査したシナリオ"];

    /// <param name="scenarioSheets">Scenario id → its sheet's name, to link each screen to the scenario that reached it.</param>
    public static IXLWorksheet Write(XLWorkbook workbook, RunRecord run, IReadOnlyDictionary<string, string> scenarioSheets)
    {
        var sheet = workbook.Worksheets.Add(SheetName);
        var summary = AccessibilitySummary.Of(run.Accessibility);
        sheet.Cell(1, 1).SetValue("アクセシビリティ（WCAG 2.0 / 2.1 レベル A・AA）");
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetValue($"{summary.Line()}　モード: {ModeText(AccessibilitySummary.ModeOf(run))}");
        var review = summary.Records.Sum(r => r.IncompleteRules);
        sheet.Cell(3, 1).SetValue(string.Create(CultureInfo.InvariantCulture,
            $"axe-core による自動検査（画面ごとに最初に表示したとき一度）。自動で判定できなかった規則 {review} 件とキーボード操作・読み上げ順序などは人による確認が必要です。"));
        sheet.Cell(3, 1).Style.Font.FontColor = WorkbookStyle.SkippedFont;

        for (var i = 0; i < Headers.Length; i++)
        {
            sheet.Cell(HeaderRow, i + 1).SetValue(Headers[i]);
        }

        var row = HeaderRow;
        foreach (var screen in summary.Records)
        {
            var violations = screen.Violations
                .OrderBy(v => AccessibilityImpacts.Rank(v.Impact)).ThenBy(v => v.Rule, StringComparer.Ordinal)
                .SelectMany(v => v.Elements.DefaultIfEmpty(new AccessibilityElementRecord("", "", "")).Select(e => (Violation: v, Element: e)))
                .ToList();
            if (!screen.WasScanned || violations.Count == 0)
            {
                row++;
                WriteScreen(sheet, row, screen, scenarioSheets);
                WriteUnbroken(sheet, row, screen);
                continue;
            }

            foreach (var (violation, element) in violations)
            {
                row++;
                WriteScreen(sheet, row, screen, scenarioSheets);
                WriteViolation(sheet, row, violation, element);
            }
        }

        if (row == HeaderRow)
        {
            row++;
            sheet.Cell(row, 2).SetValue("走査した画面はありません（ブラウザを使うシナリオがなかったか、エンジンが走査に対応していません）");
        }

        for (var r = HeaderRow + 1; r <= row; r++)
        {
            sheet.Cell(r, 1).SetValue(r - HeaderRow);
        }

        WorkbookStyle.Table(sheet, HeaderRow, row, Headers.Length);
        double[] widths = [5, 20, 18, 9, 16, 10, 6, 30, 32, 44, 7, 28];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.Column(c + 1).Width = widths[c];
        }

        sheet.Row(HeaderRow).Height = (2 * WorkbookStyle.LineHeight) + 6;

        sheet.Range(HeaderRow + 1, 1, Math.Max(row, HeaderRow + 1), 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Range(HeaderRow + 1, 6, Math.Max(row, HeaderRow + 1), 7).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        WorkbookStyle.FitRows(sheet, HeaderRow + 1, row, Headers.Length, maxHeight: 200);
        WorkbookStyle.PrintSetup(sheet, HeaderRow, HeaderRow, "アクセシビリティ");
        return sheet;
    }

    /// <summary>The summary sheet's fact: the same line as the sheet's, or a dash when the run scanned nothing.</summary>
    public static string SummaryFact(RunRecord run) =>
        AccessibilitySummary.IsReported(run) ? AccessibilitySummary.Of(run.Accessibility).Line() : "—";

    private static void WriteScreen(IXLWorksheet sheet, int row, AccessibilityRecord screen, IReadOnlyDictionary<string, string> scenarioSheets)
    {
        sheet.Cell(row, 2).SetValue(screen.Screen);
        sheet.Cell(row, 3).SetValue(screen.ScreenName.Length > 0 ? screen.ScreenName : screen.Url);
        var scenario = sheet.Cell(row, 12);
        scenario.SetValue(screen.Scenario);
        if (scenarioSheets.TryGetValue(screen.ScenarioId, out var target))
        {
            scenario.Hyperlink = new XLHyperlink(SheetNames.Anchor(target));
            WorkbookStyle.LinkStyle(scenario);
        }
    }

    private static void WriteUnbroken(IXLWorksheet sheet, int row, AccessibilityRecord screen)
    {
        var (label, colour, text) = screen switch
        {
            { SkipReason: { } reason } => (OutcomeLabels.NotApplicable, (Outcome?)Outcome.Skipped, reason),
            { Error: { } error } => (ScanFailed, Outcome.Pending, TextCleaner.Limit(error, 4, 600)),
            _ => (NoViolation, Outcome.Passed, string.Create(CultureInfo.InvariantCulture, $"適合した規則 {screen.PassedRules} 件")),
        };
        WorkbookStyle.SetStatus(sheet.Cell(row, 4), label, colour);
        sheet.Cell(row, 8).SetValue(text);
        for (var c = 5; c <= 11; c++)
        {
            if (sheet.Cell(row, c).IsEmpty())
            {
                sheet.Cell(row, c).SetValue("—");
            }
        }
    }

    private static void WriteViolation(IXLWorksheet sheet, int row, AccessibilityViolationRecord violation, AccessibilityElementRecord element)
    {
        WorkbookStyle.SetStatus(sheet.Cell(row, 4), AccessibilityImpacts.Label(violation.Impact), ImpactColour(violation.Impact));
        sheet.Cell(row, 5).SetValue(violation.Rule);
        sheet.Cell(row, 6).SetValue(string.Join("\n", violation.Criteria));
        sheet.Cell(row, 7).SetValue(violation.Level);
        sheet.Cell(row, 8).SetValue(violation.Help);
        sheet.Cell(row, 9).SetValue(TextCleaner.Limit(element.Html.Length > 0 ? $"{element.Target}\n{element.Html}" : element.Target, 6, 400));
        sheet.Cell(row, 10).SetValue(TextCleaner.Limit(element.HowToFix, 10, 1200));
        if (violation.HelpUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var link = sheet.Cell(row, 11);
            link.SetValue("解説");
            link.Hyperlink = new XLHyperlink(uri);
            WorkbookStyle.LinkStyle(link);
        }
    }

    /// <summary>Serious and critical read as NG (they fail enforce mode), moderate as 保留, minor as 対象外's grey.</summary>
    private static Outcome ImpactColour(string impact) => impact switch
    {
        AccessibilityImpacts.Critical or AccessibilityImpacts.Serious => Outcome.Failed,
        AccessibilityImpacts.Moderate => Outcome.Pending,
        _ => Outcome.Skipped,
    };

    private static string ModeText(A11yMode mode) => mode switch
    {
        A11yMode.Enforce => "enforce（深刻・致命的な違反で不合格）",
        A11yMode.Off => "off（走査なし）",
        _ => "report（報告のみ）",
    };
}
