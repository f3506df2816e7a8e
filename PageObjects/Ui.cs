using Shinkin.Browsers;

namespace Shinkin.PageObjects;

/// <summary>
/// The one catalog of what the user sees: every screen's controls keyed in English, carrying the
/// manual's Japanese words as their description (which logs and reports show) and the screen's
/// stable test id. Page objects take their targets from here, never from scattered literals.
/// </summary>
public static class Ui
{
    private static Target Button(string testId, string label) => Target.ByTestId(testId, $"［{label}］ボタン");

    private static Target Field(string testId, string label) => Target.ByTestId(testId, $"「{label}」欄");

    private static Target Text(string testId, string label) => Target.ByTestId(testId, label);

    public static Target Screen(string screenId) => Target.ByTestId($"screen-{screenId}", $"{screenId} 画面");

    public static readonly Target ScreenTitle = Text("screen-title", "画面タイトル");

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
        public static readonly Target CertificateAcquire = Button("login-certificate-acquire", "電子証明書取得");
        public static readonly Target CertificateLogin = Button("login-certificate-login", "電子証明書ログイン");
    }
}
