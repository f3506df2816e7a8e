using Shinkin.Browsers;

namespace Shinkin.PageObjects.Pages;

/// <summary>A completion screen of ユーザ情報管理 with [トップへ戻る].</summary>
public interface IReturnsToTop
{
    Task<TopPage> ClickBackToTopAsync(CancellationToken cancellationToken = default);
}

/// <summary>A confirmation screen that asks for the master's 承認パスワード before it executes.</summary>
public interface IAsksApprovalPassword
{
    /// <summary>Enters the approval password (empty: leaves the field blank) and clicks the screen's execute button.</summary>
    Task<Page> ExecuteWithApprovalPasswordAsync(string approvalPassword, CancellationToken cancellationToken = default);
}

/// <summary>ユーザ情報管理: [変更] [登録・解除] [更新] [電子証明書管理].</summary>
public sealed class UserManagementMenuPage : DensaiPage
{
    public UserManagementMenuPage(IBrowserSession session)
        : base(session, Ui.UserManagement.Id)
    {
    }

    public async Task<PermissionSearchPage> ClickChangeAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserManagement.Change, cancellationToken);
        return await ArriveAsync(new PermissionSearchPage(Session), cancellationToken);
    }

    public async Task<RegistrationSearchPage> ClickRegistrationAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserManagement.Registration, cancellationToken);
        return await ArriveAsync(new RegistrationSearchPage(Session), cancellationToken);
    }

    public async Task<UserUpdateSearchPage> ClickUpdateAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserManagement.Update, cancellationToken);
        return await ArriveAsync(new UserUpdateSearchPage(Session), cancellationToken);
    }

    /// <summary>[電子証明書管理]: it is done from サービス一覧, which the system asks to show (manual 3-4 step 3).</summary>
    public async Task<CertificateManagementNotice> ClickCertificateManagementAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserManagement.CertificateManagement, cancellationToken);
        await Session.WaitForAsync(Ui.UserManagement.CertificateManagementDialog, cancellationToken: cancellationToken);
        return new CertificateManagementNotice(Session);
    }
}

/// <summary>The message [電子証明書管理] raises over ユーザ情報管理; [OK] shows サービス一覧 (manual 3-4 steps 4–5).</summary>
public sealed class CertificateManagementNotice : Page
{
    public CertificateManagementNotice(IBrowserSession session)
        : base(session, Ui.UserManagement.Id)
    {
    }

    public async Task<ServiceListPage> ClickOkAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserManagement.CertificateManagementOk, cancellationToken);
        return await ArriveAsync(new ServiceListPage(Session), cancellationToken);
    }
}

/// <summary>ユーザ情報変更（ユーザ検索）: search by the first characters of login ID or user name; [変更] per user.</summary>
public sealed class PermissionSearchPage : DensaiPage
{
    public PermissionSearchPage(IBrowserSession session)
        : base(session, Ui.Permissions.SearchId)
    {
    }

    /// <summary>[検索] with the given criteria (null or empty: left blank, which lists every user).</summary>
    public async Task<PermissionSearchPage> SearchAsync(string? loginId = null, string? userName = null, CancellationToken cancellationToken = default)
    {
        await Session.FillAsync(Ui.Permissions.SearchLoginId, loginId ?? "", cancellationToken);
        await Session.FillAsync(Ui.Permissions.SearchUserName, userName ?? "", cancellationToken);
        await Session.ClickAndWaitForNewDocumentAsync(Ui.Permissions.Search, cancellationToken);
        await WaitUntilLoadedAsync(cancellationToken);
        return this;
    }

    public Task<bool> ListsUserAsync(string loginId, CancellationToken cancellationToken = default) => ShowsAsync(Ui.Permissions.Row(loginId), cancellationToken);

    public async Task<PermissionEditPage> ClickChangeAsync(string loginId, CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Permissions.ChangeUser(loginId), cancellationToken);
        return await ArriveAsync(new PermissionEditPage(Session), cancellationToken);
    }
}

/// <summary>ユーザ情報変更: ① 承認不要業務 (利用), ② 承認対象業務 (担当者 / 承認者), ③ 口座.</summary>
public sealed class PermissionEditPage : DensaiPage, IShowsMessages
{
    public PermissionEditPage(IBrowserSession session)
        : base(session, Ui.Permissions.EditId)
    {
    }

