using Shinkin.Browsers;

namespace Shinkin.PageObjects.Pages;

/// <summary>ログインパスワード変更, forced at the first login (manual 2-3 / 4-3).</summary>
public sealed class PasswordChangePage : Page, IShowsMessages
{
    public PasswordChangePage(IBrowserSession session)
        : base(session, Ui.PasswordChange.Id)
    {
    }

    public Task<bool> ShowsFirstLoginNoticeAsync(CancellationToken cancellationToken = default) => ShowsAsync(Ui.PasswordChange.FirstLoginNotice, cancellationToken);

    public async Task<PasswordChangePage> EnterAsync(string current, string newPassword, string confirmation, CancellationToken cancellationToken = default)
    {
        await Session.FillAsync(Ui.PasswordChange.Current, current, cancellationToken);
        await Session.FillAsync(Ui.PasswordChange.New, newPassword, cancellationToken);
        await Session.FillAsync(Ui.PasswordChange.Confirm, confirmation, cancellationToken);
        return this;
    }

    /// <summary>[変更]: サービス一覧 when the new password is accepted, this screen with messages otherwise.</summary>
    public async Task<Page> ClickChangeAsync(CancellationToken cancellationToken = default)
    {
        return await SubmitAndArriveAsync(Ui.PasswordChange.Submit, [new ServiceListPage(Session), new PasswordChangePage(Session)], cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.PasswordChange.CurrentError, Ui.PasswordChange.NewError, Ui.PasswordChange.ConfirmError], cancellationToken);
}

/// <summary>サービス一覧: [しんきん電子記録債権サービス] twice, [ユーザ管理業務], [ログアウト].</summary>
public sealed class ServiceListPage : Page, IShowsMessages
{
    public ServiceListPage(IBrowserSession session)
        : base(session, Ui.Services.Id)
    {
    }

    public Task<string> LoggedInUserAsync(CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.HeaderUser, cancellationToken);

    /// <summary>
    /// One of the two [しんきん電子記録債権サービス] buttons (1 or 2): opens the service in a new window, on the
    /// 承認パスワード screen when one must be set first, on the top screen otherwise.
    /// </summary>
    public async Task<Page> OpenDensaiServiceAsync(int which = 1, CancellationToken cancellationToken = default)
    {
        var button = which switch
        {
            1 => Ui.Services.DensaiFirst,
            2 => Ui.Services.DensaiSecond,
            _ => throw new ArgumentOutOfRangeException(nameof(which), which, "サービス一覧 has two [しんきん電子記録債権サービス] buttons"),
        };
        await Session.ClickAndSwitchToNewWindowAsync(button, cancellationToken);
        return await ArriveAtOneOfAsync([new TopPage(Session), new ApprovalPasswordPage(Session)], cancellationToken);
    }

    /// <summary>[ユーザ管理業務] (manual 3-4 step 5).</summary>
    public async Task<UserAdminPage> ClickUserAdminAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Services.UserAdmin, cancellationToken);
        return await ArriveAsync(new UserAdminPage(Session), cancellationToken);
    }

    /// <summary>[ログアウト] of サービス一覧 (manual 5-1 step 4).</summary>
    public async Task<LoggedOutPage> ClickLogoutAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Services.Logout, cancellationToken);
        return await ArriveAsync(new LoggedOutPage(Session), cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.Services.Message], cancellationToken);
}

/// <summary>After サービス一覧's [ログアウト]: [閉じる] asks whether to close the window, [はい] closes it.</summary>
public sealed class LoggedOutPage : Page, IShowsMessages
{
    // The session's first window was not opened by a script, so browsers usually refuse window.close()
    // there; the page then asks the user to close it, which the harness does as soon as it asks.
    private static readonly TimeSpan ScriptCloseWait = TimeSpan.FromSeconds(5);

    public LoggedOutPage(IBrowserSession session)
        : base(session, Ui.LoggedOut.Id)
    {
    }

    public bool WindowClosed { get; private set; }

    public async Task<LoggedOutPage> ClickCloseAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.LoggedOut.Close, cancellationToken);
        await Session.WaitForAsync(Ui.LoggedOut.CloseDialog, cancellationToken: cancellationToken);
        return this;
    }

    public Task<bool> AsksToCloseWindowAsync(CancellationToken cancellationToken = default) => ShowsAsync(Ui.LoggedOut.CloseDialog, cancellationToken);

    /// <summary>[はい]: the window closes (the last one of the session).</summary>
    public async Task<LoggedOutPage> ClickYesAsync(CancellationToken cancellationToken = default)
    {
        await WindowCloser.ClickCloseAsync(Session, Ui.LoggedOut.CloseYes, Ui.LoggedOut.CloseFallback, ScriptCloseWait, cancellationToken);
        WindowClosed = true;
        return this;
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.LoggedOut.Message], cancellationToken);
}

/// <summary>Shown instead of a screen of the logged-in area when there is no (longer a) session.</summary>
public sealed class SessionRequiredPage : Page, IShowsMessages
{
    public SessionRequiredPage(IBrowserSession session)
        : base(session, Ui.SessionRequired.Id)
    {
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.SessionRequired.Message], cancellationToken);
}
