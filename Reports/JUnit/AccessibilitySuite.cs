using System.Globalization;
using System.Text;
using System.Xml;
using Shinkin.Reports.Accessibility;
using Shinkin.Reports.RunRecords;
using Shinkin.Settings;

namespace Shinkin.Reports.JUnit;

/// <summary>
/// The accessibility scans as one more testsuite: the run's counts as its properties, a testcase per screen with each
/// violated rule as a property. A screen fails only in enforce mode, and only for serious or critical violations, so a
/// CI server shows the same verdict the run's exit code gives.
/// </summary>
internal static class AccessibilitySuite
{
    public const string Name = "アクセシビリティ（WCAG 2.0/2.1 A・AA）";

    /// <summary>Testcases, failures and skipped of the suite (all zero when the run speaks of no accessibility).</summary>
    public static (int Tests, int Failures, int Skipped) Counts(RunRecord run) =>
        AccessibilitySummary.IsReported(run)
            ? (run.Accessibility.Count, run.Accessibility.Count(r => Fails(run, r)), run.Accessibility.Count(r => !r.WasScanned))
            : (0, 0, 0);

    public static async Task WriteAsync(XmlWriter xml, RunRecord run, int id)
    {
        if (!AccessibilitySummary.IsReported(run))
        {
            return;
        }

        var summary = AccessibilitySummary.Of(run.Accessibility);
        var (tests, failures, skipped) = Counts(run);
        await xml.WriteStartElementAsync(null, "testsuite", null);
        await JUnitWriter.Attr(xml, "name", Name);
        await JUnitWriter.Attr(xml, "tests", Number(tests));
        await JUnitWriter.Attr(xml, "failures", Number(failures));
        await JUnitWriter.Attr(xml, "errors", "0");
        await JUnitWriter.Attr(xml, "skipped", Number(skipped));
        await JUnitWriter.Attr(xml, "time", "0.000");
        await JUnitWriter.Attr(xml, "timestamp", JUnitWriter.Timestamp(run.Accessibility.Count > 0 ? run.Accessibility.Min(r => r.ScannedAt) : run.Info.Start));
        await JUnitWriter.Attr(xml, "hostname", Environment.MachineName);
        await JUnitWriter.Attr(xml, "id", Number(id));
        await JUnitWriter.Attr(xml, "package", RunRecordStore.AccessibilityFolderName);
        await xml.WriteStartElementAsync(null, "properties", null);
        await JUnitWriter.Property(xml, "a11y.mode", AccessibilitySummary.ModeOf(run).Name());
        await JUnitWriter.Property(xml, "a11y.engine", summary.Engine);
        await JUnitWriter.Property(xml, "a11y.screens", Number(summary.Scanned));
        await JUnitWriter.Property(xml, "a11y.notScanned", Number(summary.NotScanned));
        foreach (var impact in AccessibilityImpacts.WorstFirst)
        {
            await JUnitWriter.Property(xml, "a11y." + impact, Number(summary.ByImpact[impact]));
        }

        await xml.WriteEndElementAsync();
        foreach (var screen in summary.Records)
        {
            await TestCase(xml, run, screen);
        }

        await xml.WriteElementStringAsync(null, "system-out", null, summary.Line());
        await xml.WriteElementStringAsync(null, "system-err", null, "");
        await xml.WriteEndElementAsync();
    }

    private static bool Fails(RunRecord run, AccessibilityRecord screen) =>
        AccessibilitySummary.ModeOf(run) == A11yMode.Enforce && screen.WasScanned && screen.Violations.Any(v => AccessibilityImpacts.Blocks(v.Impact));

    private static async Task TestCase(XmlWriter xml, RunRecord run, AccessibilityRecord screen)
    {
        await xml.WriteStartElementAsync(null, "testcase", null);
        await JUnitWriter.Attr(xml, "name", screen.ScreenName.Length > 0 ? $"{screen.Screen}「{screen.ScreenName}」" : screen.Screen);
        await JUnitWriter.Attr(xml, "classname", "アクセシビリティ");
        await JUnitWriter.Attr(xml, "time", "0.000");
        await xml.WriteStartElementAsync(null, "properties", null);
        await JUnitWriter.Property(xml, "a11y.url", screen.Url);
        await JUnitWriter.Property(xml, "a11y.scenario", screen.Scenario);
        await JUnitWriter.Property(xml, "a11y.passedRules", Number(screen.PassedRules));
        await JUnitWriter.Property(xml, "a11y.incompleteRules", Number(screen.IncompleteRules));
        foreach (var violation in screen.Violations.OrderBy(v => AccessibilityImpacts.Rank(v.Impact)))
        {
            // One property per violated rule: "impact | criteria | level | elements | help", keyed by the rule.
            await JUnitWriter.Property(xml, "a11y.violation." + violation.Rule, string.Create(CultureInfo.InvariantCulture,
                $"{violation.Impact} | {string.Join(" ", violation.Criteria)} | {violation.Level} | {violation.Elements.Count} | {violation.Help}"));
        }

        await xml.WriteEndElementAsync();
        var blocking = screen.Violations.Where(v => AccessibilityImpacts.Blocks(v.Impact)).ToList();
        if (!screen.WasScanned)
        {
            await xml.WriteStartElementAsync(null, "skipped", null);
            await JUnitWriter.Attr(xml, "message", TextCleaner.FirstLine(screen.SkipReason is { } reason ? $"対象外: {reason}" : $"走査失敗: {screen.Error}", 500));
            await xml.WriteEndElementAsync();
        }
        else if (Fails(run, screen))
        {
            await xml.WriteStartElementAsync(null, "failure", null);
            await JUnitWriter.Attr(xml, "message", TextCleaner.FirstLine($"深刻・致命的なアクセシビリティ違反 {blocking.Count} 件: {string.Join(", ", blocking.Select(v => v.Rule))}", 500));
            await JUnitWriter.Attr(xml, "type", "AccessibilityViolation");
            await xml.WriteStringAsync(TextCleaner.Clean(string.Join("\n", blocking.Select(v => AccessibilitySummary.Describe(screen, v)))));
            await xml.WriteEndElementAsync();
        }

        var log = new StringBuilder();
        foreach (var violation in screen.Violations)
        {
            log.Append(AccessibilitySummary.Describe(screen, violation)).Append('\n');
            foreach (var element in violation.Elements)
            {
                log.Append("  ").Append(element.Target).Append('\n');
            }
        }

        await xml.WriteElementStringAsync(null, "system-out", null, TextCleaner.Clean(log.ToString()));
        await xml.WriteEndElementAsync();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
