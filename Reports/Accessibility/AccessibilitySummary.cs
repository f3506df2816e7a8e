using System.Globalization;
using Shinkin.Reports.RunRecords;
using Shinkin.Settings;

namespace Shinkin.Reports.Accessibility;

/// <summary>axe's impact levels, worst first, and how the reports name them.</summary>
public static class AccessibilityImpacts
{
    public const string Critical = "critical";
    public const string Serious = "serious";
    public const string Moderate = "moderate";
    public const string Minor = "minor";

    private static readonly string[] Order = [Critical, Serious, Moderate, Minor];

    public static IReadOnlyList<string> WorstFirst => Order;

    public static string Label(string impact) => impact switch
    {
        Critical => "致命的",
        Serious => "深刻",
        Moderate => "中程度",
        Minor => "軽微",
        _ => impact,
    };

    /// <summary>0 for critical … 3 for minor; an unknown impact sorts last.</summary>
    public static int Rank(string impact) => Array.IndexOf(Order, impact) is var i and >= 0 ? i : Order.Length;

    /// <summary>Serious and critical violations fail a run in enforce mode.</summary>
    public static bool Blocks(string impact) => impact is Critical or Serious;
}

/// <summary>What a run's accessibility records add up to: screens scanned, violations per impact, the ones that block.</summary>
public sealed class AccessibilitySummary
{
    private AccessibilitySummary(IReadOnlyList<AccessibilityRecord> records)
    {
        Records = records;
        Scanned = records.Count(r => r.WasScanned);
        NotScanned = records.Count - Scanned;
        var violations = records.Where(r => r.WasScanned).SelectMany(r => r.Violations.Select(v => (Screen: r, Violation: v))).ToList();
        ByImpact = AccessibilityImpacts.WorstFirst.ToDictionary(i => i, i => violations.Count(v => v.Violation.Impact == i), StringComparer.Ordinal);
        Blocking = violations.Where(v => AccessibilityImpacts.Blocks(v.Violation.Impact))
            .OrderBy(v => AccessibilityImpacts.Rank(v.Violation.Impact)).ThenBy(v => v.Screen.Screen, StringComparer.Ordinal)
            .ToList();
        Engine = string.Join(" / ", records.Select(r => r.Engine).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal));
    }

    /// <summary>One record per screen, in screen-id order.</summary>
    public IReadOnlyList<AccessibilityRecord> Records { get; }

    public int Scanned { get; }

    /// <summary>Screens the engine could not scan, or whose scan failed.</summary>
    public int NotScanned { get; }

    /// <summary>Violated rules (a rule on a screen counts once, however many elements break it) per impact.</summary>
    public IReadOnlyDictionary<string, int> ByImpact { get; }

    /// <summary>Serious and critical violations, worst first.</summary>
    public IReadOnlyList<(AccessibilityRecord Screen, AccessibilityViolationRecord Violation)> Blocking { get; }

    public string Engine { get; }

    /// <summary>Whether a run's reports speak of accessibility: it scanned something, or it was asked to (and then says it found no screen).</summary>
    public static bool IsReported(RunRecord run) =>
        run.Accessibility.Count > 0 || run.Info.Settings is { A11y: not A11yMode.Off };

    /// <summary>The mode the run was given (a record without settings was made in the default, report).</summary>
    public static A11yMode ModeOf(RunRecord run) => run.Info.Settings?.A11y ?? A11yMode.Report;

    public static AccessibilitySummary Of(IEnumerable<AccessibilityRecord> records) =>
        new(records.OrderBy(r => r.Screen, StringComparer.Ordinal).ToList());

    /// <summary>"12 画面を走査（axe-core 4.14.0）: 致命的 0・深刻 0・中程度 1・軽微 0", plus the screens not scanned.</summary>
    public string Line()
    {
        var counts = string.Join("・", AccessibilityImpacts.WorstFirst.Select(i => string.Create(CultureInfo.InvariantCulture, $"{AccessibilityImpacts.Label(i)} {ByImpact[i]}")));
        var engine = Engine.Length > 0 ? $"（{Engine}）" : "";
        var notScanned = NotScanned > 0 ? string.Create(CultureInfo.InvariantCulture, $"、未走査 {NotScanned} 画面") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{Scanned} 画面を走査{engine}: {counts}{notScanned}");
    }

    /// <summary>"login「ログイン」: label（致命的, 4.1.2）×2" — what a blocking violation is, for a console line or a failure message.</summary>
    public static string Describe(AccessibilityRecord screen, AccessibilityViolationRecord violation)
    {
        var name = screen.ScreenName.Length > 0 ? $"「{screen.ScreenName}」" : "";
        var criteria = violation.Criteria.Count > 0 ? ", " + string.Join(" ", violation.Criteria) : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{screen.Screen}{name}: {violation.Rule}（{AccessibilityImpacts.Label(violation.Impact)}{criteria}）×{violation.Elements.Count} — {violation.Help}");
    }
}