    public Task<string> TargetLoginIdAsync(CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.Permissions.TargetLoginId, cancellationToken);

    /// <summary>Checks (or unchecks) ① 利用 of every business, ② 担当者 and 承認者 of every business, and the given accounts of ③.</summary>
    public async Task<PermissionEditPage> SelectAsync(bool use, bool clerk, bool approver, IEnumerable<AccountRef> accounts, CancellationToken cancellationToken = default)
    {
        foreach (var business in Ui.Businesses.NoApproval)
        {
            await Session.SetCheckedAsync(Ui.Permissions.Use(business), use, cancellationToken);
        }

        foreach (var business in Ui.Businesses.Approval)
        {
            await Session.SetCheckedAsync(Ui.Permissions.Clerk(business), clerk, cancellationToken);
            await Session.SetCheckedAsync(Ui.Permissions.Approver(business), approver, cancellationToken);
        }

        foreach (var account in accounts)
        {
            await Session.SetCheckedAsync(Ui.Permissions.Account(account), true, cancellationToken);
        }

        return this;
    }

    /// <summary>
    /// [変更内容の確認へ]: the 初期承認パスワード screen when a general user gets a 承認者 right for the
    /// first time, the confirmation otherwise, or this screen with a message.
    /// </summary>
    public async Task<Page> ClickToConfirmAsync(CancellationToken cancellationToken = default)
    {
        return await SubmitAndArriveAsync(Ui.Permissions.ToConfirm, [new PermissionInitialApprovalPage(Session), new PermissionConfirmPage(Session), new PermissionEditPage(Session)], cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.Permissions.Error, Ui.Permissions.FormError], cancellationToken);
}

/// <summary>初期承認パスワード設定: the approval password a general user enters once (manual 3-3 step 7).</summary>
public sealed class PermissionInitialApprovalPage : DensaiPage, IShowsMessages
{
    public PermissionInitialApprovalPage(IBrowserSession session)
        : base(session, Ui.Permissions.InitialApprovalId)
    {
    }

    public async Task<Page> EnterAndConfirmAsync(string password, string confirmation, CancellationToken cancellationToken = default)
    {
        await Session.FillAsync(Ui.Permissions.InitialApproval, password, cancellationToken);
        await Session.FillAsync(Ui.Permissions.InitialApprovalConfirm, confirmation, cancellationToken);
        return await SubmitAndArriveAsync(Ui.Permissions.InitialToConfirm, [new PermissionConfirmPage(Session), new PermissionInitialApprovalPage(Session)], cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.Permissions.Error, Ui.Permissions.InitialApprovalError, Ui.Permissions.InitialApprovalConfirmError], cancellationToken);
}

/// <summary>ユーザ情報変更（変更内容の確認）: the 権限リスト to be set and the master's 承認パスワード.</summary>
public sealed class PermissionConfirmPage : DensaiPage, IShowsMessages, IAsksApprovalPassword
{
    public PermissionConfirmPage(IBrowserSession session)
        : base(session, Ui.Permissions.ConfirmId)
    {
    }

    public Task<PermissionList> PermissionListAsync(IEnumerable<AccountRef> accounts, CancellationToken cancellationToken = default) =>
        PermissionList.ReadAsync(Session, accounts, cancellationToken);

    /// <summary>[変更の実行]: the completion screen, or this screen with a message.</summary>
    public async Task<Page> ExecuteWithApprovalPasswordAsync(string approvalPassword, CancellationToken cancellationToken = default)
    {
        await Session.FillAsync(Ui.Permissions.ApprovalPassword, approvalPassword, cancellationToken);
        return await SubmitAndArriveAsync(Ui.Permissions.Execute, [new PermissionDonePage(Session), new PermissionConfirmPage(Session)], cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.Permissions.Error, Ui.Permissions.ApprovalPasswordError], cancellationToken);
}

/// <summary>ユーザ情報変更（完了）: the 権限リスト now set, [トップへ戻る].</summary>
public sealed class PermissionDonePage : DensaiPage, IShowsMessages, IReturnsToTop
{
    public PermissionDonePage(IBrowserSession session)
        : base(session, Ui.Permissions.CompleteId)
    {
    }

    public Task<PermissionList> PermissionListAsync(IEnumerable<AccountRef> accounts, CancellationToken cancellationToken = default) =>
        PermissionList.ReadAsync(Session, accounts, cancellationToken);

