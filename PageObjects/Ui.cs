using Shinkin.Browsers;

namespace Shinkin.PageObjects;

/// <summary>
/// Every screen's controls keyed in English, built from the manual's words in ui-catalog.json (see
/// <see cref="UiCatalog"/>): each target carries what a person sees (role + name, label, text) and the
/// reference server's test id as the optional fast path. Page objects take their targets from here.
/// </summary>
public static class Ui
{
    public static readonly Target ScreenTitle = C("ui.screen-title");

    /// <summary>User name and login ID at the top right of every screen after login.</summary>
    public static readonly Target HeaderUser = C("ui.header-user");

    /// <summary>The screen's heading (test id: the reference server's screen marker).</summary>
    public static Target Screen(string screenId) => UiCatalog.Current.ScreenHeading(screenId);

    /// <summary>The screens by the names the manual's steps give them (「サービス一覧」画面) → their screen ids.</summary>
    public static IReadOnlyDictionary<string, string> ScreensByName { get; } =
        UiCatalog.Current.Screens.SelectMany(s => s.Value.Names.Select(name => (name, id: s.Key))).ToDictionary(x => x.name, x => x.id, StringComparer.Ordinal);

    private static Target C(string key) => UiCatalog.Current.Target(key);

    private static string W(string key) => UiCatalog.Current.Word(key);

    /// <summary>A list row holding <paramref name="text"/> (a login ID, a business, an account number).</summary>
    private static Target Row(string text, string description) => Target.RowContaining(text, description);

    public static class Home
    {
        public const string Id = "home";
        public static readonly Target DensaiService = C("home.densai-service");
    }

    public static class Service
    {
        public const string Id = "service";
        public static readonly Target Guide = C("service.guide");
    }

    public static class Guide
    {
        public const string Id = "guide";
        public static readonly Target Login = C("guide.login");
    }

    public static class Login
    {
        public const string Id = "login";
        public static string Path => W("login.path");
        public static readonly Target CertificateAcquire = C("login.certificate-acquire");
        public static readonly Target CertificateLogin = C("login.certificate-login");
    }

    /// <summary>電子証明書取得: input, confirmation and completion (「Web アクセスの確認」) screens.</summary>
    public static class CertificateAcquire
    {
        public const string InputId = "certificate-acquire";
        public const string ConfirmId = "certificate-acquire-confirm";
        public const string CompleteId = "certificate-acquire-complete";
        public static readonly Target LoginId = C("certificate-acquire.login-id");
        public static readonly Target Password = C("certificate-acquire.password");
        public static readonly Target Submit = C("certificate-acquire.submit");
        public static readonly Target Error = C("certificate-acquire.error");
        public static readonly Target LoginIdError = C("certificate-acquire.login-id-error");
        public static readonly Target PasswordError = C("certificate-acquire.password-error");
        public static readonly Target ConfirmLoginId = C("certificate-acquire.confirm-login-id");
        public static readonly Target ConfirmSubmit = C("certificate-acquire.confirm-submit");
        public static readonly Target WebAccessConfirmation = C("certificate-acquire.web-access-confirmation");
        public static readonly Target WebAccessYes = C("certificate-acquire.web-access-yes");
        public static readonly Target PfxPassword = C("certificate-acquire.pfx-password");
        public static readonly Target CompleteLoginId = C("certificate-acquire.complete-login-id");
        public static readonly Target CloseWindow = C("certificate-acquire.close-window");
        public static readonly Target CloseFallback = C("certificate-acquire.close-fallback");
    }

    public static class CertificateLogin
    {
        public const string Id = "certificate-login";
        public static readonly Target LoginId = C("certificate-login.login-id");
        public static readonly Target Password = C("certificate-login.password");
        public static readonly Target Submit = C("certificate-login.submit");
        public static readonly Target Error = C("certificate-login.error");
        public static readonly Target PasswordError = C("certificate-login.password-error");
    }

    public static class CertificateError
    {
        public const string Id = "certificate-error";
        public static readonly Target Message = C("certificate-error.message");
    }

    /// <summary>ログインパスワード変更 (first login).</summary>
    public static class PasswordChange
    {
        public const string Id = "password-change";
        public static readonly Target FirstLoginNotice = C("password-change.first-login-notice");
        public static readonly Target Current = C("password-change.current");
        public static readonly Target New = C("password-change.new");
        public static readonly Target Confirm = C("password-change.confirm");
        public static readonly Target Submit = C("password-change.submit");
        public static readonly Target CurrentError = C("password-change.current-error");
        public static readonly Target NewError = C("password-change.new-error");
        public static readonly Target ConfirmError = C("password-change.confirm-error");
    }

