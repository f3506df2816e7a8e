using Shinkin.Browsers;

namespace Shinkin.PageObjects.Pages;

/// <summary>ユーザ管理業務 (opened from サービス一覧): tabs ユーザ情報 and 電子証明書管理.</summary>
public sealed class UserAdminPage : Page
{
    public UserAdminPage(IBrowserSession session)
        : base(session, Ui.UserAdmin.Id)
    {
    }

    /// <summary>[電子証明書管理] tab (manual 3-4 step 6).</summary>
    public async Task<CertificateMenuPage> ClickCertificatesTabAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserAdmin.CertificatesTab, cancellationToken);
        return await ArriveAsync(new CertificateMenuPage(Session), cancellationToken);
    }
}

/// <summary>The 電子証明書管理 tab's menu with its one entry ［電子証明書管理］ (step 7).</summary>
public sealed class CertificateMenuPage : Page
{
    public CertificateMenuPage(IBrowserSession session)
        : base(session, Ui.UserAdmin.CertificatesId)
    {
    }

    public async Task<CertificateManagePage> ClickCertificateManagementAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserAdmin.CertificateManagement, cancellationToken);
        return await ArriveAsync(new CertificateManagePage(Session), cancellationToken);
    }
}

/// <summary>電子証明書管理（ユーザ選択）: the general users with their certificate state; select one and [次へ] (step 8).</summary>
public sealed class CertificateManagePage : Page, IShowsMessages
{
    public CertificateManagePage(IBrowserSession session)
        : base(session, Ui.UserAdmin.ManageId)
    {
    }

    /// <summary>The user's certificate state as listed (未発行, 発行済（取得待ち）, 取得済, 失効 …).</summary>
    public Task<string> CertificateStateAsync(string loginId, CancellationToken cancellationToken = default) =>
        Session.ReadTextAsync(Ui.UserAdmin.State(loginId), cancellationToken);

    public async Task<CertificateUserPage> SelectAndClickNextAsync(string loginId, CancellationToken cancellationToken = default)
    {
        await Session.SetCheckedAsync(Ui.UserAdmin.SelectUser(loginId), true, cancellationToken);
        await Session.ClickAsync(Ui.UserAdmin.Next, cancellationToken);
        return await ArriveAsync(new CertificateUserPage(Session), cancellationToken);
    }

    /// <summary>Closes this window (the browser's own close); サービス一覧 remains in the window it was opened from.</summary>
    public async Task<ServiceListPage> CloseWindowAsync(CancellationToken cancellationToken = default)
    {
        await Session.CloseCurrentWindowAsync(cancellationToken);
        return await ArriveAsync(new ServiceListPage(Session), cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.UserAdmin.Error], cancellationToken);
}

/// <summary>電子証明書管理（ユーザ情報）: the selected user; 発行する is preselected; [変更] (step 9).</summary>
public sealed class CertificateUserPage : Page
{
    public CertificateUserPage(IBrowserSession session)
        : base(session, Ui.UserAdmin.UserId)
    {
    }

    public Task<string> TargetLoginIdAsync(CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.UserAdmin.TargetLoginId, cancellationToken);

    public async Task<CertificateConfirmPage> ClickChangeToIssueAsync(CancellationToken cancellationToken = default)
    {
        await Session.SetCheckedAsync(Ui.UserAdmin.IssueOperation, true, cancellationToken);
        await Session.ClickAsync(Ui.UserAdmin.Change, cancellationToken);
        return await ArriveAsync(new CertificateConfirmPage(Session), cancellationToken);
    }
}

/// <summary>電子証明書管理（変更内容の確認）: what will change; [確定] (step 10).</summary>
public sealed class CertificateConfirmPage : Page
{
    public CertificateConfirmPage(IBrowserSession session)
        : base(session, Ui.UserAdmin.ConfirmId)
    {
    }

    public Task<string> OperationAsync(CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.UserAdmin.ConfirmOperation, cancellationToken);

    public async Task<CertificateDonePage> ClickCommitAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserAdmin.Commit, cancellationToken);
        return await ArriveAsync(new CertificateDonePage(Session), cancellationToken);
    }
}

/// <summary>電子証明書管理（完了）: [電子証明書管理へ] (step 11).</summary>
public sealed class CertificateDonePage : Page, IShowsMessages
{
    public CertificateDonePage(IBrowserSession session)
        : base(session, Ui.UserAdmin.CompleteId)
    {
    }

    public async Task<CertificateManagePage> ClickBackToManagementAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserAdmin.BackToManagement, cancellationToken);
        return await ArriveAsync(new CertificateManagePage(Session), cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.UserAdmin.DoneMessage], cancellationToken);
}
