using Shinkin.Browsers;

namespace Shinkin.PageObjects;

/// <summary>
/// The one catalog of what the user sees: every screen's controls keyed in English, carrying the
/// manual's Japanese words as their description (which logs and reports show) and the screen's
/// stable test id. Page objects take their targets from here, never from scattered literals.
/// </summary>
public static class Ui
{
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
