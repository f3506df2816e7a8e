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
}
