using Reqnroll;
using Shinkin.Browsers;
using Shinkin.Reports.RunRecords;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Hooks;

/// <summary>
/// Turns every executed step into evidence: outcome, time and a screenshot of the page after it;
/// on failure also the page HTML and the engine's trace. The scenario record is written at the end.
/// </summary>
[Binding]
public sealed class EvidenceHooks
{
    private readonly ScenarioContext scenario;
    private readonly ScenarioEvidence evidence;
    private readonly ScenarioBrowser browser;
    private readonly RunEnvironment run;

    public EvidenceHooks(ScenarioContext scenario, ScenarioEvidence evidence, ScenarioBrowser browser, RunEnvironment run)
    {
        this.scenario = scenario;
        this.evidence = evidence;
        this.browser = browser;
        this.run = run;
    }

    [BeforeScenario(Order = 0)]
    public void BeginEvidence() => evidence.Begin();

    [BeforeStep]
    public void StartStepClock() => evidence.StepStarted();

    [AfterStep]
    public async Task RecordStep()
    {
        var stepContext = scenario.StepContext;
        var info = stepContext.StepInfo;
        var error = stepContext.StepError ?? scenario.TestError;
        var outcome = ScenarioOutcomes.Of(stepContext.Status);
        string? screenshot = null;
        if (browser.Current is { } session)
        {
            screenshot = evidence.NextScreenshotPath();
            try
            {
                await File.WriteAllBytesAsync(screenshot, await session.ScreenshotAsync());
            }
            catch (BrowserException)
            {
                // A step that closes the last window leaves nothing to photograph; the step still counts.
                screenshot = null;
            }
        }

        var argument = info.Table?.ToString() ?? info.MultilineText;
        evidence.AddStep(info.StepInstance?.Keyword ?? info.StepDefinitionType.ToString(), info.Text, outcome, outcome == Outcome.Passed ? null : error, screenshot, argument);
    }

    [AfterScenario(Order = int.MaxValue)]
    public async Task WriteEvidence()
    {
        var failed = scenario.TestError is not null;
        if (browser.Current is { } session)
        {
            if (failed)
            {
                await SaveFailureArtifactsAsync(session);
            }
            else if (session is ISupportsTracing tracing)
            {
                await tracing.StopTracingAsync(null);
            }
        }

        await browser.DisposeAsync();
        await run.Store.WriteScenarioAsync(evidence.Complete(ScenarioOutcomes.Of(scenario.ScenarioExecutionStatus), scenario.TestError));
    }

    private async Task SaveFailureArtifactsAsync(IBrowserSession session)
    {
        try
        {
            var html = Path.Combine(evidence.ArtifactFolder, "failure.html");
            await File.WriteAllTextAsync(html, await session.PageHtmlAsync());
            evidence.HtmlPath = html;
            await File.WriteAllBytesAsync(Path.Combine(evidence.ArtifactFolder, "failure.png"), await session.ScreenshotAsync(fullPage: true));
        }
        catch (BrowserException)
        {
            // The page may already be gone (window closed); the trace below still tells the story.
        }

        if (session is ISupportsTracing tracing)
        {
            var trace = Path.Combine(evidence.ArtifactFolder, "trace.zip");
            await tracing.StopTracingAsync(trace);
            evidence.TracePath = trace;
        }
    }
}
