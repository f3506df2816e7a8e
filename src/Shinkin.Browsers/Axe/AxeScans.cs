using Deque.AxeCore.Commons;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using OpenQA.Selenium;

namespace Shinkin.Browsers;

/// <summary>
/// axe-core as every adapter runs it: Deque.AxeCore.Commons' bundled axe-core, only the rules of WCAG 2.0/2.1
/// levels A and AA, violations in full (passing and incomplete rules only counted), turned into the engine-neutral
/// <see cref="AccessibilityScan"/>.
/// </summary>
internal static class AxeScans
{
    /// <summary>axe's tags for WCAG 2.0 and 2.1, levels A and AA: a rule runs when it carries one of them.</summary>
    public static IReadOnlyList<string> WcagTags { get; } = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    // The scan runs in the page; its result comes back as one JSON string (WebDriver would turn objects into dictionaries).
    private const string RunScript = """
        var done = arguments[arguments.length - 1];
        window.axe.run(document, JSON.parse(arguments[0])).then(
            function (result) { done(JSON.stringify(result)); },
            function (error) { done(JSON.stringify({ error: String((error && error.message) || error) })); });
        """;

    public static AxeRunOptions Options() => new()
    {
        RunOnly = RunOnlyOptions.Tags([.. WcagTags]),
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>
    /// Selenium has no axe package that loads beside Selenium 4 (Selenium.Axe 2.0.3 binds to the assembly "WebDriver"
    /// 3.141, renamed since), so axe-core is injected through WebDriver itself: the same script and options as Playwright's.
    /// </summary>
    public static AxeResult RunThroughWebDriver(IJavaScriptExecutor page)
    {
        if (page.ExecuteScript("return typeof window.axe === 'object' && typeof window.axe.run === 'function';") is not true)
        {
            page.ExecuteScript(Source.Value);
        }

        var options = JsonConvert.SerializeObject(Options(), AxeJsonSerializerSettings.Default);
        var json = page.ExecuteAsyncScript(RunScript, options) as string
            ?? throw new BrowserException("axe-core returned nothing.");
        var result = JObject.Parse(json);
        return result["error"] is { } error
            ? throw new BrowserException($"axe-core failed in the page: {error}")
            : new AxeResult(result);
    }

    public static AccessibilityScan ToScan(AxeResult result, Uri shownUrl) => new(
        Uri.TryCreate(result.Url, UriKind.Absolute, out var url) ? url : shownUrl,
        $"{result.TestEngine?.Name ?? "axe-core"} {result.TestEngine?.Version}".Trim(),
        (result.Violations ?? []).Select(ToViolation).ToList(),
        result.Passes?.Length ?? 0,
        result.Incomplete?.Length ?? 0);

    /// <summary>"wcag143" → "1.4.3", "wcag1410" → "1.4.10"; level tags ("wcag2aa", "wcag21a") and others → null.</summary>
    public static string? Criterion(string tag)
    {
        if (!tag.StartsWith("wcag", StringComparison.Ordinal) || tag.Length < 7 || !tag.Skip(4).All(char.IsAsciiDigit))
        {
            return null;
        }

        return $"{tag[4]}.{tag[5]}.{tag[6..]}";
    }

    /// <summary>"A" or "AA" from a rule's level tags; "" when it has none of ours.</summary>
    public static string Level(IEnumerable<string> tags)
    {
        var set = tags.ToHashSet(StringComparer.Ordinal);
        return set.Contains("wcag2a") || set.Contains("wcag21a") ? "A"
            : set.Contains("wcag2aa") || set.Contains("wcag21aa") ? "AA"
            : "";
    }

    private static AccessibilityViolation ToViolation(AxeResultItem item)
    {
        var tags = item.Tags ?? [];
        return new AccessibilityViolation(
            item.Id ?? "",
            item.Impact ?? "",
            item.Help ?? "",
            item.HelpUrl,
            tags.Select(Criterion).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            Level(tags),
            (item.Nodes ?? []).Select(n => new AccessibilityNode(n.Target?.ToString() ?? "", n.Html ?? "", FailureSummary(n))).ToList());
    }

    /// <summary>axe's own wording of what to fix, built from the checks that failed (the .NET result has no summary field).</summary>
    private static string FailureSummary(AxeResultNode node)
    {
        var parts = new List<string>();
        var all = (node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        if (all.Count > 0)
        {
            parts.Add("Fix all of the following:\n  " + string.Join("\n  ", all));
        }

        var any = (node.Any ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        if (any.Count > 0)
        {
            parts.Add("Fix any of the following:\n  " + string.Join("\n  ", any));
        }

        return string.Join("\n\n", parts);
    }
}
