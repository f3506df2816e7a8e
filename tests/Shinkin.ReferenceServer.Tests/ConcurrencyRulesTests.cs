using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>Parallel requests against one account: counters are exact, nothing answers 5xx.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class ConcurrencyRulesTests
{
    private const int Parallel = 12;

    private string dataDirectory = null!;

    private RunningReferenceServer Server { get; set; } = null!;

    /// <summary>The production hashing cost: checking a password takes as long as it does in the field, which is where the race was.</summary>
    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        dataDirectory = TestServers.NewDataDirectory();
        Server = await TestServers.StartAsync(dataDirectory, new Dictionary<string, string?> { ["Security:Pbkdf2Iterations"] = "210000" });
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        await Server.DisposeAsync();
        TestServers.DeleteQuietly(dataDirectory);
    }

    [Test]
    public async Task Parallel_wrong_login_passwords_lock_after_exactly_the_configured_count_without_5xx()
    {
        var notice = await Flows.OnboardReadyAsync(Server);
        using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        using var client = new BrowserlessClient(Server, certificate);
        var login = await client.GetAsync(client.Secure("/certificate-login"));

        var pages = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            client.SubmitAsync(login, "cert-login-submit", new Dictionary<string, string> { ["Password"] = "Wrong1234" })));

        Assert.That(pages.Select(p => (int)p.Status), Is.All.LessThan(500), "no 5xx");
        Assert.That(pages.Select(p => p.Screen), Is.All.EqualTo("certificate-login"));
        var user = await UserAsync(notice.MasterLoginId);
        Assert.That(user.LoginLockedAt, Is.Not.Null, "locked");
        Assert.That(user.FailedLoginCount, Is.EqualTo(6), "every failure up to the lock counted, none after");
        var actions = await AuditAsync(notice.MasterLoginId, "login-password.");
        Assert.That(actions.Count(a => a == "login-password.failed"), Is.EqualTo(5));
        Assert.That(actions.Count(a => a == "login-password.locked"), Is.EqualTo(1));
        var right = await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
        Assert.That(right.Element("cert-login-error").GetAttribute("data-reason"), Is.EqualTo("locked"), "even the right password is refused now");
    }

    [Test]
    public async Task Parallel_wrong_approval_passwords_lock_after_exactly_the_configured_count_without_5xx()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var form = await master.GetAsync(master.Secure("/densai/admin/users/registration/new"));
        var confirm = await master.SubmitAsync(form, "reg-to-confirm", new Dictionary<string, string>
        {
            ["LoginIdBody"] = "race0001",
            ["UserName"] = "並行 太郎",
            ["Email"] = "race@example.com",
            ["EmailConfirm"] = "race@example.com",
            ["Password"] = "First123",
            ["PasswordConfirm"] = "First123",
        });
        Assert.That(confirm.Screen, Is.EqualTo("registration-confirm"));

        var pages = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            master.SubmitAsync(confirm, "reg-execute", new Dictionary<string, string> { ["ApprovalPassword"] = "Wrong9999" })));

        Assert.That(pages.Select(p => (int)p.Status), Is.All.LessThan(500), "no 5xx");
        Assert.That(pages.Select(p => p.Screen), Is.All.EqualTo("registration-confirm"));
        var user = await UserAsync(notice.MasterLoginId);
        Assert.That(user.ApprovalLockedAt, Is.Not.Null, "locked");
        Assert.That(user.FailedApprovalCount, Is.EqualTo(6));
        var actions = await AuditAsync(notice.MasterLoginId, "approval-password.");
        Assert.That(actions.Count(a => a == "approval-password.failed"), Is.EqualTo(5));
        Assert.That(actions.Count(a => a == "approval-password.locked"), Is.EqualTo(1));
    }

    private async Task<CustomerUser> UserAsync(string loginId)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        return await db.Users.AsNoTracking().SingleAsync(u => u.LoginId == loginId);
    }

    private async Task<List<string>> AuditAsync(string loginId, string prefix)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        return await db.AuditEntries.Where(a => a.Target == loginId && a.Action.StartsWith(prefix)).Select(a => a.Action).ToListAsync();
    }
}