    public async Task<TopPage> ClickBackToTopAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Permissions.BackToTop, cancellationToken);
        return await ArriveAsync(new TopPage(Session), cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.Permissions.DoneMessage], cancellationToken);
}

/// <summary>The 権限リスト and 口座権限付与リスト as shown: each mark ("○" or "－") and the accounts listed.</summary>
public sealed record PermissionList(IReadOnlyList<string> Marks, IReadOnlyList<AccountRef> Accounts)
{
    public bool AllGranted => Marks.Count > 0 && Marks.All(m => m == "○");

    internal static async Task<PermissionList> ReadAsync(IBrowserSession session, IEnumerable<AccountRef> accounts, CancellationToken cancellationToken)
    {
        var marks = new List<string>();
        foreach (var business in Ui.Businesses.NoApproval)
        {
            marks.Add(await session.ReadTextAsync(Ui.Permissions.ListMark(business, "use"), cancellationToken));
        }

        foreach (var business in Ui.Businesses.Approval)
        {
            marks.Add(await session.ReadTextAsync(Ui.Permissions.ListMark(business, "clerk"), cancellationToken));
            marks.Add(await session.ReadTextAsync(Ui.Permissions.ListMark(business, "approver"), cancellationToken));
        }

        var granted = new List<AccountRef>();
        foreach (var account in accounts)
        {
            if (await session.IsVisibleAsync(Ui.Permissions.GrantedAccount(account), cancellationToken))
            {
                granted.Add(account);
            }
        }

        return new PermissionList(marks, granted);
    }
}

/// <summary>ユーザ登録・解除（ユーザ検索）: [新規登録].</summary>
public sealed class RegistrationSearchPage : DensaiPage
{
    public RegistrationSearchPage(IBrowserSession session)
        : base(session, Ui.Registration.SearchId)
    {
    }

    public async Task<RegistrationNewPage> ClickNewAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Registration.New, cancellationToken);
        return await ArriveAsync(new RegistrationNewPage(Session), cancellationToken);
    }
}

/// <summary>The basic data of a new general user (manual 3-1 step 5).</summary>
public sealed record NewUserInput(string LoginIdBody, string UserName, string Email, string EmailConfirmation, string InitialPassword, string InitialPasswordConfirmation);

/// <summary>ユーザ新規登録: ログインID after the prefilled "d-", ユーザ名, メールアドレス ×2, 初回ログインパスワード ×2.</summary>
public sealed class RegistrationNewPage : DensaiPage, IShowsMessages
{
    public RegistrationNewPage(IBrowserSession session)
        : base(session, Ui.Registration.NewId)
    {
    }

    /// <summary>What stands before the login ID field ("d-").</summary>
    public Task<string> LoginIdPrefixAsync(CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.Registration.LoginIdPrefix, cancellationToken);

    public async Task<RegistrationNewPage> EnterAsync(NewUserInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await Session.FillAsync(Ui.Registration.LoginId, input.LoginIdBody, cancellationToken);
        await Session.FillAsync(Ui.Registration.UserName, input.UserName, cancellationToken);
        await Session.FillAsync(Ui.Registration.Email, input.Email, cancellationToken);
        await Session.FillAsync(Ui.Registration.EmailConfirm, input.EmailConfirmation, cancellationToken);
        await Session.FillAsync(Ui.Registration.Password, input.InitialPassword, cancellationToken);
        await Session.FillAsync(Ui.Registration.PasswordConfirm, input.InitialPasswordConfirmation, cancellationToken);
        return this;
    }

