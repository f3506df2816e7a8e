using Shinkin.Browsers;

namespace Shinkin.PageObjects.Pages;

/// <summary>当金庫ホームページ: where the manual's procedures 2-1 and 4-1 start.</summary>
public sealed class HomePage : Page
{
    public HomePage(IBrowserSession session)
        : base(session, Ui.Home.Id)
    {
    }

    public static async Task<HomePage> OpenAsync(IBrowserSession session, Uri publicUrl, CancellationToken cancellationToken = default)
    {
        await session.NavigateAsync(publicUrl, cancellationToken);
        var page = new HomePage(session);
        await page.WaitUntilLoadedAsync(cancellationToken);
        return page;
    }

    public async Task<ServicePage> OpenServiceAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Home.DensaiService, cancellationToken);
        return await ArriveAsync(new ServicePage(Session), cancellationToken);
    }
}

/// <summary>しんきん電子記録債権システムサービス画面.</summary>
public sealed class ServicePage : Page
{
    public ServicePage(IBrowserSession session)
        : base(session, Ui.Service.Id)
    {
    }

    public async Task<GuidePage> OpenGuideAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Service.Guide, cancellationToken);
        return await ArriveAsync(new GuidePage(Session), cancellationToken);
    }
}

/// <summary>しんきん電子記録債権システムの案内画面 with [ログイン].</summary>
public sealed class GuidePage : Page
{
    public GuidePage(IBrowserSession session)
        : base(session, Ui.Guide.Id)
    {
    }

    public async Task<LoginPage> ClickLoginAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Guide.Login, cancellationToken);
        return await ArriveAsync(new LoginPage(Session), cancellationToken);
    }
}

/// <summary>ログイン画面 with [電子証明書取得] and [電子証明書ログイン].</summary>
public sealed class LoginPage : Page
{
    public LoginPage(IBrowserSession session)
        : base(session, Ui.Login.Id)
    {
    }

    /// <summary>Opens the login screen by its address, as a bookmark would (for preconditions, not for the manual's path).</summary>
    public static async Task<LoginPage> OpenAsync(IBrowserSession session, Uri publicUrl, CancellationToken cancellationToken = default)
    {
        await session.NavigateAsync(new Uri(publicUrl, Ui.Login.Path), cancellationToken);
        var page = new LoginPage(session);
        await page.WaitUntilLoadedAsync(cancellationToken);
        return page;
    }

    public Task<bool> OffersCertificateAcquisitionAsync(CancellationToken cancellationToken = default) => ShowsAsync(Ui.Login.CertificateAcquire, cancellationToken);

    public Task<bool> OffersCertificateLoginAsync(CancellationToken cancellationToken = default) => ShowsAsync(Ui.Login.CertificateLogin, cancellationToken);

    /// <summary>[電子証明書取得] opens the acquisition in a window of its own.</summary>
    public async Task<CertificateAcquirePage> ClickCertificateAcquireAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAndSwitchToNewWindowAsync(Ui.Login.CertificateAcquire, cancellationToken);
        return await ArriveAsync(new CertificateAcquirePage(Session), cancellationToken);
    }

    /// <summary>
    /// [電子証明書ログイン]: the browser presents the client certificate it holds for the certificate
    /// origin; the server answers with the password screen, or an error screen when the certificate is refused.
    /// </summary>
    public async Task<Page> ClickCertificateLoginAsync(CancellationToken cancellationToken = default)
    {
        return await SubmitAndArriveAsync(Ui.Login.CertificateLogin, [new CertificateLoginPage(Session), new CertificateErrorPage(Session)], cancellationToken);
    }
}