    /// <summary>サービス一覧.</summary>
    public static class Services
    {
        public const string Id = "services";
        public static readonly Target Message = C("services.message");
        public static readonly Target DensaiFirst = C("services.densai-first");
        public static readonly Target DensaiSecond = C("services.densai-second");
        public static readonly Target UserAdmin = C("services.user-admin");
        public static readonly Target Logout = C("services.logout");
    }

    /// <summary>The しんきん電子記録債権サービス window: header, tabs and the top screen.</summary>
    public static class Densai
    {
        public const string TopId = "densai-top";
        public static readonly Target Logout = C("densai.logout");
        public static readonly Target LogoutDialog = C("densai.logout-dialog");
        public static readonly Target LogoutOk = C("densai.logout-ok");
        public static readonly Target TopTab = C("densai.top-tab");
        public static readonly Target AdminTab = C("densai.admin-tab");
        public static readonly Target NoRights = C("densai.no-rights");

        /// <summary>The business tabs the 権限リスト can open, in screen order.</summary>
        public static readonly IReadOnlyList<Target> BusinessTabs =
            new[] { "inquiry", "issue", "transfer", "batch", "financing", "other" }
                .Select(code => Target.ByRole(TargetRole.Action, W("tab." + code), $"［{W("tab." + code)}］タブ").WithTestId("tab-" + code))
                .ToList();
    }

    /// <summary>承認パスワード変更 and its completion.</summary>
    public static class ApprovalPassword
    {
        public const string Id = "approval-password";
        public const string CompleteId = "approval-password-complete";
        public static readonly Target Reason = C("approval-password.reason");
        public static readonly Target Current = C("approval-password.current");
        public static readonly Target New = C("approval-password.new");
        public static readonly Target Confirm = C("approval-password.confirm");
        public static readonly Target Submit = C("approval-password.submit");
        public static readonly Target CurrentError = C("approval-password.current-error");
        public static readonly Target NewError = C("approval-password.new-error");
        public static readonly Target ConfirmError = C("approval-password.confirm-error");
        public static readonly Target CompleteMessage = C("approval-password.complete-message");
        public static readonly Target Top = C("approval-password.top");
    }

    /// <summary>管理業務 tab.</summary>
    public static class Admin
    {
        public const string Id = "densai-admin";
        public static readonly Target UserManagement = C("admin.user-management");
    }

    /// <summary>ユーザ情報管理: [変更] [登録・解除] [更新] [電子証明書管理].</summary>
    public static class UserManagement
    {
        public const string Id = "user-management";
        public static readonly Target Change = C("user-management.change");
        public static readonly Target Registration = C("user-management.registration");
        public static readonly Target Update = C("user-management.update");
        public static readonly Target CertificateManagement = C("user-management.certificate-management");
        public static readonly Target CertificateManagementDialog = C("user-management.certificate-management-dialog");
        public static readonly Target CertificateManagementOk = C("user-management.certificate-management-ok");
    }

    /// <summary>The 権限リスト's businesses: ① 承認不要業務 (利用) and ② 承認対象業務 (担当者 / 承認者), by code.</summary>
    public static class Businesses
    {
        public static readonly IReadOnlyList<string> NoApproval = ["inquiry", "notice", "history"];
        public static readonly IReadOnlyList<string> Approval = ["issue-debtor", "issue-creditor", "transfer", "batch", "financing", "other"];
    }

    /// <summary>ユーザ情報変更: search, edit (① ② ③), 初期承認パスワード, confirmation, completion.</summary>
    public static class Permissions
    {
        public const string SearchId = "permissions-search";
        public const string EditId = "permissions-edit";
        public const string InitialApprovalId = "permissions-initial-approval";
        public const string ConfirmId = "permissions-confirm";
        public const string CompleteId = "permissions-complete";
        public static readonly Target SearchLoginId = C("permissions.search-login-id");
        public static readonly Target SearchUserName = C("permissions.search-user-name");
        public static readonly Target Search = C("permissions.search");
        public static readonly Target NoResults = C("permissions.no-results");
        public static readonly Target TargetLoginId = C("permissions.target-login-id");
        public static readonly Target ToConfirm = C("permissions.to-confirm");
        public static readonly Target FormError = C("permissions.form-error");
        public static readonly Target Error = C("permissions.error");
        public static readonly Target InitialApproval = C("permissions.initial-approval");
        public static readonly Target InitialApprovalConfirm = C("permissions.initial-approval-confirm");
        public static readonly Target InitialApprovalError = C("permissions.initial-approval-error");
        public static readonly Target InitialApprovalConfirmError = C("permissions.initial-approval-confirm-error");
        public static readonly Target InitialToConfirm = C("permissions.initial-to-confirm");
        public static readonly Target ApprovalPassword = C("permissions.approval-password");
        public static readonly Target ApprovalPasswordError = C("permissions.approval-password-error");
        public static readonly Target Execute = C("permissions.execute");
        public static readonly Target DoneMessage = C("permissions.done-message");
        public static readonly Target BackToTop = C("permissions.back-to-top");