    /// <summary>[確認]: the confirmation screen, or this screen with messages beside the fields.</summary>
    public async Task<Page> ClickConfirmAsync(CancellationToken cancellationToken = default)
    {
        return await SubmitAndArriveAsync(Ui.Registration.ToConfirm, [new RegistrationConfirmPage(Session), new RegistrationNewPage(Session)], cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync(
            [
                Ui.Registration.Error, Ui.Registration.LoginIdError, Ui.Registration.UserNameError, Ui.Registration.EmailError,
                Ui.Registration.EmailConfirmError, Ui.Registration.PasswordError, Ui.Registration.PasswordConfirmError,
            ],
            cancellationToken);
}

/// <summary>ユーザ新規登録（確認）: what will be registered and the master's 承認パスワード; [実行].</summary>
public sealed class RegistrationConfirmPage : DensaiPage, IShowsMessages, IAsksApprovalPassword
{
    public RegistrationConfirmPage(IBrowserSession session)
        : base(session, Ui.Registration.ConfirmId)
    {
    }

    public async Task<(string LoginId, string UserName, string Email)> ShownUserAsync(CancellationToken cancellationToken = default) =>
        (await Session.ReadTextAsync(Ui.Registration.ConfirmLoginId, cancellationToken),
         await Session.ReadTextAsync(Ui.Registration.ConfirmUserName, cancellationToken),
         await Session.ReadTextAsync(Ui.Registration.ConfirmEmail, cancellationToken));

    public async Task<Page> ExecuteWithApprovalPasswordAsync(string approvalPassword, CancellationToken cancellationToken = default)
    {
        await Session.FillAsync(Ui.Registration.ApprovalPassword, approvalPassword, cancellationToken);
        return await SubmitAndArriveAsync(Ui.Registration.Execute, [new RegistrationDonePage(Session), new RegistrationConfirmPage(Session)], cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.Registration.Error, Ui.Registration.ApprovalPasswordError], cancellationToken);
}

/// <summary>ユーザ新規登録（完了）: [トップへ戻る].</summary>
public sealed class RegistrationDonePage : DensaiPage, IShowsMessages, IReturnsToTop
{
    public RegistrationDonePage(IBrowserSession session)
        : base(session, Ui.Registration.CompleteId)
    {
    }

    public Task<string> RegisteredLoginIdAsync(CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.Registration.DoneLoginId, cancellationToken);

    public async Task<TopPage> ClickBackToTopAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.Registration.BackToTop, cancellationToken);
        return await ArriveAsync(new TopPage(Session), cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.Registration.DoneMessage], cancellationToken);
}

/// <summary>ユーザ更新: search criteria (left blank) and [ユーザ更新の確認へ].</summary>
public sealed class UserUpdateSearchPage : DensaiPage
{
    public UserUpdateSearchPage(IBrowserSession session)
        : base(session, Ui.UserUpdate.SearchId)
    {
    }

    public async Task<UserUpdateConfirmPage> ClickToConfirmAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserUpdate.ToConfirm, cancellationToken);
        return await ArriveAsync(new UserUpdateConfirmPage(Session), cancellationToken);
    }
}

/// <summary>ユーザ更新（確認）: the registered (or released) users and the master's 承認パスワード.</summary>
public sealed class UserUpdateConfirmPage : DensaiPage, IShowsMessages, IAsksApprovalPassword
{
    public UserUpdateConfirmPage(IBrowserSession session)
        : base(session, Ui.UserUpdate.ConfirmId)
    {
    }

    public Task<bool> ListsUserAsync(string loginId, CancellationToken cancellationToken = default) => ShowsAsync(Ui.UserUpdate.Row(loginId), cancellationToken);

    /// <summary>The change to be applied to the user: 登録 or 解除.</summary>
    public Task<string> ChangeKindAsync(string loginId, CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.UserUpdate.Kind(loginId), cancellationToken);

    public async Task<Page> ExecuteWithApprovalPasswordAsync(string approvalPassword, CancellationToken cancellationToken = default)
    {
        await Session.FillAsync(Ui.UserUpdate.ApprovalPassword, approvalPassword, cancellationToken);
        return await SubmitAndArriveAsync(Ui.UserUpdate.Execute, [new UserUpdateDonePage(Session), new UserUpdateConfirmPage(Session)], cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.UserUpdate.Error, Ui.UserUpdate.ApprovalPasswordError, Ui.UserUpdate.Nothing], cancellationToken);
}

/// <summary>ユーザ更新（完了）: [トップへ戻る].</summary>
public sealed class UserUpdateDonePage : DensaiPage, IShowsMessages, IReturnsToTop
{
    public UserUpdateDonePage(IBrowserSession session)
        : base(session, Ui.UserUpdate.CompleteId)
    {
    }

    public async Task<TopPage> ClickBackToTopAsync(CancellationToken cancellationToken = default)
    {
        await Session.ClickAsync(Ui.UserUpdate.BackToTop, cancellationToken);
        return await ArriveAsync(new TopPage(Session), cancellationToken);
    }

    public Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default) =>
        ReadVisibleTextsAsync([Ui.UserUpdate.DoneMessage], cancellationToken);
}
