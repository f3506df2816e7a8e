using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>Each certificate rejection gets its own Japanese screen; the session is bound to its certificate.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class CertificateRulesTests
{
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);
    private RunningReferenceServer _server = null!;
    private string _dir = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _dir = TestServers.NewDataDirectory();
        _server = await TestServers.StartAsync(_dir, time: _time);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _server.DisposeAsync();
        TestServers.DeleteQuietly(_dir);
    }

    [Test]
    public async Task Missing_certificate_gets_an_error_screen_not_a_tls_failure()
    {
        using var client = new BrowserlessClient(_server);
        var page = await client.GetAsync(client.Secure("/certificate-login"));
        Assert.That(page.Screen, Is.EqualTo("certificate-error"));
        Assert.That(page.Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("Missing"));
        Assert.That(page.Text("cert-error"), Does.Contain("電子証明書が選択されていません"));
    }

    [Test]
    public async Task Foreign_certificate_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=d-m10000001", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var certificate = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pkcs12, "x"), "x");
        using var client = new BrowserlessClient(_server, certificate);
        var page = await client.GetAsync(client.Secure("/certificate-login"));
        Assert.That(page.Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("Foreign"));
        Assert.That(page.Text("cert-error"), Does.Contain("当金庫が発行したものではない"));
    }

    [Test]
    public async Task Certificate_from_the_ca_that_is_not_on_record_is_refused()
    {
        var notice = await Flows.OnboardReadyAsync(_server);
        var ca = _server.Services.GetRequiredService<CertificateAuthority>();
        var now = _time.GetUtcNow();
        using var issued = ca.IssueClientCertificate(notice.MasterLoginId, notice.CompanyNumber, now.AddMinutes(-5), now.AddDays(30));
        using var certificate = X509CertificateLoader.LoadPkcs12(issued.Export(X509ContentType.Pkcs12, "x"), "x");
        using var client = new BrowserlessClient(_server, certificate);
        var page = await client.GetAsync(client.Secure("/certificate-login"));
        Assert.That(page.Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("Unknown"), "a subject naming the master is not enough");
        Assert.That(page.Text("cert-error"), Does.Contain("登録されていない"));
    }

    [Test]
    public async Task Certificate_before_its_validity_is_refused()
    {
        var notice = await Flows.OnboardReadyAsync(_server);
        using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        using var client = new BrowserlessClient(_server, certificate);
        _time.Advance(TimeSpan.FromDays(-1));
        try
        {
            var page = await client.GetAsync(client.Secure("/certificate-login"));
            Assert.That(page.Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("NotYetValid"));
            Assert.That(page.Text("cert-error"), Does.Contain("まだ有効期間になっていない"));
        }
        finally
        {
            _time.Advance(TimeSpan.FromDays(1));
        }

        Assert.That((await client.GetAsync(client.Secure("/certificate-login"))).Screen, Is.EqualTo("certificate-login"));
    }

    [Test]
    public async Task Revoked_certificate_is_refused_and_ends_the_session()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(_server);
        using var __ = master;
        var (user, certificate) = await Flows.GeneralUserWithCertificateAsync(_server, notice);
        using var general = new BrowserlessClient(_server, certificate);
        await Flows.FirstLoginAsync(general, user, "Second45");

        var selected = await master.GetAsync(master.Secure("/useradmin/certificates/user?loginId=" + user.LoginId));
        var confirm = await master.SubmitAsync(selected, "certmgmt-change", new Dictionary<string, string> { ["Operation"] = "revoke" });
        Assert.That(confirm.Text("certmgmt-confirm-operation"), Is.EqualTo("電子証明書の失効"));
        var done = await master.SubmitAsync(confirm, "certmgmt-commit");
        Assert.That(done.Screen, Is.EqualTo("certificate-complete"));

        var page = await general.GetAsync(general.Secure("/services"));
        Assert.That(page.Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("Revoked"));
        Assert.That(page.Text("cert-error"), Does.Contain("失効"));
        var login = await general.GetAsync(general.Secure("/certificate-login"));
        Assert.That(login.Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("Revoked"));
    }

    [Test]
    public async Task Replaced_certificate_is_refused()
    {
        var notice = await Flows.OnboardReadyAsync(_server);
        var (user, oldCertificate) = await Flows.GeneralUserWithCertificateAsync(_server, notice);
        using var ___ = oldCertificate;

        // The master issues again for the same user, who obtains a new certificate.
        var (master, _, _) = await LoginReadyMasterAsync(notice);
        using var ____ = master;
        var selected = await master.GetAsync(master.Secure("/useradmin/certificates/user?loginId=" + user.LoginId));
        var confirm = await master.SubmitAsync(selected, "certmgmt-change");
        await master.SubmitAsync(confirm, "certmgmt-commit");
        using var newCertificate = await Flows.AcquireCertificateAsync(_server, user.LoginId, user.InitialPassword);

        using var old = new BrowserlessClient(_server, oldCertificate);
        var page = await old.GetAsync(old.Secure("/certificate-login"));
        Assert.That(page.Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("Replaced"));
        using var current = new BrowserlessClient(_server, newCertificate);
        Assert.That((await current.GetAsync(current.Secure("/certificate-login"))).Screen, Is.EqualTo("certificate-login"));
    }

    [Test]
    public async Task Another_users_certificate_cannot_ride_on_a_session()
    {
        var notice = await Flows.OnboardReadyAsync(_server);
        using var masterCertificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        var (_, otherCertificate) = await Flows.GeneralUserWithCertificateAsync(_server, notice);
        using var ____ = otherCertificate;
        var cookies = new CookieContainer();
        using var master = new BrowserlessClient(_server, masterCertificate, cookies: cookies);
        Assert.That((await Flows.CertificateLoginAsync(master, Flows.MasterLoginPassword)).Screen, Is.EqualTo("services"));

        using var intruder = new BrowserlessClient(_server, otherCertificate, cookies: cookies);
        var page = await intruder.GetAsync(intruder.Secure("/services"));
        Assert.That(page.Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("OtherUser"));
        Assert.That((await master.GetAsync(master.Secure("/services"))).Screen, Is.EqualTo("session-required"), "the session was ended");
    }

    [Test]
    public async Task General_user_cannot_obtain_a_certificate_before_the_master_issues_one()
    {
        var notice = await Flows.OnboardReadyAsync(_server);
        var user = await _server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest());
        using var client = new BrowserlessClient(_server);
        var input = await client.GetAsync(client.Public("/certificate/acquire"));
        var page = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = user.LoginId, ["Password"] = user.InitialPassword });
        Assert.That(page.Element("acquire-error").GetAttribute("data-reason"), Is.EqualTo("not-issued"));
        Assert.That(page.Text("acquire-error"), Does.Contain("マスターユーザに電子証明書の発行を依頼"));
    }

    [Test]
    public async Task Certificate_download_works_once()
    {
        var notice = await Flows.OnboardInitialAsync(_server);
        using var client = new BrowserlessClient(_server);
        var input = await client.GetAsync(client.Public("/certificate/acquire"));
        var confirm = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = notice.InitialPassword });
        var done = await client.SubmitAsync(confirm, "acquire-confirm-submit");
        var url = new Uri(done.Url, done.Href("acquire-web-access-yes"));
        Assert.That(await client.GetBytesAsync(url), Is.Not.Empty);
        using var second = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(done.Text("acquire-close"), Is.EqualTo("このウィンドウを閉じる"));
    }

    private async Task<(BrowserlessClient Client, CompanyNotice Notice, HtmlPage Services)> LoginReadyMasterAsync(CompanyNotice notice)
    {
        var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        var client = new BrowserlessClient(_server, certificate);
        var services = await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
        await client.GetAsync(client.Secure("/densai"));
        return (client, notice, services);
    }
}