        public static Target Row(string loginId) => Ui.Row(loginId, $"検索結果の {loginId} の行").WithTestId("perm-row-" + loginId);

        public static Target ChangeUser(string loginId) =>
            Target.ByRole(TargetRole.Action, W("permissions.change-user"), $"{loginId} の［変更］ボタン").Inside(Ui.Row(loginId, $"{loginId} の行")).WithTestId("perm-edit-" + loginId);

        /// <summary>① 利用 of a business: the check box in the business's row.</summary>
        public static Target Use(string business) => BusinessCheck(business, "use", 0, "利用");

        /// <summary>② 担当者: the first check box in the business's row.</summary>
        public static Target Clerk(string business) => BusinessCheck(business, "clerk", 0, "担当者");

        /// <summary>② 承認者: the second check box in the business's row.</summary>
        public static Target Approver(string business) => BusinessCheck(business, "approver", 1, "承認者");

        /// <summary>③ an account: the check box in the row of its account number.</summary>
        public static Target Account(AccountRef account) =>
            new Target($"口座 {account.Number}") { Role = TargetRole.CheckBox }.Inside(Ui.Row(account.Number, $"口座 {account.Number} の行")).WithTestId("perm-account-" + account.Id);

        /// <summary>権限リスト cell: 〇 granted, － not granted; role "use", "clerk" or "approver" (cells after the business name).</summary>
        public static Target ListMark(string business, string role) =>
            new Target($"権限リストの {W("business." + business)} {role}") { Role = TargetRole.Cell }
                .Inside(Ui.Row(W("business." + business), $"権限リストの {W("business." + business)} の行"))
                .Nth(role switch { "use" => 1, "clerk" => 2, "approver" => 3, _ => throw new ArgumentOutOfRangeException(nameof(role), role, "use, clerk or approver") })
                .WithTestId($"perm-list-{business}-{role}");

        public static Target GrantedAccount(AccountRef account) =>
            Ui.Row(account.Number, $"口座権限付与リストの口座 {account.Number}").WithTestId("perm-accounts-" + account.Id);

        private static Target BusinessCheck(string business, string role, int index, string roleName) =>
            new Target($"{W("business." + business)} の「{roleName}」") { Role = TargetRole.CheckBox }
                .Inside(Ui.Row(W("business." + business), $"{W("business." + business)} の行"))
                .Nth(index)
                .WithTestId($"perm-{role}-{business}");
    }

    /// <summary>ユーザ登録・解除 and ユーザ新規登録 (input, confirmation, completion).</summary>
    public static class Registration
    {
        public const string SearchId = "registration-search";
        public const string NewId = "registration-new";
        public const string ConfirmId = "registration-confirm";
        public const string CompleteId = "registration-complete";
        public static readonly Target New = C("registration.new");
        public static readonly Target LoginIdPrefix = C("registration.login-id-prefix");
        public static readonly Target LoginId = C("registration.login-id");
        public static readonly Target UserName = C("registration.user-name");
        public static readonly Target Email = C("registration.email");
        public static readonly Target EmailConfirm = C("registration.email-confirm");
        public static readonly Target Password = C("registration.password");
        public static readonly Target PasswordConfirm = C("registration.password-confirm");
        public static readonly Target ToConfirm = C("registration.to-confirm");
        public static readonly Target LoginIdError = C("registration.login-id-error");
        public static readonly Target UserNameError = C("registration.user-name-error");
        public static readonly Target EmailError = C("registration.email-error");
        public static readonly Target EmailConfirmError = C("registration.email-confirm-error");
        public static readonly Target PasswordError = C("registration.password-error");
        public static readonly Target PasswordConfirmError = C("registration.password-confirm-error");
        public static readonly Target Error = C("registration.error");
        public static readonly Target ConfirmLoginId = C("registration.confirm-login-id");
        public static readonly Target ConfirmUserName = C("registration.confirm-user-name");
        public static readonly Target ConfirmEmail = C("registration.confirm-email");
        public static readonly Target ApprovalPassword = C("registration.approval-password");
        public static readonly Target ApprovalPasswordError = C("registration.approval-password-error");
        public static readonly Target Execute = C("registration.execute");
        public static readonly Target DoneMessage = C("registration.done-message");
        public static readonly Target DoneLoginId = C("registration.done-login-id");
        public static readonly Target BackToTop = C("registration.back-to-top");
    }

