using Shinkin.Grid;
using Shinkin.Settings;
namespace Shinkin.Browsers.Tests.Support;

public enum AdapterKind
{
    Playwright,
    Selenium,
    SeleniumRemote,
    PlaywrightRemote,
}

/// <summary>One adapter wired to the fixture's test site, plus whatever remote endpoint it needs (a Selenium Grid, a Playwright server).</summary>
public sealed class Adapter : IAsyncDisposable
{
    private readonly IAsyncDisposable? server;

    private Adapter(AdapterKind kind, IBrowserSessionFactory factory, IAsyncDisposable? server)
    {
        Kind = kind;
        Factory = factory;
        this.server = server;
    }

    public AdapterKind Kind { get; }

    public IBrowserSessionFactory Factory { get; }

    /// <summary>The Grid behind <see cref="AdapterKind.SeleniumRemote"/>; null for the other adapters.</summary>
    public LocalGrid? Grid { get; private init; }

    public bool IsLocal => Kind is AdapterKind.Playwright or AdapterKind.Selenium;

    public static async Task<Adapter> StartAsync(AdapterKind kind, TestCertificates certificates, string workFolder)
    {
        var local = new BrowserOptions { TrustedCaPemPath = certificates.CaPemPath };
        switch (kind)
        {
            case AdapterKind.Playwright:
                return new Adapter(kind, BrowserSessionFactories.Create(local with { Engine = BrowserEngine.Playwright }), null);
            case AdapterKind.Selenium:
                return new Adapter(kind, BrowserSessionFactories.Create(local with { Engine = BrowserEngine.Selenium }), null);
            case AdapterKind.SeleniumRemote:
            {
                // A real Selenium Grid (hub + node, Debian's chromium and chromedriver) whose node trusts the CA, as an operator sets one up.
                var grid = await TestGrid.StartAsync(certificates.CaPemPath, workFolder);
                var options = new BrowserOptions { Engine = BrowserEngine.SeleniumRemote, GridUrl = grid.Url };
                return new Adapter(kind, BrowserSessionFactories.Create(options), grid) { Grid = grid };
            }

            case AdapterKind.PlaywrightRemote:
            {
                var home = Path.Combine(workFolder, "pw-server-home");
                await ChromiumTrustStore.CreateAsync(home, certificates.CaPemPath);
                var browserServer = await BackgroundServer.StartPlaywrightServerAsync(local.ChromiumPath, home, certificates.CaPemPath, workFolder);
                var options = new BrowserOptions { Engine = BrowserEngine.PlaywrightRemote, PlaywrightServerUrl = browserServer.Endpoint };
                return new Adapter(kind, BrowserSessionFactories.Create(options), browserServer);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
