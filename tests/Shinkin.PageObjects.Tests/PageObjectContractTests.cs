using NUnit.Framework;
using Shinkin.Browsers;
using Shinkin.PageObjects.Pages;
using Shinkin.ReferenceServer;
using Shinkin.Settings;

namespace Shinkin.PageObjects.Tests;

/// <summary>
/// The same page-object operations on every local engine against the real reference server:
/// what the features rely on must behave the same whichever adapter runs them.
/// </summary>
[TestFixture(BrowserEngine.Playwright)]
[TestFixture(BrowserEngine.Selenium)]
[Category("Browser")]
[NonParallelizable]
public sealed class PageObjectContractTests
{
    private readonly BrowserEngine engine;
    private string dataDirectory = "";
    private RunningReferenceServer? server;
    private IBrowserSessionFactory? factory;

    public PageObjectContractTests(BrowserEngine engine)
    {
        this.engine = engine;
    }

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        dataDirectory = Path.Combine(Path.GetTempPath(), "shinkin-po-" + Guid.NewGuid().ToString("N"));
        server = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { DataDirectory = dataDirectory });
        factory = BrowserSessionFactories.Create(new BrowserOptions { Engine = engine, TrustedCaPemPath = server.CaCertificatePemPath });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(dataDirectory, recursive: true);
    }

    [Test]
    public async Task The_public_pages_lead_to_the_login_screen()
    {
        await using var session = await NewSessionAsync();
        var home = await HomePage.OpenAsync(session, server!.PublicUrl);
        var service = await home.OpenServiceAsync();
        var guide = await service.OpenGuideAsync();
        var login = await guide.ClickLoginAsync();
        var title = await login.TitleAsync();
        var acquire = await login.OffersCertificateAcquisitionAsync();
        var certificateLogin = await login.OffersCertificateLoginAsync();
        Assert.Multiple(() =>
        {
            Assert.That(title, Is.EqualTo("ログイン"));
            Assert.That(acquire, Is.True);
            Assert.That(certificateLogin, Is.True);
        });
    }

    [Test]
    public async Task A_wrong_screen_fails_the_loaded_check_with_both_screens_named()
    {
        await using var session = await NewSessionAsync();
        await session.NavigateAsync(server!.PublicUrl);
        var notThere = new LoginPage(session);
        var error = Assert.ThrowsAsync<BrowserException>(() => notThere.WaitUntilLoadedAsync());
        Assert.That(error!.Message, Does.Contain("login").And.Contain("当金庫ホームページ"));
    }

    [Test]
    public async Task The_server_is_trusted_through_its_CA_only()
    {
        await using var session = await NewSessionAsync();
        await HomePage.OpenAsync(session, server!.PublicUrl);
        Assert.That(session.CurrentUrl.Scheme, Is.EqualTo("https"));
    }

    private async Task<IBrowserSession> NewSessionAsync()
    {
        var downloads = Path.Combine(dataDirectory, "downloads", TestContext.CurrentContext.Test.ID);
        var session = await factory!.CreateSessionAsync(new BrowserSessionOptions { DownloadDirectory = downloads, Timeout = TimeSpan.FromSeconds(5) });
        Assert.That(session.EngineName, Is.EqualTo(engine == BrowserEngine.Playwright ? "playwright" : "selenium"));
        return session;
    }
}
