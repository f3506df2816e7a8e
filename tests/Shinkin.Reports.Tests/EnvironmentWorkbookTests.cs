using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Registry;
using Shinkin.Reports.EnvCheck;

namespace Shinkin.Reports.Tests;

/// <summary>
/// The check-env workbook rendered from the environment-check fixtures (linked into EnvironmentFixtures/),
/// written to disk and read back with ClosedXML.
/// </summary>
[TestFixture]
public sealed class EnvironmentWorkbookTests
{
    public sealed record Sample(string Name, string[] Files, Verdict Manual, Verdict Secure, bool HklmOnly)
    {
        public override string ToString() => Name;
    }

    public static readonly Sample ManualConformant =
        new("manual-conformant", ["manual-conformant-hkcu.reg", "manual-conformant-hklm.reg"], Verdict.Pass, Verdict.Fail, false);

    public static readonly Sample Hardened = new("hardened", ["hardened.reg"], Verdict.Fail, Verdict.Pass, false);

    public static readonly Sample SecurityHklmOnly = new("security-hklm-only", ["security-hklm-only.reg"], Verdict.Fail, Verdict.Fail, true);

    private static readonly Sample[] Samples = [ManualConformant, Hardened, SecurityHklmOnly];

    private string _folder = "";
    private readonly Dictionary<string, (CheckReport Report, XLWorkbook Workbook)> _rendered = [];

    /// <summary>Reads a fixture with the environment check's own reader and writes its workbook into <paramref name="folder"/>.</summary>
    internal static async Task<(CheckReport Report, string Path)> RenderAsync(Sample sample, string folder, CheckProfile selected = CheckProfile.Manual)
    {
        var snapshot = await RegFileReader.ReadFilesAsync(
            sample.Files.Select(f => Path.Combine(TestContext.CurrentContext.TestDirectory, "EnvironmentFixtures", f)), CancellationToken.None);
        var report = EnvironmentChecker.Check(snapshot);
        var path = Path.Combine(folder, "out", $"環境チェック_{sample.Name}.xlsx");
        await EnvironmentWorkbookWriter.WriteAsync(report, selected, path, CancellationToken.None);
        return (report, path);
    }

