using Shinkin.Browsers;
using Shinkin.Settings;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// The scenario's browser session, opened on first use so scenarios without a browser
/// (environment checks) never start one. A fresh session (browser context) per scenario.
/// </summary>
public sealed class ScenarioBrowser : IAsyncDisposable
{
    private readonly RunEnvironment run;
    private readonly ScenarioEvidence evidence;
    private readonly ScreenScans scans;
    private IBrowserSession? session;

    public ScenarioBrowser(RunEnvironment run, ScenarioEvidence evidence, ScreenScans scans)
    {
        this.run = run;
        this.evidence = evidence;
        this.scans = scans;
    }

    public bool IsOpen => session is not null;

    /// <summary>The open session, or null when the scenario has not used a browser.</summary>
    public IBrowserSession? Current => session;

    public Task<IBrowserSession> SessionAsync(CancellationToken cancellationToken = default) => SessionAsync(null, cancellationToken);

    /// <summary>The open session, or a new one presenting <paramref name="certificate"/> from its start.</summary>
    public async Task<IBrowserSession> SessionAsync(ClientCertificateFile? certificate, CancellationToken cancellationToken = default)
    {
        if (session is not null)
        {
            return session;
        }

        var downloads = Path.Combine(evidence.ArtifactFolder, "downloads");
        Directory.CreateDirectory(downloads);
        session = await run.NewBrowserSessionAsync(downloads, certificate, cancellationToken);
        scans.Watch(session);
        if (run.Settings.Trace == TraceMode.OnFailure && session is ISupportsTracing tracing)
        {
            await tracing.StartTracingAsync(evidence.ScenarioTitle, cancellationToken);
        }

        return session;
    }

    public async ValueTask DisposeAsync()
    {
        if (session is not null)
        {
            var current = session;
            session = null;
            await current.DisposeAsync();
        }
    }
}
