using Reqnroll;
using Shinkin.Browsers;
using Shinkin.FeatureFiles;
using Shinkin.Reports.RunRecords;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Hooks;

/// <summary>
/// Turns every executed step into evidence: outcome, time and a screenshot of the page after it;
/// on failure also the page HTML and the engine's trace. The scenario record is written at the end of its last attempt
/// (with the earlier attempts of a retried scenario inside it).
/// </summary>
[Binding]
public sealed class EvidenceHooks
{
    private readonly ScenarioContext scenario;
    private readonly ScenarioEvidence evidence;
    private readonly ScenarioBrowser browser;
    private readonly RunEnvironment run;
    private readonly ScenarioAttempt attempt;

    public EvidenceHooks(ScenarioContext scenario, ScenarioEvidence evidence, ScenarioBrowser browser, RunEnvironment run, ScenarioAttempt attempt)
    {
        this.scenario = scenario;
        this.evidence = evidence;
        this.browser = browser;
        this.run = run;
        this.attempt = attempt;
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

    /// <summary>
    /// The scenario's record, whatever state the browser is in: failure artefacts where the page can still give them, the
    /// browser closed (one that died has nothing to close; the next scenario gets a fresh one), then the record written —
    /// or, for an attempt the bridge will retry, kept as an earlier attempt of the record the last attempt writes.
    /// </summary>
    [AfterScenario(Order = int.MaxValue)]
    public async Task WriteEvidence()
    {
        var error = scenario.TestError;
        if (browser.Current is { } session)
        {
            try
            {
                if (error is not null)
                {
                    await SaveFailureArtifactsAsync(session);
                }
                else if (session is ISupportsTracing tracing)
                {
                    await tracing.StopTracingAsync(null);
                }
            }
            catch (BrowserException)
            {
                // The browser is gone (crashed, killed): the steps' screenshots up to then are the evidence.
            }
        }

        await browser.DisposeAsync();
        var cause = error is null || Causes(error).Any(e => e is TargetUnreachableException) ? null : await run.TargetProblemAsync();
        var record = evidence.Complete(ScenarioOutcomes.Of(scenario.ScenarioExecutionStatus, attempt), error, cause);
        if (attempt.WillBeRetried)
        {
            run.KeepEarlierAttempt(record);
            return;
        }

        await run.Store.WriteScenarioAsync(record with { EarlierAttempts = run.TakeEarlierAttempts(record.Id) });
    }

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
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