    [OneTimeSetUp]
    public async Task RenderAllAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "env-workbook-" + Guid.NewGuid().ToString("N"));
        foreach (var sample in Samples)
        {
            var (report, path) = await RenderAsync(sample, _folder);
            _rendered[sample.Name] = (report, new XLWorkbook(path));
        }
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        foreach (var (_, workbook) in _rendered.Values)
        {
            workbook.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void Writes_through_a_temporary_file_into_a_new_folder()
    {
        var written = Directory.GetFiles(Path.Combine(_folder, "out"));
        Assert.That(written.Select(Path.GetFileName), Is.EquivalentTo(Samples.Select(s => $"環境チェック_{s.Name}.xlsx")));
    }

    [TestCaseSource(nameof(Samples))]
    public void Sheets_are_summary_results_and_fixes(Sample sample) =>
        Assert.That(Workbook(sample).Worksheets.Select(w => w.Name),
            Is.EqualTo(new[] { EnvironmentWorkbookWriter.SummarySheet, EnvironmentWorkbookWriter.ResultSheet, EnvironmentWorkbookWriter.FixSheet }));

    [TestCaseSource(nameof(Samples))]
    public void Summary_shows_inputs_os_hklm_only_verdicts_and_the_restart_advice(Sample sample)
    {
        var sheet = Workbook(sample).Worksheet(EnvironmentWorkbookWriter.SummarySheet);
        var report = Report(sample);
        Assert.Multiple(() =>
        {
            Assert.That(sheet.Cell(1, 1).GetString(), Is.EqualTo(EnvironmentWorkbookWriter.Title));
            Assert.That(ValueOf(sheet, "入力"), Does.Contain(sample.Files[0]));
            Assert.That(ValueOf(sheet, "OS"), Is.EqualTo(report.Os.Name));
            Assert.That(ValueOf(sheet, "Security_HKLM_only"), Does.StartWith(sample.HklmOnly ? "有効 (1)" : "無効"));
            Assert.That(ValueOf(sheet, "お願い"), Is.EqualTo(CheckReport.RestartAdvice));
            AssertStatus(OverallCell(sheet, "マニュアル"), sample.Manual);
            AssertStatus(OverallCell(sheet, "安全"), sample.Secure);
            Assert.That(OverallCell(sheet, "マニュアル").CellLeft().GetString(), Is.EqualTo("マニュアル（選択中）"));
            Assert.That(sheet.SheetView.SplitRow, Is.EqualTo(1));
        });
        AssertPrintSetup(sheet);
    }

    [TestCaseSource(nameof(Samples))]
    public void Result_list_has_one_row_per_control_with_both_verdicts_coloured(Sample sample)
    {
        var sheet = Workbook(sample).Worksheet(EnvironmentWorkbookWriter.ResultSheet);
        var report = Report(sample);
        const int header = EnvironmentWorkbookWriter.ResultHeaderRow;
        var rows = BodyRows(sheet, header);
        Assert.Multiple(() =>
        {
            Assert.That(HeaderTexts(sheet, header, EnvironmentWorkbookWriter.ResultHeaders.Count), Is.EqualTo(EnvironmentWorkbookWriter.ResultHeaders));
            Assert.That(sheet.Cell(header - 1, 7).GetString(), Does.StartWith("マニュアル"));
            Assert.That(sheet.Cell(header - 1, 10).GetString(), Does.StartWith("安全"));
            Assert.That(rows.Select(r => r.Cell(1).GetString()), Is.EqualTo(ControlIds.All), "one row per control id, in the check's order");
            foreach (var row in rows)
            {
                var control = report[row.Cell(1).GetString()];
                Assert.That(row.Cell(3).GetString(), Is.EqualTo(control.Title));
                Assert.That(row.Cell(4).GetString(), Is.EqualTo(control.ActualText));
                AssertStatus(row.Cell(EnvironmentWorkbookWriter.VerdictColumn(CheckProfile.Manual)), control.Manual.Verdict);
                AssertStatus(row.Cell(EnvironmentWorkbookWriter.VerdictColumn(CheckProfile.Secure)), control.Secure.Verdict);
                Assert.That(row.Cell(9).GetString(), Is.EqualTo(control.Manual.Reason));
                Assert.That(row.Cell(12).GetString(), Is.EqualTo(control.Secure.Reason));
                Assert.That(row.Cell(14).IsEmpty(), Is.EqualTo(control.Manual.Fix is null && control.Secure.Fix is null), $"{control.Id} 修正方法");
            }

            Assert.That(Enumerable.Range(1, EnvironmentWorkbookWriter.ResultHeaders.Count).Select(c => sheet.Column(c).Width),
                Has.All.InRange(8, 40), "column widths follow the text, capped so the sheet prints one page wide");
        });
        AssertTable(sheet, header, rows.Count);
        Assert.That(sheet.PageSetup.FirstRowToRepeatAtTop, Is.EqualTo(header - 1), "the group band repeats with the header");
    }

    [Test]
    public void Manual_conformant_pc_explains_why_ssl3_is_unsafe_and_shows_the_overridden_value()
    {
        var sheet = Workbook(ManualConformant).Worksheet(EnvironmentWorkbookWriter.ResultSheet);
        var ssl3 = RowOf(sheet, ControlIds.Ssl3);
        Assert.Multiple(() =>
        {
            Assert.That(ssl3.Cell(8).GetString(), Is.EqualTo("OK"));
            Assert.That(ssl3.Cell(11).GetString(), Is.EqualTo("NG"));
            Assert.That(ssl3.Cell(13).GetString(), Does.StartWith("マニュアルには適合していますが").And.Contain("RFC 7568"));
            Assert.That(ssl3.Cell(14).GetString(), Does.Contain("「SSL3.0 を使用する」のチェックを外して"));
            Assert.That(RowOf(sheet, ControlIds.Tls11).Cell(8).GetString(), Is.EqualTo("対象外"));
        });
    }

    [Test]
    public void Overridden_values_are_listed_with_the_reason()
    {
        var report = Report(SecurityHklmOnly);
        var overridden = report.Controls.First(c => c.Overridden.Count > 0);
        var cell = RowOf(Workbook(SecurityHklmOnly).Worksheet(EnvironmentWorkbookWriter.ResultSheet), overridden.Id).Cell(6);
        Assert.That(cell.GetString(), Does.Contain(overridden.Overridden[0].Source.Location).And.Contain(overridden.Overridden[0].Reason));
    }

    [TestCaseSource(nameof(Samples))]
    public void Fix_sheet_lists_every_failing_control_per_profile_or_says_nothing_is_needed(Sample sample)
    {
        var sheet = Workbook(sample).Worksheet(EnvironmentWorkbookWriter.FixSheet);
        var report = Report(sample);
        const int header = EnvironmentWorkbookWriter.FixHeaderRow;
        var rows = BodyRows(sheet, header);
        Assert.Multiple(() =>
        {
            Assert.That(HeaderTexts(sheet, header, EnvironmentWorkbookWriter.FixHeaders.Count), Is.EqualTo(EnvironmentWorkbookWriter.FixHeaders));
            Assert.That(sheet.Cell(3, 1).GetString(), Does.Contain("--write-fix").And.Contain(CheckReport.RestartAdvice));
            foreach (var profile in VerdictNames.Profiles)
            {
                var mine = rows.Where(r => r.Cell(1).GetString() == profile.JapaneseName()).ToList();
                var failing = report.Controls.Where(c => c.For(profile).Verdict == Verdict.Fail).ToList();
                if (failing.Count == 0)
                {
                    Assert.That(mine, Has.Count.EqualTo(1));
                    AssertStatus(mine[0].Cell(2), Verdict.Pass);
                    Assert.That(mine[0].Cell(8).GetString(), Does.StartWith("修正は不要です"));
                    continue;
                }

                Assert.That(mine.Select(r => r.Cell(3).GetString()), Is.EqualTo(failing.Select(c => c.Id)), profile.JapaneseName());
                foreach (var (row, control) in mine.Zip(failing))
                {
                    AssertStatus(row.Cell(2), Verdict.Fail);
                    Assert.That(row.Cell(8).GetString(), Is.EqualTo(control.For(profile).Fix));
                }
            }
        });
        AssertTable(sheet, header, rows.Count);
    }

    [Test]
    public async Task Selected_profile_is_marked_on_the_summary()
    {
        var (_, path) = await RenderAsync(Hardened, _folder + "-secure", CheckProfile.Secure);
        try
        {
            using var workbook = new XLWorkbook(path);
            var sheet = workbook.Worksheet(EnvironmentWorkbookWriter.SummarySheet);
            Assert.Multiple(() =>
            {
                Assert.That(OverallCell(sheet, "安全").CellLeft().GetString(), Is.EqualTo("安全（選択中）"));
                Assert.That(ValueOf(sheet, "選択プロファイル"), Does.StartWith("安全 (secure)"));
            });
        }
        finally
        {
            Directory.Delete(_folder + "-secure", recursive: true);
        }
    }

    private XLWorkbook Workbook(Sample sample) => _rendered[sample.Name].Workbook;

    private CheckReport Report(Sample sample) => _rendered[sample.Name].Report;

    private static List<IXLRow> BodyRows(IXLWorksheet sheet, int headerRow) =>
        Enumerable.Range(headerRow + 1, sheet.LastRowUsed()!.RowNumber() - headerRow).Select(sheet.Row).ToList();

    private static IEnumerable<string> HeaderTexts(IXLWorksheet sheet, int headerRow, int columns) =>
        Enumerable.Range(1, columns).Select(c => sheet.Cell(headerRow, c).GetString());

    private static IXLRow RowOf(IXLWorksheet sheet, string id) =>
        sheet.RowsUsed().Single(r => r.RowNumber() > EnvironmentWorkbookWriter.ResultHeaderRow && r.Cell(1).GetString() == id);

    private static string ValueOf(IXLWorksheet sheet, string label) =>
        sheet.Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight().GetString();

    private static IXLCell OverallCell(IXLWorksheet sheet, string profileName) =>
        sheet.Column(1).CellsUsed().Single(c => c.GetString().StartsWith(profileName, StringComparison.Ordinal)).CellRight();

    private static void AssertStatus(IXLCell cell, Verdict verdict)
    {
        var (fill, font) = WorkbookStyle.Colours(EnvironmentWorkbookWriter.ToOutcome(verdict));
        Assert.That(cell.GetString(), Is.EqualTo(verdict.Mark()), cell.Address.ToString());
        Assert.That(Rgb(cell.Style.Fill.BackgroundColor), Is.EqualTo(Rgb(fill)), $"{cell.Address} fill");
        Assert.That(Rgb(cell.Style.Font.FontColor), Is.EqualTo(Rgb(font)), $"{cell.Address} font");
    }

    private static int Rgb(XLColor colour) => colour.Color.ToArgb() & 0xFFFFFF;

    private static void AssertTable(IXLWorksheet sheet, int headerRow, int bodyRows)
    {
        Assert.Multiple(() =>
        {
            Assert.That(sheet.SheetView.SplitRow, Is.EqualTo(headerRow), "header frozen");
            Assert.That(sheet.AutoFilter.IsEnabled, Is.True);
            Assert.That(sheet.AutoFilter.Range.RangeAddress.FirstAddress.RowNumber, Is.EqualTo(headerRow));
            Assert.That(sheet.AutoFilter.Range.RangeAddress.LastAddress.RowNumber, Is.EqualTo(headerRow + bodyRows));
            Assert.That(Rgb(sheet.Cell(headerRow, 1).Style.Fill.BackgroundColor), Is.EqualTo(Rgb(WorkbookStyle.HeaderFill)));
            Assert.That(sheet.Cell(headerRow, 1).Style.Font.Bold, Is.True);
            Assert.That(sheet.PageSetup.LastRowToRepeatAtTop, Is.EqualTo(headerRow));
        });
        AssertPrintSetup(sheet);
    }

    private static void AssertPrintSetup(IXLWorksheet sheet) => Assert.Multiple(() =>
    {
        Assert.That(sheet.PageSetup.PaperSize, Is.EqualTo(XLPaperSize.A4Paper));
        Assert.That(sheet.PageSetup.PageOrientation, Is.EqualTo(XLPageOrientation.Landscape));
        Assert.That(sheet.PageSetup.PagesWide, Is.EqualTo(1));
        Assert.That(sheet.PageSetup.PagesTall, Is.EqualTo(0));
        Assert.That(sheet.Cell(2, 1).Style.Font.FontName, Is.EqualTo(WorkbookStyle.FontName));
    });
}
