using Shinkin.Settings;

namespace Shinkin.Reports.Tests;

/// <summary>The accessibility records of a run folder in the evidence workbook (opened with ClosedXML), junit.xml and a merge.</summary>
[TestFixture]
public sealed class AccessibilityReportTests
{
    private string _folder = "";
    private XLWorkbook _workbook = null!;
    private XElement _junit = null!;

    /// <summary>The sample run, asked to scan in <paramref name="mode"/>, with four screens: two violations, clean, 対象外, failed.</summary>
    internal static async Task<RunRecordStore> WriteScannedRunAsync(string folder, A11yMode mode)
    {
        var store = await SyntheticRun.WriteSampleAsync(folder);
        var run = await RunRecordStore.LoadAsync(folder);
        await store.WriteInfoAsync(run.Info with { Settings = new RunSettings { RunDirectory = folder, A11y = mode } });
        var at = SyntheticRun.Start.AddSeconds(5);
        await store.WriteAccessibilityAsync(new AccessibilityRecord
        {
            Screen = "login",
            ScreenName = "ログイン",
            Url = "https://127.0.0.1:5001/login",
            ScenarioId = "s1-1-ok",
            Scenario = "マスターユーザがログインする",
            ScannedAt = at,
            Engine = "axe-core 4.14.0",
            PassedRules = 20,
            IncompleteRules = 1,
            Violations =
            [
                Violation("color-contrast", "serious", "Elements must meet minimum color contrast ratio thresholds", "1.4.3", "AA",
                    new AccessibilityElementRecord(".note", "<p class=\"note\">注意</p>", "Fix any of the following:\n  Element has insufficient color contrast of 2.32")),
                Violation("label", "critical", "Form elements must have labels", "4.1.2", "A",
                    new AccessibilityElementRecord("#login-id", "<input id=\"login-id\">", "Fix any of the following:\n  Form element does not have an implicit (wrapped) <label>"),
                    new AccessibilityElementRecord("#password", "<input id=\"password\" type=\"password\">", "Fix any of the following:\n  Form element does not have an explicit <label>")),
            ],
        });
        await store.WriteAccessibilityAsync(new AccessibilityRecord
        {
            Screen = "home", ScreenName = "当金庫ホームページ", ScenarioId = "s1-1-ok", Scenario = "マスターユーザがログインする", ScannedAt = at, Engine = "axe-core 4.14.0", PassedRules = 18,
        });
        await store.WriteAccessibilityAsync(new AccessibilityRecord
        {
            Screen = "services", ScreenName = "サービス一覧", ScannedAt = at, SkipReason = "エンジン edge-iemode はアクセシビリティ走査に対応していません",
        });
        await store.WriteAccessibilityAsync(new AccessibilityRecord
        {
            Screen = "top", ScreenName = "トップ", ScannedAt = at, Error = "Scanning the page for accessibility failed: the window closed",
        });
        return store;
    }

