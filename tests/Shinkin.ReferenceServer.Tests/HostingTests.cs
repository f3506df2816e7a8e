using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>Persistence, TLS, the test-data API and the separation of back office and customers.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class HostingTests
{
    [Test]
    public async Task Data_ca_and_certificates_survive_a_restart()
    {
        var dir = TestServers.NewDataDirectory();
        CompanyNotice notice;
        string spki;
        await using (var first = await TestServers.StartAsync(dir))
        {
            notice = await Flows.OnboardReadyAsync(first);
            spki = first.CaSpkiSha256Base64;
        }

        await using (var second = await TestServers.StartAsync(dir))
        {
            Assert.That(second.CaSpkiSha256Base64.Split(',')[0], Is.EqualTo(spki.Split(',')[0]), "the CA is reused");
            using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
            using var client = new BrowserlessClient(second, certificate);
            var services = await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
            Assert.That(services.Screen, Is.EqualTo("services"));
            var next = await Flows.OnboardInitialAsync(second);
            Assert.That(next.CompanyNumber, Is.Not.EqualTo(notice.CompanyNumber));
        }

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(Path.Combine(dir, "pki", "ca.key.pem"));
            Assert.That(mode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), "the CA key is private");
        }

        Assert.That(File.Exists(Path.Combine(dir, "shinkin.db")), Is.True);
        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task Database_runs_in_wal_mode()
    {
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir))
        {
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.ShinkinDbContext>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("wal"));
        }

        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task Tls_below_1_2_is_not_offered()
    {
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir))
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(server.PublicUrl.Host, server.PublicUrl.Port);
            await using var ssl = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1" });
            Assert.That(ssl.SslProtocol, Is.EqualTo(SslProtocols.Tls13).Or.EqualTo(SslProtocols.Tls12));
            using var served = new System.Security.Cryptography.X509Certificates.X509Certificate2(ssl.RemoteCertificate!);
            var servedPin = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(served.PublicKey.ExportSubjectPublicKeyInfo()));
            Assert.That(server.CaSpkiSha256Base64.Split(','), Has.Member(servedPin), "the Chromium pin list matches what is served");

#pragma warning disable SYSLIB0039 // TLS 1.1 on purpose: the server must refuse it.
            using var old = new TcpClient();
            await old.ConnectAsync(server.PublicUrl.Host, server.PublicUrl.Port);
            await using var oldSsl = new SslStream(old.GetStream(), false, (_, _, _, _) => true);
            Assert.That(
                async () => await oldSsl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1", EnabledSslProtocols = SslProtocols.Tls11 }),
                Throws.InstanceOf<Exception>());
#pragma warning restore SYSLIB0039
        }

        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task Test_data_api_requires_the_key_and_hands_out_unique_companies()
    {
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir))
        {
            using (var refused = await Flows.PostApiAsync(server, "/backoffice/api/companies", new { masterState = "initial" }))
            {
                Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            }

            using (var wrong = await Flows.PostApiAsync(server, "/backoffice/api/companies", new { masterState = "initial" }, "not-the-key"))
            {
                Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            }

            using (var bad = await Flows.PostApiAsync(server, "/backoffice/api/companies", new { masterState = "ready", masterLoginPassword = "short", masterApprovalPassword = "Approve1" }, server.BackOfficeApiKey))
            {
                Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            }

            var tasks = Enumerable.Range(0, 8).Select(async _ =>
            {
                using var response = await Flows.PostApiAsync(server, "/backoffice/api/companies", new { masterState = "initial" }, server.BackOfficeApiKey);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                return (await response.Content.ReadFromJsonAsync<CompanyNotice>())!;
            });
            var notices = await Task.WhenAll(tasks);
            Assert.That(notices.Select(n => n.CompanyNumber).Distinct().Count(), Is.EqualTo(8));
            Assert.That(notices.Select(n => n.MasterLoginId).Distinct().Count(), Is.EqualTo(8));
            Assert.That(notices.All(n => n.MasterLoginId.StartsWith("d-", StringComparison.Ordinal) && n.Accounts.Count == 2), Is.True);
        }

        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task Back_office_and_customer_sessions_do_not_open_each_others_doors()
    {
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir))
        {
            var notice = await Flows.OnboardReadyAsync(server);
            using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
            var cookies = new CookieContainer();
            using var client = new BrowserlessClient(server, certificate, cookies: cookies);
            await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
            var backOffice = await client.GetAsync(client.Public("/backoffice"));
            Assert.That(backOffice.Screen, Is.EqualTo("backoffice-login"), "a customer session is no staff session");

            var login = await client.GetAsync(client.Public("/backoffice/login"));
            var wrongStaff = await client.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = TestServers.StaffId, ["Password"] = "nope" });
            Assert.That(wrongStaff.Text("backoffice-login-error"), Does.Contain("正しくありません"));
            var staffList = await client.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = TestServers.StaffId, ["Password"] = TestServers.StaffPassword });
            Assert.That(staffList.Screen, Is.EqualTo("backoffice-companies"));

            using var staffOnly = new BrowserlessClient(server, cookies: new CookieContainer());
            foreach (var cookie in cookies.GetCookies(server.PublicUrl).Where(c => c.Name == "__Host-shinkin-staff"))
            {
                staffOnly.Cookies.Add(cookie);
            }

            Assert.That((await staffOnly.GetAsync(staffOnly.Public("/backoffice"))).Screen, Is.EqualTo("backoffice-companies"));
            Assert.That((await staffOnly.GetAsync(staffOnly.Secure("/services"))).Screen, Is.Not.EqualTo("services"), "a staff session is no customer session");
        }

        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task Back_office_registers_a_company_and_shows_the_notice_once()
    {
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir))
        {
            using var staff = new BrowserlessClient(server);
            var login = await staff.GetAsync(staff.Public("/backoffice/login"));
            var list = await staff.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = TestServers.StaffId, ["Password"] = TestServers.StaffPassword });
            var form = await staff.GetAsync(new Uri(list.Url, list.Href("backoffice-new-company")));
            var empty = await staff.SubmitAsync(form, "backoffice-register", new Dictionary<string, string> { ["CompanyName"] = "" });
            Assert.That(empty.Text("backoffice-company-name-error"), Does.Contain("入力してください"));
            var notice = await staff.SubmitAsync(form, "backoffice-register", new Dictionary<string, string>
            {
                ["CompanyName"] = "しんきん商事株式会社",
                ["Accounts[0].AccountNumber"] = "1234567",
                ["Accounts[1].AccountNumber"] = "7654321",
            });
            Assert.That(notice.Screen, Is.EqualTo("backoffice-notice"), notice.Html);
            var loginId = notice.Text("notice-login-id");
            var password = notice.Text("notice-initial-password");
            Assert.That(loginId, Does.StartWith("d-"));
            using var certificate = await Flows.AcquireCertificateAsync(server, loginId, password);
            Assert.That(certificate.HasPrivateKey, Is.True);
            var detail = await staff.GetAsync(staff.Public("/backoffice/companies/" + notice.Text("notice-company-number")));
            Assert.That(detail.Html, Does.Not.Contain(password), "the initial password is shown only once");
        }

        TestServers.DeleteQuietly(dir);
    }
}
