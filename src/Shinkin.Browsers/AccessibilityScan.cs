namespace Shinkin.Browsers;

/// <summary>
/// Optional ability: check the current window against WCAG 2.0 and 2.1, levels A and AA, with axe-core
/// (the same engine version on every adapter that offers it). Test with <c>is</c>: Edge IE mode lacks it.
/// </summary>
public interface ISupportsAccessibilityScan
{
    /// <summary>Scans the current window once its document has loaded (stylesheets included, so contrast is judged as shown).</summary>
    Task<AccessibilityScan> ScanAccessibilityAsync(CancellationToken cancellationToken = default);
}

/// <summary>What one scan of one window found. <paramref name="Engine"/> is e.g. "axe-core 4.14.0".</summary>
public sealed record AccessibilityScan(Uri Url, string Engine, IReadOnlyList<AccessibilityViolation> Violations, int PassedRules, int IncompleteRules);

/// <summary>
/// One rule the page breaks. <paramref name="Impact"/> is axe's minor, moderate, serious or critical; <paramref name="Criteria"/>
/// the WCAG success criteria from the rule's tags ("1.4.3"); <paramref name="Level"/> "A" or "AA".
/// </summary>
public sealed record AccessibilityViolation(
    string RuleId,
    string Impact,
    string Help,
    string? HelpUrl,
    IReadOnlyList<string> Criteria,
    string Level,
    IReadOnlyList<AccessibilityNode> Nodes);

/// <summary>An element that breaks the rule: its CSS selector, its markup, and what to fix (axe's failure summary).</summary>
public sealed record AccessibilityNode(string Target, string Html, string FailureSummary);
