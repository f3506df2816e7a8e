using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>
/// Manual chapter 1 (Cookie): login needs cookies. A browser that blocks them is told so in Japanese
/// on the login screens, and nothing it submitted is processed.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class CookieRulesTests : ServerFixture
{
    private const string CookieMessage = "Cookie（クッキー）が無効になっています。マニュアル「1 事前準備」の手順で Cookie を許可してください。";
    private const string ProbeCookie = "__Host-shinkin-cookie-check";

    [Test]
    public async Task Certificate_acquisition_without_cookies_says_so_and_changes_nothing()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        using var blocked = new BrowserlessClient(Server, keepCookies: false);
        var input = await blocked.GetAsync(blocked.Public("/certificate/acquire"));
        Assert.That(input.Screen, Is.EqualTo("certificate-acquire"));

        var right = new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = notice.InitialPassword };
        var page = await blocked.SubmitAsync(input, "acquire-submit", right);
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page.Screen, Is.EqualTo("cookie-required"));
        Assert.That(page.Text("cookie-required"), Is.EqualTo(CookieMessage));
        Assert.That(page.Href("cookie-required-back"), Is.EqualTo("/certificate/acquire"));

        var wrong = new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = "Wrong1234" };
        for (var i = 0; i < 6; i++)
        {
            Assert.That((await blocked.SubmitAsync(input, "acquire-submit", wrong)).Screen, Is.EqualTo("cookie-required"));
        }

        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
            var master = await db.Users.SingleAsync(u => u.LoginId == notice.MasterLoginId);
            Assert.That(master.FailedLoginCount, Is.Zero, "refused attempts are not counted");
            Assert.That(master.LoginLockedAt, Is.Null);
            Assert.That(await db.CertificateAcquisitions.AnyAsync(a => a.UserId == master.Id), Is.False);
            Assert.That(await db.AuditEntries.AnyAsync(a => a.Target == notice.MasterLoginId), Is.False);
        }

        using var allowed = new BrowserlessClient(Server);
        var again = await allowed.GetAsync(allowed.Public("/certificate/acquire"));
        var confirm = await allowed.SubmitAsync(again, "acquire-submit", right);
        Assert.That(confirm.Screen, Is.EqualTo("certificate-acquire-confirm"), "with cookies the same input goes through");
    }

    [Test]
    public async Task Certificate_login_without_cookies_says_so_and_opens_no_session()
    {
        var notice = await Flows.OnboardReadyAsync(Server);
        using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        using var blocked = new BrowserlessClient(Server, certificate, keepCookies: false);
        var page = await Flows.CertificateLoginAsync(blocked, Flows.MasterLoginPassword);
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page.Screen, Is.EqualTo("cookie-required"));
        Assert.That(page.Text("cookie-required"), Is.EqualTo(CookieMessage));
        Assert.That(page.Href("cookie-required-back"), Is.EqualTo("/certificate-login"));

        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
            var master = await db.Users.SingleAsync(u => u.LoginId == notice.MasterLoginId);
            Assert.That(await db.CustomerSessions.AnyAsync(s => s.UserId == master.Id), Is.False, "no session was opened");
            Assert.That(await db.AuditEntries.AnyAsync(a => a.Action == "login" && a.Actor == notice.MasterLoginId), Is.False);
        }

        using var allowed = new BrowserlessClient(Server, certificate);
        Assert.That((await Flows.CertificateLoginAsync(allowed, Flows.MasterLoginPassword)).Screen, Is.EqualTo("services"));
    }

    [Test]
    public async Task Back_office_login_without_cookies_says_so()
    {
        using var blocked = new BrowserlessClient(Server, keepCookies: false);
        var login = await blocked.GetAsync(blocked.Public("/backoffice/login"));
        var page = await blocked.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = TestServers.StaffId, ["Password"] = TestServers.StaffPassword });
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page.Text("cookie-required"), Is.EqualTo(CookieMessage));
    }

    [Test]
    public async Task Post_with_cookies_but_without_a_token_stays_a_plain_400()
    {
        using var client = new BrowserlessClient(Server);
        await client.GetAsync(client.Public("/certificate/acquire"));
        using var response = await client.PostRawAsync(client.Public("/certificate/acquire"), new Dictionary<string, string> { ["LoginId"] = "d-nobody1", ["Password"] = "x" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var screen = await ScreenOfAsync(response);
        Assert.That(screen, Is.EqualTo("status-400"), "cookies came back: this is a forged or broken request, not blocked cookies");
    }

    [Test]
    public async Task A_browser_restart_that_dropped_the_session_cookies_is_not_taken_for_blocked_cookies()
    {
        using var client = new BrowserlessClient(Server);
        var input = await client.GetAsync(client.Public("/certificate/acquire"));
        foreach (Cookie cookie in client.Cookies.GetCookies(Server.PublicUrl))
        {
            // Only the persistent probe survives a restart; the antiforgery cookie is session-only.
            if (cookie.Name != ProbeCookie)
            {
                cookie.Expired = true;
            }
        }

        Assert.That(client.Cookies.GetCookies(Server.PublicUrl).Select(c => c.Name), Is.EqualTo(new[] { ProbeCookie }));
        var page = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = "d-nobody1", ["Password"] = "x" });
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(page.Screen, Is.EqualTo("status-400"));
        Assert.That(page.Has("cookie-required"), Is.False);
    }

    [TestCase("public", "/login")]
    [TestCase("public", "/certificate/acquire")]
    [TestCase("public", "/backoffice/login")]
    [TestCase("certificate", "/certificate-login")]
    public async Task Login_screens_hand_out_the_probe_cookie_and_carry_the_script_hint(string origin, string path)
    {
        // The certificate login form is shown only to a presented certificate.
        var notice = origin == "public" ? null : await Flows.OnboardReadyAsync(Server);
        using var certificate = notice is null ? null : Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        using var client = new BrowserlessClient(Server, certificate, keepCookies: false);
        var url = origin == "public" ? client.Public(path) : client.Secure(path);
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var probe = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ProbeCookie + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.That(probe, Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/").And.Contain("max-age="));
        Assert.That(probe, Does.Not.Contain("domain="));

        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var hint = document.QuerySelector("[data-testid='cookie-required-hint']");
        Assert.That(hint, Is.Not.Null, "site.js shows it when the browser cannot keep cookies");
        Assert.That(hint!.HasAttribute("hidden"), Is.True, "hidden unless the browser reports cookies blocked");
        Assert.That(hint.TextContent.Trim(), Is.EqualTo(CookieMessage));
    }

    [Test]
    public async Task Script_reveals_the_hint_when_the_browser_blocks_cookies()
    {
        using var client = new BrowserlessClient(Server);
        using var js = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, client.Public("/assets/site.js")));
        var script = await js.Content.ReadAsStringAsync();
        Assert.That(script, Does.Contain("navigator.cookieEnabled").And.Contain("document.cookie").And.Contain("data-cookie-hint"));
    }

    private static async Task<string?> ScreenOfAsync(HttpResponseMessage response)
    {
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("main[data-screen]")?.GetAttribute("data-screen");
    }
}
