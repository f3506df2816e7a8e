using Shinkin.Browsers;

namespace Shinkin.PageObjects;

/// <summary>
/// The one catalog of what the user sees: every screen's controls keyed in English, carrying the
/// manual's Japanese words as their description (which logs and reports show) and the screen's
/// stable test id. Page objects take their targets from here, never from scattered literals.
/// </summary>
public static class Ui
{
    /// <summary>Hidden per-document marker of the reference server (see Page.SubmitAndArriveAsync).</summary>
    public static readonly Target RenderId = Target.ByTestId("render-id", "表示中の画面の識別子");

    public static readonly Target ScreenTitle = Text("screen-title", "画面タイトル");

    /// <summary>User name and login ID at the top right of every screen after login.</summary>
    public static readonly Target HeaderUser = Text("header-user", "ログイン中のユーザ");

    public static Target Screen(string screenId) => Target.ByTestId($"screen-{screenId}", $"{screenId} 画面");

    /// <summary>The screens by the names the manual gives them (「サービス一覧」画面) → their screen ids.</summary>
    public static readonly IReadOnlyDictionary<string, string> ScreensByName = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["当金庫ホームページ"] = Home.Id,
        ["しんきん電子記録債権システムサービス"] = Service.Id,
        ["しんきん電子記録債権システムの案内"] = Guide.Id,
        ["ログイン"] = Login.Id,
        ["電子証明書取得"] = CertificateAcquire.InputId,
        ["電子証明書ログイン"] = CertificateLogin.Id,
        ["電子証明書エラー"] = CertificateError.Id,
        ["ログインパスワード変更"] = PasswordChange.Id,
        ["サービス一覧"] = Services.Id,
        ["トップ"] = Densai.TopId,
        ["承認パスワード変更"] = ApprovalPassword.Id,
        ["承認パスワード変更完了"] = ApprovalPassword.CompleteId,
        ["管理業務"] = Admin.Id,
        ["ユーザ情報管理"] = UserManagement.Id,
        ["ユーザ情報変更（ユーザ検索）"] = Permissions.SearchId,
        ["ユーザ情報変更"] = Permissions.EditId,
        ["初期承認パスワード設定"] = Permissions.InitialApprovalId,
        ["ユーザ情報変更（変更内容の確認）"] = Permissions.ConfirmId,
        ["ユーザ情報変更（完了）"] = Permissions.CompleteId,
        ["ユーザ登録・解除（ユーザ検索）"] = Registration.SearchId,
        ["ユーザ新規登録"] = Registration.NewId,
        ["ユーザ新規登録（確認）"] = Registration.ConfirmId,
        ["ユーザ新規登録（完了）"] = Registration.CompleteId,
        ["ユーザ更新"] = UserUpdate.SearchId,
        ["ユーザ更新（確認）"] = UserUpdate.ConfirmId,
        ["ユーザ更新（完了）"] = UserUpdate.CompleteId,
        ["ユーザ管理業務"] = UserAdmin.Id,
        ["電子証明書管理"] = UserAdmin.CertificatesId,
        ["電子証明書管理（ユーザ選択）"] = UserAdmin.ManageId,
        ["電子証明書管理（ユーザ情報）"] = UserAdmin.UserId,
        ["電子証明書管理（変更内容の確認）"] = UserAdmin.ConfirmId,
        ["電子証明書管理（完了）"] = UserAdmin.CompleteId,
    };

    private static Target Button(string testId, string label) => Target.ByTestId(testId, $"［{label}］ボタン");

    private static Target Field(string testId, string label) => Target.ByTestId(testId, $"「{label}」欄");

    private static Target Text(string testId, string label) => Target.ByTestId(testId, label);

    private static Target Tab(string testId, string label) => Target.ByTestId(testId, $"［{label}］タブ");

    public static class Home
    {
        public const string Id = "home";
        public static readonly Target DensaiService = Button("home-densai-service", "しんきん電子記録債権システム");
    }

    public static class Service
    {
        public const string Id = "service";
        public static readonly Target Guide = Button("service-guide", "しんきん電子記録債権システムのご案内");
    }

    public static class Guide
    {
        public const string Id = "guide";
        public static readonly Target Login = Button("guide-login", "ログイン");
    }

    public static class Login
    {
        public const string Id = "login";
        public const string Path = "/login";
        public static readonly Target CertificateAcquire = Button("login-certificate-acquire", "電子証明書取得");
        public static readonly Target CertificateLogin = Button("login-certificate-login", "電子証明書ログイン");
    }

    /// <summary>電子証明書取得: input, confirmation and completion (「Web アクセスの確認」) screens.</summary>
    public static class CertificateAcquire
    {
        public const string InputId = "certificate-acquire";
        public const string ConfirmId = "certificate-acquire-confirm";
        public const string CompleteId = "certificate-acquire-complete";
        public static readonly Target LoginId = Field("acquire-login-id", "ログインID（お客様ID）");
        public static readonly Target Password = Field("acquire-password", "ログインパスワード");
        public static readonly Target Submit = Button("acquire-submit", "取得");
        public static readonly Target Error = Text("acquire-error", "エラーメッセージ");
        public static readonly Target LoginIdError = Text("acquire-login-id-error", "ログインID（お客様ID）のエラー");
        public static readonly Target PasswordError = Text("acquire-password-error", "ログインパスワードのエラー");
        public static readonly Target ConfirmLoginId = Text("acquire-confirm-login-id", "取得する電子証明書のログインID（お客様ID）");
        public static readonly Target ConfirmSubmit = Button("acquire-confirm-submit", "取得");
        public static readonly Target WebAccessConfirmation = Text("acquire-web-access", "「Web アクセスの確認」画面");
        public static readonly Target WebAccessYes = Button("acquire-web-access-yes", "はい");
        public static readonly Target PfxPassword = Text("acquire-pfx-password", "電子証明書ファイルのパスワード");
        public static readonly Target CompleteLoginId = Text("acquire-complete-login-id", "発行した電子証明書のログインID（お客様ID）");
        public static readonly Target CloseWindow = Button("acquire-close", "このウィンドウを閉じる");
    }

    public static class CertificateLogin
    {
        public const string Id = "certificate-login";
        public static readonly Target LoginId = Text("cert-login-login-id", "ログインID（お客様ID）");
        public static readonly Target Password = Field("cert-login-password", "ログインパスワード");
        public static readonly Target Submit = Button("cert-login-submit", "ログイン");
        public static readonly Target Error = Text("cert-login-error", "エラーメッセージ");
        public static readonly Target PasswordError = Text("cert-login-password-error", "ログインパスワードのエラー");
    }

    public static class CertificateError
    {
        public const string Id = "certificate-error";
        public static readonly Target Message = Text("cert-error", "電子証明書エラーのメッセージ");
    }

    /// <summary>ログインパスワード変更 (first login).</summary>
    public static class PasswordChange
    {
        public const string Id = "password-change";
        public static readonly Target FirstLoginNotice = Text("pwchange-first-login", "初回ログインのお知らせ");
        public static readonly Target Current = Field("pwchange-current", "現ログインパスワード");
        public static readonly Target New = Field("pwchange-new", "新ログインパスワード");
        public static readonly Target Confirm = Field("pwchange-confirm", "新ログインパスワード（確認用）");
        public static readonly Target Submit = Button("pwchange-submit", "変更");
        public static readonly Target CurrentError = Text("pwchange-current-error", "現ログインパスワードのエラー");
        public static readonly Target NewError = Text("pwchange-new-error", "新ログインパスワードのエラー");
        public static readonly Target ConfirmError = Text("pwchange-confirm-error", "新ログインパスワード（確認用）のエラー");
    }

    /// <summary>サービス一覧.</summary>
    public static class Services
    {
        public const string Id = "services";
        public static readonly Target Message = Text("services-message", "お知らせ");
        public static readonly Target DensaiFirst = Button("services-densai-1", "しんきん電子記録債権サービス") with { Description = "［しんきん電子記録債権サービス］ボタン（1 箇所目）" };
        public static readonly Target DensaiSecond = Button("services-densai-2", "しんきん電子記録債権サービス") with { Description = "［しんきん電子記録債権サービス］ボタン（2 箇所目）" };
        public static readonly Target UserAdmin = Button("services-user-admin", "ユーザ管理業務");
        public static readonly Target Logout = Button("services-logout", "ログアウト");
    }

    /// <summary>The しんきん電子記録債権サービス window: header, tabs and the top screen.</summary>
    public static class Densai
    {
        public const string TopId = "densai-top";
        public static readonly Target Logout = Button("densai-logout", "ログアウト") with { Description = "画面右上の［ログアウト］ボタン" };
        public static readonly Target LogoutDialog = Text("densai-logout-dialog", "ログアウトの確認");
        public static readonly Target LogoutOk = Button("densai-logout-ok", "OK");
        public static readonly Target Tabs = Text("tabs", "タブ");
        public static readonly Target TopTab = Tab("tab-top", "トップ");
        public static readonly Target AdminTab = Tab("tab-admin", "管理業務");
        public static readonly Target NoRights = Text("top-no-rights", "取引権限が設定されていない旨のお知らせ");

        /// <summary>The business tabs the 権限リスト can open, in screen order.</summary>
        public static readonly IReadOnlyList<Target> BusinessTabs =
        [
            Tab("tab-inquiry", "債権情報照会"),
            Tab("tab-issue", "債権発生請求"),
            Tab("tab-transfer", "債権譲渡請求"),
            Tab("tab-batch", "債権一括請求"),
            Tab("tab-financing", "融資申込"),
            Tab("tab-other", "その他請求"),
        ];
    }

    /// <summary>承認パスワード変更 and its completion.</summary>
    public static class ApprovalPassword
    {
        public const string Id = "approval-password";
        public const string CompleteId = "approval-password-complete";
        public static readonly Target Reason = Text("approval-reason", "承認パスワード設定のお知らせ");
        public static readonly Target Current = Field("approval-current", "現在の承認パスワード");
        public static readonly Target New = Field("approval-new", "新しい承認パスワード");
        public static readonly Target Confirm = Field("approval-confirm", "新しい承認パスワード（確認用）");
        public static readonly Target Submit = Button("approval-submit", "実行");
        public static readonly Target CurrentError = Text("approval-current-error", "現在の承認パスワードのエラー");
        public static readonly Target NewError = Text("approval-new-error", "新しい承認パスワードのエラー");
        public static readonly Target ConfirmError = Text("approval-confirm-error", "新しい承認パスワード（確認用）のエラー");
        public static readonly Target CompleteMessage = Text("approval-complete-message", "承認パスワード設定完了のメッセージ");
        public static readonly Target Top = Button("approval-top", "トップへ");
    }

    /// <summary>管理業務 tab.</summary>
    public static class Admin
    {
        public const string Id = "densai-admin";
        public static readonly Target UserManagement = Button("admin-user-management", "ユーザ情報管理");
    }

    /// <summary>ユーザ情報管理: [変更] [登録・解除] [更新] [電子証明書管理].</summary>
    public static class UserManagement
    {
        public const string Id = "user-management";
        public static readonly Target Change = Button("users-menu-permissions", "変更");
        public static readonly Target Registration = Button("users-menu-registration", "登録・解除");
        public static readonly Target Update = Button("users-menu-update", "更新");
        public static readonly Target CertificateManagement = Button("users-menu-certificates", "電子証明書管理");
        public static readonly Target CertificateManagementDialog = Text("users-certificates-dialog", "電子証明書管理の確認");
        public static readonly Target CertificateManagementOk = Button("users-certificates-ok", "OK");
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
        public static readonly Target SearchLoginId = Field("perm-search-login-id", "ログインID");
        public static readonly Target SearchUserName = Field("perm-search-user-name", "ユーザ名");
        public static readonly Target Search = Button("perm-search", "検索");
        public static readonly Target Results = Text("perm-results", "検索結果");
        public static readonly Target NoResults = Text("perm-no-results", "該当するユーザがない旨のお知らせ");
        public static readonly Target TargetLoginId = Text("perm-target-login-id", "対象ユーザのログインID");
        public static readonly Target ToConfirm = Button("perm-to-confirm", "変更内容の確認へ");
        public static readonly Target FormError = Text("perm-form-error", "権限のエラー");
        public static readonly Target Error = Text("perm-error", "エラーメッセージ");
        public static readonly Target InitialApproval = Field("perm-initial-approval", "初期承認パスワード");
        public static readonly Target InitialApprovalConfirm = Field("perm-initial-approval-confirm", "初期承認パスワード（確認用）");
        public static readonly Target InitialApprovalError = Text("perm-initial-approval-error", "初期承認パスワードのエラー");
        public static readonly Target InitialApprovalConfirmError = Text("perm-initial-approval-confirm-error", "初期承認パスワード（確認用）のエラー");
        public static readonly Target InitialToConfirm = Button("perm-initial-to-confirm", "変更内容の確認へ");
        public static readonly Target ApprovalPassword = Field("perm-approval-password", "承認パスワード");
        public static readonly Target ApprovalPasswordError = Text("perm-approval-password-error", "承認パスワードのエラー");
        public static readonly Target Execute = Button("perm-execute", "変更の実行");
        public static readonly Target DoneMessage = Text("perm-done-message", "変更完了のメッセージ");
        public static readonly Target BackToTop = Button("perm-done-top", "トップへ戻る");

        public static Target Row(string loginId) => Text("perm-row-" + loginId, $"検索結果の {loginId} の行");

        public static Target ChangeUser(string loginId) => Button("perm-edit-" + loginId, "変更") with { Description = $"{loginId} の［変更］ボタン" };

        public static Target Use(string business) => Target.ByTestId("perm-use-" + business, $"{business} の「利用」");

        public static Target Clerk(string business) => Target.ByTestId("perm-clerk-" + business, $"{business} の「担当者」");

        public static Target Approver(string business) => Target.ByTestId("perm-approver-" + business, $"{business} の「承認者」");

        public static Target Account(int accountId) => Target.ByTestId("perm-account-" + accountId, $"口座 {accountId}");

        /// <summary>権限リスト cell: 〇 granted, － not granted; role "use", "clerk" or "approver".</summary>
        public static Target ListMark(string business, string role) => Text($"perm-list-{business}-{role}", $"権限リストの {business} {role}");

        public static Target GrantedAccount(int accountId) => Text("perm-accounts-" + accountId, $"口座権限付与リストの口座 {accountId}");
    }

    /// <summary>ユーザ登録・解除 and ユーザ新規登録 (input, confirmation, completion).</summary>
    public static class Registration
    {
        public const string SearchId = "registration-search";
        public const string NewId = "registration-new";
        public const string ConfirmId = "registration-confirm";
        public const string CompleteId = "registration-complete";
        public static readonly Target New = Button("reg-new", "新規登録");
        public static readonly Target LoginIdPrefix = Text("reg-login-id-prefix", "ログインIDの「d-」");
        public static readonly Target LoginId = Field("reg-login-id", "ログインID");
        public static readonly Target UserName = Field("reg-user-name", "ユーザ名");
        public static readonly Target Email = Field("reg-email", "メールアドレス");
        public static readonly Target EmailConfirm = Field("reg-email-confirm", "メールアドレス（確認用）");
        public static readonly Target Password = Field("reg-password", "初回ログインパスワード");
        public static readonly Target PasswordConfirm = Field("reg-password-confirm", "初回ログインパスワード（確認用）");
        public static readonly Target ToConfirm = Button("reg-to-confirm", "確認");
        public static readonly Target LoginIdError = Text("reg-login-id-error", "ログインIDのエラー");
        public static readonly Target UserNameError = Text("reg-user-name-error", "ユーザ名のエラー");
        public static readonly Target EmailError = Text("reg-email-error", "メールアドレスのエラー");
        public static readonly Target EmailConfirmError = Text("reg-email-confirm-error", "メールアドレス（確認用）のエラー");
        public static readonly Target PasswordError = Text("reg-password-error", "初回ログインパスワードのエラー");
        public static readonly Target PasswordConfirmError = Text("reg-password-confirm-error", "初回ログインパスワード（確認用）のエラー");
        public static readonly Target Error = Text("reg-error", "エラーメッセージ");
        public static readonly Target ConfirmLoginId = Text("reg-confirm-login-id", "確認画面のログインID");
        public static readonly Target ConfirmUserName = Text("reg-confirm-user-name", "確認画面のユーザ名");
        public static readonly Target ConfirmEmail = Text("reg-confirm-email", "確認画面のメールアドレス");
        public static readonly Target ApprovalPassword = Field("reg-approval-password", "承認パスワード");
        public static readonly Target ApprovalPasswordError = Text("reg-approval-password-error", "承認パスワードのエラー");
        public static readonly Target Execute = Button("reg-execute", "実行");
        public static readonly Target DoneMessage = Text("reg-done-message", "登録完了のメッセージ");
        public static readonly Target DoneLoginId = Text("reg-done-login-id", "登録したログインID");
        public static readonly Target BackToTop = Button("reg-done-top", "トップへ戻る");
    }

    /// <summary>ユーザ更新: search (no criteria), confirmation with the pending users, completion.</summary>
    public static class UserUpdate
    {
        public const string SearchId = "update-search";
        public const string ConfirmId = "update-confirm";
        public const string CompleteId = "update-complete";
        public static readonly Target ToConfirm = Button("update-to-confirm", "ユーザ更新の確認へ");
        public static readonly Target List = Text("update-list", "更新するユーザの一覧");
        public static readonly Target Nothing = Text("update-nothing", "更新が必要なユーザがない旨のお知らせ");
        public static readonly Target ApprovalPassword = Field("update-approval-password", "承認パスワード");
        public static readonly Target ApprovalPasswordError = Text("update-approval-password-error", "承認パスワードのエラー");
        public static readonly Target Error = Text("update-error", "エラーメッセージ");
        public static readonly Target Execute = Button("update-execute", "ユーザ更新の実行");
        public static readonly Target DoneMessage = Text("update-done-message", "ユーザ更新完了のメッセージ");
        public static readonly Target BackToTop = Button("update-done-top", "トップへ戻る");

        public static Target Row(string loginId) => Text("update-row-" + loginId, $"更新一覧の {loginId} の行");

        public static Target Kind(string loginId) => Text("update-kind-" + loginId, $"{loginId} の更新内容");
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
        public static readonly Target CertificatesTab = Tab("useradmin-tab-certificates", "電子証明書管理");
        public static readonly Target CertificateManagement = Button("useradmin-certificate-management", "電子証明書管理") with { Description = "［電子証明書管理］" };
        public static readonly Target Next = Button("certmgmt-next", "次へ");
        public static readonly Target Error = Text("certmgmt-error", "エラーメッセージ");
        public static readonly Target TargetLoginId = Text("certmgmt-login-id", "対象ユーザのログインID");
        public static readonly Target Change = Button("certmgmt-change", "変更");
        public static readonly Target IssueOperation = Field("certmgmt-operation-issue", "電子証明書を発行する");
        public static readonly Target ConfirmOperation = Text("certmgmt-confirm-operation", "変更内容");
        public static readonly Target Commit = Button("certmgmt-commit", "確定");
        public static readonly Target DoneMessage = Text("certmgmt-done-message", "発行完了のメッセージ");
        public static readonly Target BackToManagement = Button("certmgmt-done-back", "電子証明書管理へ");

        public static Target SelectUser(string loginId) => Target.ByTestId("certmgmt-select-" + loginId, $"{loginId} の選択");

        public static Target State(string loginId) => Text("certmgmt-state-" + loginId, $"{loginId} の電子証明書の状態");
    }

    /// <summary>After the service window's [ログアウト]: the window to close.</summary>
    public static class DensaiLoggedOut
    {
        public const string Id = "densai-logged-out";
        public static readonly Target Message = Text("densai-logged-out-message", "ログアウトのお知らせ");
        public static readonly Target Close = Button("densai-logged-out-close", "閉じる");
        public static readonly Target CloseFallback = Text("densai-logged-out-fallback", "ウィンドウを閉じられなかった旨のお知らせ");
    }

    /// <summary>After サービス一覧's [ログアウト].</summary>
    public static class LoggedOut
    {
        public const string Id = "logged-out";
        public static readonly Target Message = Text("logged-out-message", "ログアウトのお知らせ");
        public static readonly Target Close = Button("logged-out-close", "閉じる");
        public static readonly Target CloseDialog = Text("logged-out-close-dialog", "ウィンドウを閉じる確認");
        public static readonly Target CloseYes = Button("logged-out-close-yes", "はい");
    }

    public static class SessionRequired
    {
        public const string Id = "session-required";
        public static readonly Target Message = Text("session-message", "ログインが必要な旨のお知らせ");
    }
}
