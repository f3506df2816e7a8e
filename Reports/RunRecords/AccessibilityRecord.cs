namespace Shinkin.Reports.RunRecords;

/// <summary>
/// The accessibility scan of one screen, made the first time a run arrived at it (<c>a11y/&lt;screen&gt;.json</c> in the
/// run folder). A screen the engine cannot scan carries <see cref="SkipReason"/>; a scan that failed carries
/// <see cref="Error"/> until a later arrival scans it.
/// </summary>
public sealed record AccessibilityRecord
{
    /// <summary>The screen id of <c>PageObjects/ui-catalog.json</c>.</summary>
    public required string Screen { get; init; }

    /// <summary>The screen's heading as the catalogue names it.</summary>
    public string ScreenName { get; init; } = "";

    public string Url { get; init; } = "";

    /// <summary>The scenario that arrived at the screen first (its id names its scenario record).</summary>
    public string ScenarioId { get; init; } = "";

    public string Scenario { get; init; } = "";

    public DateTimeOffset ScannedAt { get; init; }

    /// <summary>"axe-core 4.14.0".</summary>
    public string Engine { get; init; } = "";

    public string? SkipReason { get; init; }

    public string? Error { get; init; }

    /// <summary>Rules of WCAG A/AA the screen passes, and those axe could not decide (to be checked by a person).</summary>
    public int PassedRules { get; init; }

    public int IncompleteRules { get; init; }

    public IReadOnlyList<AccessibilityViolationRecord> Violations { get; init; } = [];

    /// <summary>Scanned without an error and without a skip reason.</summary>
    public bool WasScanned => SkipReason is null && Error is null;
}

/// <summary>One WCAG rule a screen breaks and every element that breaks it.</summary>
public sealed record AccessibilityViolationRecord
{
    /// <summary>axe's rule id ("label", "color-contrast").</summary>
    public required string Rule { get; init; }

    /// <summary>minor, moderate, serious or critical.</summary>
    public required string Impact { get; init; }

    /// <summary>What the rule asks, in one line (axe's help text).</summary>
    public string Help { get; init; } = "";

    public string? HelpUrl { get; init; }

    /// <summary>WCAG success criteria ("1.4.3").</summary>
    public IReadOnlyList<string> Criteria { get; init; } = [];

    /// <summary>"A" or "AA".</summary>
    public string Level { get; init; } = "";

    public IReadOnlyList<AccessibilityElementRecord> Elements { get; init; } = [];
}

/// <summary>An element breaking a rule: CSS selector, its markup, and how to fix it (axe's failure summary).</summary>
public sealed record AccessibilityElementRecord(string Target, string Html, string HowToFix);
