using Shinkin.Browsers;

namespace Shinkin.PageObjects.Pages;

/// <summary>電子証明書取得, first screen: the login ID and login password of the notice (manual 2-1 / 4-1 step 5).</summary>
public sealed class CertificateAcquirePage : Page, IShowsMessages
{
    public CertificateAcquirePage(IBrowserSession session)
        : base(session, Ui.CertificateAcquire.InputId)
    {
    }

    public async Task<CertificateAcquirePage> EnterCredentialsAsync(string loginId, string password, CancellationToken cancellationToken = default)
    {
        await Session.FillAsync(Ui.CertificateAcquire.LoginId, loginId, cancellationToken);
        await Session.FillAsync(Ui.CertificateAcquire.Password, password, cancellationToken);
        return this;
    }

    /// <summary>[取得]: the confirmation screen when the credentials are accepted, this screen with a message otherwise.</summary>
    public async Task<Page> ClickAcquireAsync(CancellationToken cancellationToken = default)
    {
        return await SubmitAndArriveAsync(Ui.CertificateAcquire.Submit, [new CertificateAcquireConfirmPage(Session), new CertificateAcquirePage(Session)], cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.CertificateAcquire.Error, Ui.CertificateAcquire.LoginIdError, Ui.CertificateAcquire.PasswordError], cancellationToken);
}

/// <summary>電子証明書取得, confirmation: the certificate's login ID and the second [取得] (step 6).</summary>
public sealed class CertificateAcquireConfirmPage : Page
{
    public CertificateAcquireConfirmPage(IBrowserSession session)
        : base(session, Ui.CertificateAcquire.ConfirmId)
    {
    }

    public Task<string> LoginIdAsync(CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.CertificateAcquire.ConfirmLoginId, cancellationToken);

    public async Task<CertificateAcquireCompletePage> ClickAcquireAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAndWaitForNewDocumentAsync(Ui.CertificateAcquire.ConfirmSubmit, cancellationToken);
        return await ArriveAsync(new CertificateAcquireCompletePage(Session), cancellationToken);
    }
}

/// <summary>電子証明書取得, completion: 「Web アクセスの確認」 [はい] saves the PKCS#12; [このウィンドウを閉じる] (steps 7–8).</summary>
public sealed class CertificateAcquireCompletePage : Page
{
    // Opened from another window, so window.close() is allowed and normally takes well under a second.
    private static readonly TimeSpan ScriptCloseWait = TimeSpan.FromSeconds(5);

    public CertificateAcquireCompletePage(IBrowserSession session)
        : base(session, Ui.CertificateAcquire.CompleteId)
    {
    }

    public Task<bool> ShowsWebAccessConfirmationAsync(CancellationToken cancellationToken = default) =>
        ShowsAsync(Ui.CertificateAcquire.WebAccessConfirmation, cancellationToken);

    public Task<string> LoginIdAsync(CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.CertificateAcquire.CompleteLoginId, cancellationToken);

    /// <summary>[はい]: the browser saves the certificate file; its password is the one this screen shows once.</summary>
    public async Task<AcquiredCertificate> ClickYesAsync(CancellationToken cancellationToken = default)
    {
        var password = await Session.ReadTextAsync(Ui.CertificateAcquire.PfxPassword, cancellationToken);
        var file = await Session.ClickAndDownloadAsync(Ui.CertificateAcquire.WebAccessYes, cancellationToken);
        return new AcquiredCertificate(file.Path, file.SuggestedFileName, password);
    }

    /// <summary>[このウィンドウを閉じる]: back to the login screen in the window the acquisition was opened from.</summary>
    public async Task<LoginPage> ClickCloseWindowAsync(CancellationToken cancellationToken = default)
    {
        await WindowCloser.ClickCloseAsync(Session, Ui.CertificateAcquire.CloseWindow, Ui.CertificateAcquire.CloseFallback, ScriptCloseWait, cancellationToken);
        return await ArriveAsync(new LoginPage(Session), cancellationToken);
    }
}

/// <summary>A PKCS#12 file saved by the browser and the password that opens it.</summary>
public sealed record AcquiredCertificate(string PfxPath, string FileName, string Password);

/// <summary>電子証明書ログイン: the login ID read from the certificate and the login password (step 5).</summary>
public sealed class CertificateLoginPage : Page, IShowsMessages
{
    public CertificateLoginPage(IBrowserSession session)
        : base(session, Ui.CertificateLogin.Id)
    {
    }

    public Task<string> LoginIdAsync(CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.CertificateLogin.LoginId, cancellationToken);

    /// <summary>
    /// Enters the password and clicks [ログイン]: ログインパスワード変更 at the first login, サービス一覧
    /// afterwards, or this screen with a message when the password is refused.
    /// </summary>
    public async Task<Page> LoginAsync(string password, CancellationToken cancellationToken = default)
    {
        await Session.FillAsync(Ui.CertificateLogin.Password, password, cancellationToken);
        return await SubmitAndArriveAsync(Ui.CertificateLogin.Submit, [new PasswordChangePage(Session), new ServiceListPage(Session), new CertificateLoginPage(Session)], cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.CertificateLogin.Error, Ui.CertificateLogin.PasswordError], cancellationToken);
}

/// <summary>The screen the certificate origin shows when it refuses the presented certificate.</summary>
public sealed class CertificateErrorPage : Page, IShowsMessages
{
    public CertificateErrorPage(IBrowserSession session)
        : base(session, Ui.CertificateError.Id)
    {
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.CertificateError.Message], cancellationToken);
}

/// <summary>
/// The system's own "close this window" buttons call window.close(); browsers refuse that for windows
/// a script did not open, and the page then asks the user to close it: so does the harness.
/// </summary>
internal static class WindowCloser
{
    /// <param name="refusal">
    /// What the page shows when the browser refused its window.close() (it asks the user to close the window): the
    /// harness closes the window as soon as that appears. <paramref name="scriptCloseWait"/> bounds the wait for either.
    /// </param>
    public static async Task ClickCloseAsync(IBrowserSession session, Target closeButton, Target refusal, TimeSpan scriptCloseWait, CancellationToken cancellationToken)
    {
        var before = session.WindowCount;
        try
        {
            await session.ClickAsync(closeButton, cancellationToken);
        }
        catch (BrowserException) when (session.WindowCount < before)
        {
            // The window closed itself before the engine finished the click: that is the button's job.
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var closed = session.WaitForWindowCountAsync(before - 1, scriptCloseWait, either.Token);
        var refused = session.WaitForAsync(refusal, scriptCloseWait, either.Token);
        if (await Task.WhenAny(closed, refused) == refused && !refused.IsCompletedSuccessfully)
        {
            // The wait for the notice broke off (its window went away): the close is the answer.
            await Task.WhenAny(closed);
        }

        await either.CancelAsync();
        await Task.WhenAll(closed, refused).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();
        if (closed.IsCompletedSuccessfully)
        {
            return;
        }

        // Refused (the page says so) or neither within the wait: close it as the user would.
        if (session.WindowCount >= before)
        {
            await session.CloseCurrentWindowAsync(cancellationToken);
        }
    }
}