    /// <summary>ユーザ更新: search (no criteria), confirmation with the pending users, completion.</summary>
    public static class UserUpdate
    {
        public const string SearchId = "update-search";
        public const string ConfirmId = "update-confirm";
        public const string CompleteId = "update-complete";
        public static readonly Target ToConfirm = C("user-update.to-confirm");
        public static readonly Target Nothing = C("user-update.nothing");
        public static readonly Target ApprovalPassword = C("user-update.approval-password");
        public static readonly Target ApprovalPasswordError = C("user-update.approval-password-error");
        public static readonly Target Error = C("user-update.error");
        public static readonly Target Execute = C("user-update.execute");
        public static readonly Target DoneMessage = C("user-update.done-message");
        public static readonly Target BackToTop = C("user-update.back-to-top");

        public static Target Row(string loginId) => Ui.Row(loginId, $"更新一覧の {loginId} の行").WithTestId("update-row-" + loginId);

        /// <summary>更新内容 (登録 / 解除): the fourth cell of the user's row.</summary>
        public static Target Kind(string loginId) =>
            new Target($"{loginId} の更新内容") { Role = TargetRole.Cell }.Inside(Ui.Row(loginId, $"{loginId} の行")).Nth(3).WithTestId("update-kind-" + loginId);
    }

    /// <summary>ユーザ管理業務 (from サービス一覧): tabs ユーザ情報 / 電子証明書管理 and the certificate screens (manual 3-4).</summary>
    public static class UserAdmin
    {
        public const string Id = "useradmin";
        public const string CertificatesId = "useradmin-certificates";
        public const string ManageId = "certificate-manage";
        public const string UserId = "certificate-user";
        public const string ConfirmId = "certificate-confirm";
        public const string CompleteId = "certificate-complete";
        public static readonly Target CertificatesTab = C("user-admin.certificates-tab");
        public static readonly Target CertificateManagement = C("user-admin.certificate-management");
        public static readonly Target Next = C("user-admin.next");
        public static readonly Target Error = C("user-admin.error");
        public static readonly Target TargetLoginId = C("user-admin.target-login-id");
        public static readonly Target Change = C("user-admin.change");
        public static readonly Target IssueOperation = C("user-admin.issue-operation");
        public static readonly Target ConfirmOperation = C("user-admin.confirm-operation");
        public static readonly Target Commit = C("user-admin.commit");
        public static readonly Target DoneMessage = C("user-admin.done-message");
        public static readonly Target BackToManagement = C("user-admin.back-to-management");

        public static Target SelectUser(string loginId) =>
            new Target($"{loginId} の選択") { Role = TargetRole.Radio }.Inside(Ui.Row(loginId, $"{loginId} の行")).WithTestId("certmgmt-select-" + loginId);

        /// <summary>The certificate state: the last (fifth) cell of the user's row.</summary>
        public static Target State(string loginId) =>
            new Target($"{loginId} の電子証明書の状態") { Role = TargetRole.Cell }.Inside(Ui.Row(loginId, $"{loginId} の行")).Nth(4).WithTestId("certmgmt-state-" + loginId);
    }

    /// <summary>After the service window's [ログアウト]: the window to close.</summary>
    public static class DensaiLoggedOut
    {
        public const string Id = "densai-logged-out";
        public static readonly Target Message = C("densai-logged-out.message");
        public static readonly Target Close = C("densai-logged-out.close");
        public static readonly Target CloseFallback = C("densai-logged-out.close-fallback");
    }

    /// <summary>After サービス一覧's [ログアウト].</summary>
    public static class LoggedOut
    {
        public const string Id = "logged-out";
        public static readonly Target Message = C("logged-out.message");
        public static readonly Target Close = C("logged-out.close");
        public static readonly Target CloseDialog = C("logged-out.close-dialog");
        public static readonly Target CloseFallback = C("logged-out.close-fallback");
        public static readonly Target CloseYes = C("logged-out.close-yes");
    }

    public static class SessionRequired
    {
        public const string Id = "session-required";
        public static readonly Target Message = C("session-required.message");
    }
}

/// <summary>A company account as the screens show it: the reference server's id (test ids) and its account number (what a person reads).</summary>
public sealed record AccountRef(int Id, string Number);
