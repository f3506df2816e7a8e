using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;

namespace Shinkin.ReferenceServer.Tests.Support;

/// <summary>The manual's procedures, driven over HTTP; each returns where the user ends up.</summary>
public static class Flows
{
    public const string MasterLoginPassword = "Login123a";
    public const string MasterApprovalPassword = "Approve456b";

    public static Task<CompanyNotice> OnboardInitialAsync(RunningReferenceServer server) =>
        server.OnboardCompanyAsync(new OnboardRequest { MasterState = "initial" });

    public static Task<CompanyNotice> OnboardReadyAsync(RunningReferenceServer server) =>
        server.OnboardCompanyAsync(new OnboardRequest
        {
            MasterState = "ready",
            MasterLoginPassword = MasterLoginPassword,
            MasterApprovalPassword = MasterApprovalPassword,
        });

    public static X509Certificate2 LoadPfx(string base64, string password) =>
        X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(base64), password, X509KeyStorageFlags.Exportable);

    /// <summary>電子証明書取得 through its three screens; returns the certificate with its key.</summary>
    public static async Task<X509Certificate2> AcquireCertificateAsync(RunningReferenceServer server, string loginId, string password)
    {
        using var client = new BrowserlessClient(server);
        var input = await client.GetAsync(client.Public("/certificate/acquire"));
        var confirm = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = loginId, ["Password"] = password });
        Assert.That(confirm.Screen, Is.EqualTo("certificate-acquire-confirm"), confirm.Find("acquire-error")?.TextContent);
        var done = await client.SubmitAsync(confirm, "acquire-confirm-submit");
        Assert.That(done.Screen, Is.EqualTo("certificate-acquire-complete"));
        var pfxPassword = done.Text("acquire-pfx-password");
        var pfx = await client.GetBytesAsync(new Uri(done.Url, done.Href("acquire-web-access-yes")));
        return X509CertificateLoader.LoadPkcs12(pfx, pfxPassword, X509KeyStorageFlags.Exportable);
    }

    /// <summary>電子証明書ログイン with the password; returns the page after login.</summary>
    public static async Task<HtmlPage> CertificateLoginAsync(BrowserlessClient client, string password)
    {
        var login = await client.GetAsync(client.Secure("/certificate-login"));
        Assert.That(login.Screen, Is.EqualTo("certificate-login"), login.Find("cert-error")?.TextContent);
        return await client.SubmitAsync(login, "cert-login-submit", new Dictionary<string, string> { ["Password"] = password });
    }

    public static async Task<HtmlPage> ChangeLoginPasswordAsync(BrowserlessClient client, HtmlPage changeScreen, string current, string next) =>
        await client.SubmitAsync(changeScreen, "pwchange-submit", new Dictionary<string, string>
        {
            ["Current"] = current,
            ["New"] = next,
            ["Confirm"] = next,
        });

    /// <summary>A "ready" master logged in and inside the service window (top screen).</summary>
    public static async Task<(BrowserlessClient Client, CompanyNotice Notice, HtmlPage Top)> ReadyMasterAtTopAsync(RunningReferenceServer server)
    {
        var notice = await OnboardReadyAsync(server);
        var certificate = LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        var client = new BrowserlessClient(server, certificate);
        var services = await CertificateLoginAsync(client, MasterLoginPassword);
        Assert.That(services.Screen, Is.EqualTo("services"));
        var top = await client.GetAsync(client.Secure("/densai"));
        Assert.That(top.Screen, Is.EqualTo("densai-top"));
        return (client, notice, top);
    }

    /// <summary>A general user through ユーザ更新 with a certificate already obtained.</summary>
    public static async Task<(CreatedUser User, X509Certificate2 Certificate)> GeneralUserWithCertificateAsync(
        RunningReferenceServer server, CompanyNotice notice, string rights = "none", string? initialApprovalPassword = null)
    {
        var user = await server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest
        {
            Rights = rights,
            InitialApprovalPassword = initialApprovalPassword,
            Certificate = "pfx",
        });
        return (user, LoadPfx(user.CertificatePfxBase64!, user.CertificatePassword!));
    }

    /// <summary>First login of a general user: login, forced change, サービス一覧.</summary>
    public static async Task<HtmlPage> FirstLoginAsync(BrowserlessClient client, CreatedUser user, string newPassword)
    {
        var change = await CertificateLoginAsync(client, user.InitialPassword);
        Assert.That(change.Screen, Is.EqualTo("password-change"));
        var services = await ChangeLoginPasswordAsync(client, change, user.InitialPassword, newPassword);
        Assert.That(services.Screen, Is.EqualTo("services"), services.Html);
        return services;
    }

    public static async Task<HttpResponseMessage> PostApiAsync(RunningReferenceServer server, string path, object body, string? key = null)
    {
        using var client = new BrowserlessClient(server);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.PublicUrl, path)) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-BackOffice-Key", key);
        }

        return await client.SendAsync(request);
    }
}
