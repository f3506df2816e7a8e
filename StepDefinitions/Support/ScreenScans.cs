using Shinkin.Browsers;
using Shinkin.PageObjects;
using Shinkin.PageObjects.Pages;
using Shinkin.Reports.RunRecords;
using Shinkin.Settings;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// Scans each screen for accessibility once per run, the first time any scenario arrives at it (the page objects'
/// <see cref="ScreenArrivals"/>), and writes the result into the run record (<c>a11y/&lt;screen&gt;.json</c>). A scan never
/// fails the scenario: an engine without the ability is recorded as 対象外, a failed scan with its error, and a later
/// arrival at that screen tries again. Enforce mode is judged by the command line once the reports are written.
/// </summary>
public sealed class ScreenScans
{
    private readonly RunEnvironment run;
    private readonly ScenarioEvidence evidence;

    public ScreenScans(RunEnvironment run, ScenarioEvidence evidence)
    {
        this.run = run;
        this.evidence = evidence;
    }

    /// <summary>Scans the screens <paramref name="session"/> arrives at, unless the run's accessibility mode is off.</summary>
    public void Watch(IBrowserSession session)
    {
        if (run.Settings.A11y != A11yMode.Off)
        {
            ScreenArrivals.Watch(session, ScanOnceAsync);
        }
    }

    private async Task ScanOnceAsync(Page page, CancellationToken cancellationToken)
    {
        if (!run.ClaimScreenScan(page.ScreenId))
        {
            return;
        }

        var done = false;
        try
        {
            var record = new AccessibilityRecord
            {
                Screen = page.ScreenId,
                ScreenName = run.Catalog.Screens.TryGetValue(page.ScreenId, out var entry) ? entry.Heading : "",
                ScenarioId = evidence.ScenarioId,
                Scenario = evidence.ScenarioTitle,
                ScannedAt = DateTimeOffset.Now,
            };
            try
            {
                record = page.Session is ISupportsAccessibilityScan scanner
                    ? WithResult(record, await scanner.ScanAccessibilityAsync(cancellationToken))
                    : record with
                    {
                        Url = page.Session.CurrentUrl.ToString(),
                        SkipReason = $"エンジン {run.Settings.Browser.Engine.Name()} はアクセシビリティ走査に対応していません",
                    };
                done = true;
            }
            catch (BrowserException ex)
            {
                record = record with { Error = ex.Message };
            }

            await run.Store.WriteAccessibilityAsync(record, cancellationToken);
        }
        finally
        {
            if (!done)
            {
                run.ReleaseScreenScan(page.ScreenId);
            }
        }
    }

    private static AccessibilityRecord WithResult(AccessibilityRecord record, AccessibilityScan scan) => record with
    {
        Url = scan.Url.ToString(),
        Engine = scan.Engine,
        PassedRules = scan.PassedRules,
        IncompleteRules = scan.IncompleteRules,
        Violations = scan.Violations.Select(v => new AccessibilityViolationRecord
        {
            Rule = v.RuleId,
            Impact = v.Impact,
            Help = v.Help,
            HelpUrl = v.HelpUrl,
            Criteria = v.Criteria,
            Level = v.Level,
            Elements = v.Nodes.Select(n => new AccessibilityElementRecord(n.Target, n.Html, n.FailureSummary)).ToList(),
        }).ToList(),
    };
}