    [OneTimeSetUp]
    public async Task RenderAsync()
    {
        _folder = SyntheticRun.NewFolder("a11y");
        await WriteScannedRunAsync(_folder, A11yMode.Enforce);
        var written = await new ReportRenderer().RenderAsync(_folder, new ReportOptions { ManualStructurePath = SyntheticRun.ManualStructurePath() }, null, CancellationToken.None);
        _workbook = new XLWorkbook(written[0]);
        _junit = XDocument.Load(written[1]).Root!;
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        _workbook?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public void The_sheet_follows_coverage_and_lists_a_row_per_failing_element_worst_first()
    {
        var names = _workbook.Worksheets.Select(w => w.Name).ToList();
        Assert.That(names.Take(4), Is.EqualTo(new[] { "サマリー", "結果一覧", "網羅性", AccessibilitySheetWriter.SheetName }));

        var sheet = _workbook.Worksheet(AccessibilitySheetWriter.SheetName);
        Assert.That(Row(sheet, AccessibilitySheetWriter.HeaderRow), Is.EqualTo(new[]
        {
            "No", "画面ID", "画面", "影響度", "ルール", "WCAG 達成基準", "レベル", "問題", "要素", "修正方法", "解説", "走査したシナリオ",
        }));
        var body = Enumerable.Range(AccessibilitySheetWriter.HeaderRow + 1, 6).Select(r => Row(sheet, r)).ToList();
        Assert.That(body.Select(r => (r[1], r[3], r[4])), Is.EqualTo(new[]
        {
            ("home", "違反なし", "—"),
            ("login", "致命的", "label"),
            ("login", "致命的", "label"),
            ("login", "深刻", "color-contrast"),
            ("services", "対象外", "—"),
            ("top", "走査失敗", "—"),
        }));
        Assert.Multiple(() =>
        {
            Assert.That(body[1][2], Is.EqualTo("ログイン"));
            Assert.That(body[1][5], Is.EqualTo("4.1.2"));
            Assert.That(body[1][6], Is.EqualTo("A"));
            Assert.That(body[1][7], Is.EqualTo("Form elements must have labels"));
            Assert.That(body[1][8], Does.StartWith("#login-id\n<input"));
            Assert.That(body[2][9], Does.Contain("explicit <label>"), "each element has its own fix");
            Assert.That(body[3][5], Is.EqualTo("1.4.3"));
            Assert.That(body[4][7], Does.Contain("edge-iemode"), "対象外 says why");
            Assert.That(body[5][7], Does.Contain("the window closed"));
            Assert.That(body[0][7], Does.Contain("18"), "a clean screen shows how many rules it passed");
            Assert.That(sheet.Cell(2, 1).GetString(), Does.Contain("2 画面を走査").And.Contain("致命的 1・深刻 1・中程度 0・軽微 0").And.Contain("未走査 2 画面").And.Contain("enforce"));
        });
    }

    [Test]
    public void Impacts_are_coloured_and_links_lead_to_the_rule_and_the_scenario_sheet()
    {
        var sheet = _workbook.Worksheet(AccessibilitySheetWriter.SheetName);
        var first = AccessibilitySheetWriter.HeaderRow + 1;
        Assert.That(Argb(sheet.Cell(first, 4).Style.Fill.BackgroundColor), Is.EqualTo(Argb(WorkbookStyle.OkFill)));
        Assert.That(Argb(sheet.Cell(first + 1, 4).Style.Fill.BackgroundColor), Is.EqualTo(Argb(WorkbookStyle.NgFill)));
        Assert.That(Argb(sheet.Cell(first + 4, 4).Style.Fill.BackgroundColor), Is.EqualTo(Argb(WorkbookStyle.SkippedFill)));

        Assert.That(sheet.Cell(first + 1, 11).Hyperlink.ExternalAddress, Is.EqualTo(new Uri("https://dequeuniversity.com/rules/axe/4.14/label")));
        var scenario = sheet.Cell(first + 1, 12);
        Assert.That(scenario.GetString(), Is.EqualTo("マスターユーザがログインする"));
        var target = scenario.Hyperlink.InternalAddress.Split('!')[0].Trim('\'');
        Assert.That(_workbook.Worksheet(target).Cell(1, 1).GetString(), Does.Contain("マスターユーザがログインする"));

        Assert.That(sheet.SheetView.SplitRow, Is.EqualTo(AccessibilitySheetWriter.HeaderRow));
        Assert.That(sheet.AutoFilter.Range.RangeAddress.ToString(), Is.EqualTo("A4:L10"));
        Assert.That(sheet.PageSetup.PageOrientation, Is.EqualTo(XLPageOrientation.Landscape));
    }

    [Test]
    public void The_summary_sheet_states_the_counts()
    {
        var summary = _workbook.Worksheet("サマリー");
        var fact = summary.Column(1).CellsUsed().Single(c => c.GetString() == "アクセシビリティ");

        Assert.That(fact.CellRight().GetString(), Is.EqualTo("2 画面を走査（axe-core 4.14.0）: 致命的 1・深刻 1・中程度 0・軽微 0、未走査 2 画面"));
    }

    [Test]
    public void Junit_has_an_accessibility_suite_whose_screens_fail_in_enforce_mode()
    {
        var suite = _junit.Elements("testsuite").Single(s => ((string?)s.Attribute("name"))!.StartsWith("アクセシビリティ", StringComparison.Ordinal));
        var properties = suite.Element("properties")!.Elements("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
        Assert.That(properties, Does.ContainKey("a11y.mode").WithValue("enforce"));
        Assert.That(properties, Does.ContainKey("a11y.critical").WithValue("1"));
        Assert.That(properties, Does.ContainKey("a11y.serious").WithValue("1"));
        Assert.That(properties, Does.ContainKey("a11y.screens").WithValue("2"));

        var cases = suite.Elements("testcase").ToDictionary(c => (string)c.Attribute("name")!);
        Assert.That(cases.Keys, Is.EquivalentTo(new[] { "home「当金庫ホームページ」", "login「ログイン」", "services「サービス一覧」", "top「トップ」" }));
        var login = cases["login「ログイン」"];
        Assert.That((string?)login.Element("failure")!.Attribute("message"), Does.Contain("label").And.Contain("color-contrast"));
        Assert.That(login.Element("properties")!.Elements("property").Select(p => (string?)p.Attribute("name")), Does.Contain("a11y.violation.label"));
        Assert.That(cases["home「当金庫ホームページ」"].Element("failure"), Is.Null);
        Assert.That((string?)cases["services「サービス一覧」"].Element("skipped")!.Attribute("message"), Does.StartWith("対象外"));

        Assert.That((int)_junit.Attribute("tests")!, Is.EqualTo(6 + 4), "the root counts the screens too");
        Assert.That((int)_junit.Attribute("failures")!, Is.EqualTo(1 + 1));
        Assert.That((int)_junit.Attribute("skipped")!, Is.EqualTo(2 + 2));
    }

    [Test]
    public Task In_report_mode_violations_are_properties_not_failures() => InNewFolderAsync("a11y-report", async folder =>
    {
        await WriteScannedRunAsync(folder, A11yMode.Report);
        var written = await new ReportRenderer().RenderAsync(folder, new ReportOptions(), null, CancellationToken.None);

        var suite = XDocument.Load(written[1]).Root!.Elements("testsuite").Last();
        var login = suite.Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("login", StringComparison.Ordinal));
        Assert.That(login.Element("failure"), Is.Null);
        Assert.That((string?)login.Element("properties")!.Elements("property").Single(p => (string?)p.Attribute("name") == "a11y.violation.label").Attribute("value"),
            Is.EqualTo("critical | 4.1.2 | A | 2 | Form elements must have labels"));
    });

    [Test]
    public Task A_run_asked_to_scan_that_reached_no_screen_says_so() => InNewFolderAsync("a11y-none", async folder =>
    {
        var store = await SyntheticRun.WriteSampleAsync(folder);
        await store.WriteInfoAsync((await RunRecordStore.LoadAsync(folder)).Info with { Settings = new RunSettings { RunDirectory = folder } });
        var written = await new ReportRenderer().RenderAsync(folder, new ReportOptions(), null, CancellationToken.None);

        using var workbook = new XLWorkbook(written[0]);
        var sheet = workbook.Worksheet(AccessibilitySheetWriter.SheetName);
        Assert.That(sheet.Cell(AccessibilitySheetWriter.HeaderRow + 1, 2).GetString(), Does.StartWith("走査した画面はありません"));
    });

    [Test]
    public Task Merging_keeps_one_scan_per_screen_preferring_a_finished_one() => InNewFolderAsync("a11y-merge", async root =>
    {
        var a = Path.Combine(root, "a");
        var b = Path.Combine(root, "b");
        await WriteScannedRunAsync(a, A11yMode.Report);
        var shard = await SyntheticRun.WriteSampleAsync(b, shard: "2/2", runId: "run-b", offsetMinutes: 3);
        var later = SyntheticRun.Start.AddMinutes(4);
        await shard.WriteAccessibilityAsync(new AccessibilityRecord { Screen = "top", ScreenName = "トップ", ScannedAt = later, Engine = "axe-core 4.14.0", PassedRules = 25 });
        await shard.WriteAccessibilityAsync(new AccessibilityRecord { Screen = "login", ScannedAt = later, Error = "later, failed" });
        await shard.WriteAccessibilityAsync(new AccessibilityRecord { Screen = "password-change", ScannedAt = later, Engine = "axe-core 4.14.0" });

        var merged = await RunRecordMerger.MergeAsync([a, b], Path.Combine(root, "merged"));

        Assert.That(merged.Accessibility.Select(r => r.Screen), Is.EqualTo(new[] { "home", "login", "password-change", "services", "top" }));
        Assert.That(merged.Accessibility.Single(r => r.Screen == "top").WasScanned, Is.True, "b's finished scan over a's failed one");
        Assert.That(merged.Accessibility.Single(r => r.Screen == "login").Violations, Has.Count.EqualTo(2), "a's finished scan over b's later failed one");
    });

    private static async Task InNewFolderAsync(string name, Func<string, Task> test)
    {
        var folder = SyntheticRun.NewFolder(name);
        try
        {
            await test(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static AccessibilityViolationRecord Violation(string rule, string impact, string help, string criterion, string level, params AccessibilityElementRecord[] elements) => new()
    {
        Rule = rule,
        Impact = impact,
        Help = help,
        HelpUrl = "https://dequeuniversity.com/rules/axe/4.14/" + rule,
        Criteria = [criterion],
        Level = level,
        Elements = elements,
    };

    private static string[] Row(IXLWorksheet sheet, int row) =>
        Enumerable.Range(1, 12).Select(c => sheet.Cell(row, c).GetString()).ToArray();

    private static string Argb(XLColor colour) => colour.Color.ToArgb().ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
}