/// <summary>Time-dependent rules, each on its own server and clock.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class TimeRulesTests
{
    [Test]
    public async Task Expired_certificate_is_refused()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir, time: time))
        {
            var notice = await Flows.OnboardReadyAsync(server);
            using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
            using var client = new BrowserlessClient(server, certificate);
            time.Advance(TimeSpan.FromDays(366));
            var page = await client.GetAsync(client.Secure("/certificate-login"));
            Assert.That(page.Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("Expired"));
            Assert.That(page.Text("cert-error"), Does.Contain("有効期限"));
        }

        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task Idle_session_times_out()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir, time: time))
        {
            var notice = await Flows.OnboardReadyAsync(server);
            using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
            using var client = new BrowserlessClient(server, certificate);
            await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
            time.Advance(TimeSpan.FromMinutes(19));
            Assert.That((await client.GetAsync(client.Secure("/services"))).Screen, Is.EqualTo("services"));
            time.Advance(TimeSpan.FromMinutes(21));
            var page = await client.GetAsync(client.Secure("/services"));
            Assert.That(page.Screen, Is.EqualTo("session-timeout"));
            Assert.That(page.Text("session-message"), Does.Contain("一定時間操作がなかった"));
            Assert.That((await client.GetAsync(client.Secure("/services"))).Screen, Is.EqualTo("session-required"), "the session stays ended");
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
            Assert.That(await db.AuditEntries.AnyAsync(a => a.Action == "session.timeout" && a.Actor == notice.MasterLoginId), Is.True);
        }

        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task Approval_password_warns_before_and_forces_a_change_after_expiry()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir, time: time))
        {
            var notice = await Flows.OnboardReadyAsync(server);
            using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
            using var client = new BrowserlessClient(server, certificate);

            time.Advance(TimeSpan.FromDays(170));
            var services = await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
            Assert.That(services.Text("services-approval-warning"), Does.Contain("有効期限"));
            Assert.That((await client.GetAsync(client.Secure("/densai"))).Screen, Is.EqualTo("densai-top"), "a warning does not block");

            time.Advance(TimeSpan.FromDays(11));
            await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
            var forced = await client.GetAsync(client.Secure("/densai"));
            Assert.That(forced.Screen, Is.EqualTo("approval-password"));
            Assert.That(forced.Element("approval-reason").GetAttribute("data-mode"), Is.EqualTo("expired"));
            Assert.That((await client.GetAsync(client.Secure("/densai/top"))).Screen, Is.EqualTo("approval-password"), "no way around it");
            var done = await client.SubmitAsync(forced, "approval-submit", new Dictionary<string, string>
            {
                ["Current"] = Flows.MasterApprovalPassword,
                ["New"] = "Fresh2025",
                ["Confirm"] = "Fresh2025",
            });
            Assert.That(done.Screen, Is.EqualTo("approval-password-complete"));
            Assert.That((await client.GetAsync(client.Secure("/densai/top"))).Screen, Is.EqualTo("densai-top"));
        }

        TestServers.DeleteQuietly(dir);
    }
}
