using System.Net;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>Manual chapter 2, 「マスターユーザが電子証明書を取得する」 steps 1–4: the public screens.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class PublicScreensTests : ServerFixture
{
    [Test]
    public async Task Homepage_leads_through_service_and_guide_to_the_login_screen()
    {
        using var client = new BrowserlessClient(Server);
        var home = await client.GetAsync(Server.PublicUrl);
        Assert.That(home.Screen, Is.EqualTo("home"));
        Assert.That(home.Text("screen-title"), Is.EqualTo("当金庫ホームページ"));

        var service = await client.GetAsync(new Uri(home.Url, home.Href("home-densai-service")));
        Assert.That(service.Screen, Is.EqualTo("service"));
        Assert.That(service.Text("screen-title"), Is.EqualTo("しんきん電子記録債権システムサービス"));

        var guide = await client.GetAsync(new Uri(service.Url, service.Href("service-guide")));
        Assert.That(guide.Screen, Is.EqualTo("guide"));
        Assert.That(guide.Text("guide-login"), Is.EqualTo("ログイン"));

        var login = await client.GetAsync(new Uri(guide.Url, guide.Href("guide-login")));
        Assert.That(login.Screen, Is.EqualTo("login"));
        Assert.That(login.Text("login-certificate-acquire"), Is.EqualTo("電子証明書取得"));
        Assert.That(login.Text("login-certificate-login"), Is.EqualTo("電子証明書ログイン"));
    }

    [Test]
    public async Task Certificate_login_button_points_at_the_client_certificate_origin()
    {
        using var client = new BrowserlessClient(Server);
        var login = await client.GetAsync(client.Public("/login"));
        var href = new Uri(login.Href("login-certificate-login")!);
        Assert.That(href.Port, Is.EqualTo(Server.CertificateUrl.Port));
        Assert.That(href.Scheme, Is.EqualTo("https"));
        Assert.That(href.AbsolutePath, Is.EqualTo("/certificate-login"));
        Assert.That(Server.CertificateUrl.Port, Is.Not.EqualTo(Server.PublicUrl.Port));
    }

    [Test]
    public async Task Certificate_acquisition_opens_in_its_own_window()
    {
        using var client = new BrowserlessClient(Server);
        var login = await client.GetAsync(client.Public("/login"));
        Assert.That(login.Element("login-certificate-acquire").GetAttribute("target"), Is.EqualTo("_blank"));
    }

    [Test]
    public async Task Public_screens_are_not_served_on_the_certificate_origin()
    {
        using var client = new BrowserlessClient(Server);
        var page = await client.GetAsync(client.Secure("/guide"));
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.NotFound));
        var backOffice = await client.GetAsync(client.Secure("/backoffice/login"));
        Assert.That(backOffice.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Customer_screens_are_not_served_on_the_public_origin()
    {
        using var client = new BrowserlessClient(Server);
        var page = await client.GetAsync(client.Public("/services"));
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Every_response_carries_csp_and_hardening_headers()
    {
        using var client = new BrowserlessClient(Server);
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, client.Public("/login")));
        var headers = response.Headers;
        Assert.That(headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'none'").And.Contain("frame-ancestors 'none'").And.Contain("script-src 'self'"));
        Assert.That(headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        Assert.That(headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        Assert.That(headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task Stylesheet_and_script_are_served_from_the_assembly()
    {
        using var client = new BrowserlessClient(Server);
        using var css = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, client.Public("/assets/site.css")));
        using var js = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, client.Secure("/assets/site.js")));
        Assert.That(css.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
        Assert.That(js.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await js.Content.ReadAsStringAsync(), Does.Contain("window.close"));
    }
}
