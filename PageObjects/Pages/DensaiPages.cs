using Shinkin.Browsers;

namespace Shinkin.PageObjects.Pages;

/// <summary>A screen of the しんきん電子記録債権サービス window: tabs along the top, [ログアウト] at the top right.</summary>
public abstract class DensaiPage : Page
{
    protected DensaiPage(IBrowserSession session, string screenId)
        : base(session, screenId)
    {
    }

    /// <summary>The business tabs shown, by their Japanese names (トップ and 管理業務 excluded).</summary>
    public async Task<IReadOnlyList<string>> BusinessTabsAsync(CancellationToken cancellationToken = default)
    {
        var shown = new List<string>();
        foreach (var tab in Ui.Densai.BusinessTabs)
        {
            if (await Session.IsVisibleAsync(tab, cancellationToken))
            {
                shown.Add(await Session.ReadTextAsync(tab, cancellationToken));
            }
        }

        return shown;
    }

    public async Task<AdminMenuPage> ClickAdminTabAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Densai.AdminTab, cancellationToken);
        return await ArriveAsync(new AdminMenuPage(Session), cancellationToken);
    }

    /// <summary>画面右上の［ログアウト］: asks for confirmation first (manual 5-1 step 1).</summary>
    public async Task<DensaiLogoutConfirmation> ClickLogoutAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Densai.Logout, cancellationToken);
        await Session.WaitForAsync(Ui.Densai.LogoutDialog, cancellationToken: cancellationToken);
        return new DensaiLogoutConfirmation(Session, ScreenId);
    }
}

/// <summary>The confirmation 画面右上の［ログアウト］ raises over the screen it was clicked on; [OK] logs out of the service window (5-1 step 2).</summary>
public sealed class DensaiLogoutConfirmation : Page
{
    public DensaiLogoutConfirmation(IBrowserSession session, string screenId)
        : base(session, screenId)
    {
    }

    public async Task<DensaiLoggedOutPage> ClickOkAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Densai.LogoutOk, cancellationToken);
        return await ArriveAsync(new DensaiLoggedOutPage(Session), cancellationToken);
    }
}

/// <summary>トップ画面 of the service: a tab per granted business.</summary>
public sealed class TopPage : DensaiPage
{
    public TopPage(IBrowserSession session)
        : base(session, Ui.Densai.TopId)
    {
    }

    public Task<bool> SaysNoRightsAsync(CancellationToken cancellationToken = default) => ShowsAsync(Ui.Densai.NoRights, cancellationToken);
}

/// <summary>承認パスワード変更: new password twice, and the current one when replacing (manual 2-4 / 4-4 step 2).</summary>
public sealed class ApprovalPasswordPage : DensaiPage, IShowsMessages
{
    public ApprovalPasswordPage(IBrowserSession session)
        : base(session, Ui.ApprovalPassword.Id)
    {
    }

    /// <summary>Whether the screen asks for the current (initial) approval password.</summary>
    public Task<bool> AsksCurrentPasswordAsync(CancellationToken cancellationToken = default) => ShowsAsync(Ui.ApprovalPassword.Current, cancellationToken);

    public async Task<ApprovalPasswordPage> EnterAsync(string? current, string newPassword, string confirmation, CancellationToken cancellationToken = default)
    {
        if (current is not null)
        {
            await Session.FillAsync(Ui.ApprovalPassword.Current, current, cancellationToken);
        }

        await Session.FillAsync(Ui.ApprovalPassword.New, newPassword, cancellationToken);
        await Session.FillAsync(Ui.ApprovalPassword.Confirm, confirmation, cancellationToken);
        return this;
    }

    /// <summary>[実行]: the completion screen, or this screen with messages.</summary>
    public async Task<Page> ClickExecuteAsync(CancellationToken cancellationToken = default)
    {
        return await SubmitAndArriveAsync(Ui.ApprovalPassword.Submit, [new ApprovalPasswordCompletePage(Session), new ApprovalPasswordPage(Session)], cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.ApprovalPassword.CurrentError, Ui.ApprovalPassword.NewError, Ui.ApprovalPassword.ConfirmError], cancellationToken);
}

/// <summary>承認パスワード変更完了 with [トップへ] (step 3).</summary>
public sealed class ApprovalPasswordCompletePage : DensaiPage, IShowsMessages
{
    public ApprovalPasswordCompletePage(IBrowserSession session)
        : base(session, Ui.ApprovalPassword.CompleteId)
    {
    }

    public async Task<TopPage> ClickTopAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.ApprovalPassword.Top, cancellationToken);
        return await ArriveAsync(new TopPage(Session), cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.ApprovalPassword.CompleteMessage], cancellationToken);
}

/// <summary>管理業務 tab: [ユーザ情報管理] (master only).</summary>
public sealed class AdminMenuPage : DensaiPage
{
    public AdminMenuPage(IBrowserSession session)
        : base(session, Ui.Admin.Id)
    {
    }

    /// <summary>[ユーザ情報管理] (master only).</summary>
    public async Task<UserManagementMenuPage> ClickUserManagementAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Admin.UserManagement, cancellationToken);
        return await ArriveAsync(new UserManagementMenuPage(Session), cancellationToken);
    }
}

/// <summary>The service window after its [ログアウト]: [閉じる] closes it (manual 5-1 step 3).</summary>
public sealed class DensaiLoggedOutPage : Page, IShowsMessages
{
    // Opened from another window, so window.close() is allowed and normally takes well under a second.
    private static readonly TimeSpan ScriptCloseWait = TimeSpan.FromSeconds(5);

    public DensaiLoggedOutPage(IBrowserSession session)
        : base(session, Ui.DensaiLoggedOut.Id)
    {
    }

    /// <summary>Closes the service window; サービス一覧 remains in the window it was opened from.</summary>
    public async Task<ServiceListPage> ClickCloseAsync(CancellationToken cancellationToken = default)
    {
        await WindowCloser.ClickCloseAsync(Session, Ui.DensaiLoggedOut.Close, Ui.DensaiLoggedOut.CloseFallback, ScriptCloseWait, cancellationToken);
        return await ArriveAsync(new ServiceListPage(Session), cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.DensaiLoggedOut.Message], cancellationToken);
}
