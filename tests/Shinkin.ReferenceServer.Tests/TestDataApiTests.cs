using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>The test-data API under parallel and failing requests: all or nothing, JSON answers.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class TestDataApiTests : ServerFixture
{
    [Test]
    public async Task Parallel_creations_of_one_login_id_give_one_user_and_json_409s()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        var path = $"/backoffice/api/companies/{notice.CompanyNumber}/users";
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Flows.PostApiAsync(Server, path, new { loginId = "d-twin0001", rights = "none", certificate = "pfx" }, Server.BackOfficeApiKey)));
        try
        {
            Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
            var refused = responses.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
            Assert.That(refused.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Conflict));
            foreach (var response in refused)
            {
                Assert.That(response.Content.Headers.ContentType?.MediaType, Does.EndWith("json"));
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.That(json.RootElement.GetProperty("detail").GetString(), Is.EqualTo("このログインIDは既に使用されています。"));
            }
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        var user = await db.Users.Include(u => u.Certificates).SingleAsync(u => u.LoginId == "d-twin0001");
        Assert.That(user.Certificates, Has.Count.EqualTo(1));
        Assert.That(await db.AuditEntries.CountAsync(a => a.Action == "user.create-direct" && a.Target == "d-twin0001"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_creation_that_fails_halfway_leaves_nothing_and_its_retry_succeeds()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        // The last write of the creation (its audit row) fails, as if the process died just before it.
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER fail_half_way BEFORE INSERT ON AuditEntries
                WHEN NEW.Action = 'user.create-direct' AND NEW.Target = 'd-half0001'
                BEGIN SELECT RAISE(ABORT, 'simulated crash'); END
                """);
        }

        var request = new CreateUserRequest { LoginId = "d-half0001", Certificate = "pfx" };
        Assert.That(async () => await Server.CreateUserAsync(notice.CompanyNumber, request), Throws.InstanceOf<DbUpdateException>());
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
            Assert.That(await db.Users.AnyAsync(u => u.LoginId == "d-half0001"), Is.False, "no user without its certificate and audit row");
            Assert.That(await db.Certificates.AnyAsync(c => c.User!.LoginId == "d-half0001"), Is.False);
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER fail_half_way");
        }

        var retried = await Server.CreateUserAsync(notice.CompanyNumber, request);
        Assert.That(retried.LoginId, Is.EqualTo("d-half0001"));
        Assert.That(retried.CertificatePfxBase64, Is.Not.Null);
    }

    [TestCase("certificate", "password-change")]
    [TestCase("password-changed", "approval-password")]
    [TestCase("approval-set", "densai-top")]
    [TestCase("ready", "densai-top")]
    public async Task A_master_state_starts_where_its_next_procedure_starts(string state, string serviceScreen)
    {
        var notice = await Server.OnboardCompanyAsync(new OnboardRequest
        {
            MasterState = state,
            MasterLoginPassword = Flows.MasterLoginPassword,
            MasterApprovalPassword = Flows.MasterApprovalPassword,
        });
        using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        using var client = new BrowserlessClient(Server, certificate);
        var changed = state != "certificate";

        var afterLogin = await Flows.CertificateLoginAsync(client, changed ? Flows.MasterLoginPassword : notice.InitialPassword);
        var service = changed ? await client.GetAsync(client.Secure("/densai")) : afterLogin;

        await using var scope = Server.Services.CreateAsyncScope();
        var master = await scope.ServiceProvider.GetRequiredService<ShinkinDbContext>().Users.SingleAsync(u => u.LoginId == notice.MasterLoginId);
        Assert.Multiple(() =>
        {
            Assert.That(afterLogin.Screen, Is.EqualTo(changed ? "services" : "password-change"));
            Assert.That(service.Screen, Is.EqualTo(serviceScreen));
            Assert.That(master.CertificateAcquisitionAllowed, Is.False, "the certificate is already obtained");
            Assert.That(master.PermissionsJson, state == "ready" ? Does.Contain(notice.Accounts[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : Is.EqualTo(Domain.PermissionSet.Empty.ToJson()));
        });
    }

    [Test]
    public async Task A_user_registered_on_the_screens_waits_for_the_update_and_a_set_up_user_goes_straight_to_the_top()
    {
        var notice = await Flows.OnboardReadyAsync(Server);
        var pending = await Server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest { Registration = "registered" });
        var setUp = await Server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest
        {
            Rights = "all",
            InitialApprovalPassword = "Shokai2468g",
            ApprovalPassword = "Shonin2468g",
            LoginPassword = "Ippan2468a",
            Certificate = "pfx",
        });
        using var certificate = Flows.LoadPfx(setUp.CertificatePfxBase64!, setUp.CertificatePassword!);
        using var client = new BrowserlessClient(Server, certificate);
        var services = await Flows.CertificateLoginAsync(client, "Ippan2468a");
        var top = await client.GetAsync(client.Secure("/densai"));

        await using var scope = Server.Services.CreateAsyncScope();
        var waiting = await scope.ServiceProvider.GetRequiredService<ShinkinDbContext>().Users.SingleAsync(u => u.LoginId == pending.LoginId);
        Assert.Multiple(() =>
        {
            Assert.That(waiting.Status, Is.EqualTo(UserStatus.Pending), "ユーザ更新 still to do");
            Assert.That(services.Screen, Is.EqualTo("services"), "no first-login password change");
            Assert.That(top.Screen, Is.EqualTo("densai-top"), "no approval password to set");
        });
    }

    [Test]
    public async Task A_user_waiting_for_the_update_can_have_nothing_the_update_would_grant()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        using var response = await Flows.PostApiAsync(
            Server, $"/backoffice/api/companies/{notice.CompanyNumber}/users", new { registration = "registered", certificate = "pfx" }, Server.BackOfficeApiKey);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(json.RootElement.GetProperty("field").GetString(), Is.EqualTo("registration"));
    }
}
