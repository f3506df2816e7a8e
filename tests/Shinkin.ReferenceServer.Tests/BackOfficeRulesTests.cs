using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>The bank back office: 電子証明書再発行 for a master, staff session timeout, staff lockout.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class BackOfficeRulesTests
{
    private const string StaffId = TestServers.StaffId;
    private const string StaffPassword = TestServers.StaffPassword;

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
    public async Task Certificate_reissue_lets_the_master_obtain_a_new_certificate_that_replaces_the_old_one()
    {
        var notice = await Flows.OnboardReadyAsync(_server);
        using var oldCertificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);

        var before = await TryAcquireAsync(_server, notice.MasterLoginId, Flows.MasterLoginPassword);
        Assert.That(before.Element("acquire-error").GetAttribute("data-reason"), Is.EqualTo("already-obtained"));
        Assert.That(before.Text("acquire-error"), Does.Contain("当金庫に電子証明書の再発行"));

        using var staff = await StaffLoginAsync(_server);
        var company = await staff.GetAsync(staff.Public("/backoffice/companies/" + notice.CompanyNumber));
        Assert.That(company.Text("backoffice-reissue-master-certificate"), Is.EqualTo("電子証明書再発行"));
        var reissued = await staff.SubmitAsync(company, "backoffice-reissue-master-certificate");
        Assert.That(reissued.Text("backoffice-company-message"), Does.Contain("再発行しました"));

        using var newCertificate = await Flows.AcquireCertificateAsync(_server, notice.MasterLoginId, Flows.MasterLoginPassword);
        Assert.That(newCertificate.Thumbprint, Is.Not.EqualTo(oldCertificate.Thumbprint));

        using var old = new BrowserlessClient(_server, oldCertificate);
        var refused = await old.GetAsync(old.Secure("/certificate-login"));
        Assert.That(refused.Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("Replaced"));
        Assert.That(refused.Text("cert-error"), Does.Contain("新しい電子証明書に置き換えられた"));

        using var current = new BrowserlessClient(_server, newCertificate);
        Assert.That((await Flows.CertificateLoginAsync(current, Flows.MasterLoginPassword)).Screen, Is.EqualTo("services"));

        var once = await TryAcquireAsync(_server, notice.MasterLoginId, Flows.MasterLoginPassword);
        Assert.That(once.Element("acquire-error").GetAttribute("data-reason"), Is.EqualTo("already-obtained"), "one reissue, one certificate");

        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "master.certificate-reissue" && a.Target == notice.MasterLoginId);
        Assert.That(entry.Actor, Is.EqualTo("staff:" + StaffId));
        Assert.That(entry.SessionRef, Is.Not.Null);
    }

    [Test]
    public async Task Staff_session_times_out_after_the_idle_limit_and_a_late_post_changes_nothing()
    {
        var notice = await Flows.OnboardReadyAsync(_server);
        await LockMasterAsync(notice);
        using var staff = await StaffLoginAsync(_server);
        var company = await staff.GetAsync(staff.Public("/backoffice/companies/" + notice.CompanyNumber));
        Assert.That(company.Text($"backoffice-user-login-state-{notice.MasterLoginId}"), Is.EqualTo("ロック中"));

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.That((await staff.GetAsync(staff.Public("/backoffice"))).Screen, Is.EqualTo("backoffice-companies"), "29 idle minutes are fine");

        _time.Advance(TimeSpan.FromMinutes(31));
        var late = await staff.SubmitAsync(company, "backoffice-unlock-master");
        Assert.That(late.Screen, Is.EqualTo("backoffice-login"));
        Assert.That(late.Text("backoffice-login-message"), Does.Contain("一定時間操作がなかったため"));
        Assert.That((await staff.GetAsync(staff.Public("/backoffice"))).Screen, Is.EqualTo("backoffice-login"), "the session stays ended");

        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        var master = await db.Users.SingleAsync(u => u.LoginId == notice.MasterLoginId);
        Assert.That(master.LoginLockedAt, Is.Not.Null, "the unlock after the timeout did not happen");
        Assert.That(await db.AuditEntries.AnyAsync(a => a.Action == "master.unlock" && a.Target == notice.MasterLoginId), Is.False);
        Assert.That(await db.AuditEntries.AnyAsync(a => a.Action == "staff.session-timeout"), Is.True);
    }

    [Test]
    public async Task Staff_login_locks_at_the_sixth_consecutive_failure_and_unlocks_after_the_lockout_period()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir, time: time))
        {
            using var client = new BrowserlessClient(server);
            var login = await client.GetAsync(client.Public("/backoffice/login"));
            var wrong = new Dictionary<string, string> { ["StaffId"] = StaffId, ["Password"] = "Wrong-pass1" };
            var right = new Dictionary<string, string> { ["StaffId"] = StaffId, ["Password"] = StaffPassword };
            for (var i = 0; i < 5; i++)
            {
                var page = await client.SubmitAsync(login, "backoffice-login-submit", wrong);
                Assert.That(page.Element("backoffice-login-error").GetAttribute("data-reason"), Is.EqualTo("credentials"), $"attempt {i + 1}");
            }

            Assert.That((await client.SubmitAsync(login, "backoffice-login-submit", right)).Screen, Is.EqualTo("backoffice-companies"), "five failures do not lock; success resets the count");

            HtmlPage last = login;
            for (var i = 0; i < 6; i++)
            {
                last = await client.SubmitAsync(login, "backoffice-login-submit", wrong);
            }

            Assert.That(last.Element("backoffice-login-error").GetAttribute("data-reason"), Is.EqualTo("credentials"), "the sixth failure locks, but says no more than an unknown ID would");
            var refused = await client.SubmitAsync(login, "backoffice-login-submit", right);
            Assert.That(refused.Screen, Is.EqualTo("backoffice-login"));
            Assert.That(refused.Text("backoffice-login-error"), Does.Contain("ロック"));
            var wrongWhileLocked = await client.SubmitAsync(login, "backoffice-login-submit", wrong);
            Assert.That(wrongWhileLocked.Element("backoffice-login-error").GetAttribute("data-reason"), Is.EqualTo("credentials"), "only the right password learns about the lock");

            time.Advance(TimeSpan.FromMinutes(29));
            Assert.That((await client.SubmitAsync(login, "backoffice-login-submit", right)).Screen, Is.EqualTo("backoffice-login"), "still locked");
            time.Advance(TimeSpan.FromMinutes(1));
            Assert.That((await client.SubmitAsync(login, "backoffice-login-submit", right)).Screen, Is.EqualTo("backoffice-companies"));

            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
            var actions = await db.AuditEntries.Where(a => a.Action.StartsWith("staff.")).Select(a => a.Action).ToListAsync();
            Assert.That(actions, Has.Member("staff.locked").And.Member("staff.login-refused").And.Member("staff.unlocked").And.Member("staff.login-failed"));
            Assert.That(actions.Count(a => a == "staff.locked"), Is.EqualTo(1));
        }

        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task Staff_lockout_count_comes_from_configuration_and_unknown_ids_lock_nothing()
    {
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir, new Dictionary<string, string?> { ["BackOffice:LockoutThreshold"] = "2" }))
        {
            using var client = new BrowserlessClient(server);
            var login = await client.GetAsync(client.Public("/backoffice/login"));
            for (var i = 0; i < 5; i++)
            {
                await client.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = "someone-else", ["Password"] = "x" });
            }

            var right = new Dictionary<string, string> { ["StaffId"] = StaffId, ["Password"] = StaffPassword };
            Assert.That((await client.SubmitAsync(login, "backoffice-login-submit", right)).Screen, Is.EqualTo("backoffice-companies"));

            var wrong = new Dictionary<string, string> { ["StaffId"] = StaffId, ["Password"] = "nope" };
            Assert.That((await client.SubmitAsync(login, "backoffice-login-submit", wrong)).Element("backoffice-login-error").GetAttribute("data-reason"), Is.EqualTo("credentials"));
            Assert.That((await client.SubmitAsync(login, "backoffice-login-submit", wrong)).Element("backoffice-login-error").GetAttribute("data-reason"), Is.EqualTo("credentials"), "locking says nothing");
            Assert.That((await client.SubmitAsync(login, "backoffice-login-submit", right)).Element("backoffice-login-error").GetAttribute("data-reason"), Is.EqualTo("locked"));
        }

        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task The_failure_that_locks_a_staff_id_reads_like_an_unknown_id()
    {
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir))
        {
            using var client = new BrowserlessClient(server);
            var login = await client.GetAsync(client.Public("/backoffice/login"));
            var unknown = await client.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = "nobody", ["Password"] = "Wrong-pass1" });
            HtmlPage last = login;
            for (var i = 0; i < 6; i++)
            {
                last = await client.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = StaffId, ["Password"] = "Wrong-pass1" });
            }

            Assert.That(last.Text("backoffice-login-error"), Is.EqualTo(unknown.Text("backoffice-login-error")));
            Assert.That(last.Element("backoffice-login-error").GetAttribute("data-reason"), Is.EqualTo(unknown.Element("backoffice-login-error").GetAttribute("data-reason")));
        }

        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task An_unknown_staff_id_of_any_length_is_audited_truncated()
    {
        using var client = new BrowserlessClient(_server);
        var login = await client.GetAsync(client.Public("/backoffice/login"));
        var huge = "x" + new string('長', 20_000);
        var page = await client.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = huge, ["Password"] = "nope" });
        Assert.That(page.Element("backoffice-login-error").GetAttribute("data-reason"), Is.EqualTo("credentials"));
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        var targets = await db.AuditEntries.Where(a => a.Action == "staff.login-failed" && a.Actor == "staff:?").Select(a => a.Target).ToListAsync();
        var entry = targets.Single(t => t!.StartsWith("x長", StringComparison.Ordinal));
        Assert.That(entry!.Length, Is.LessThanOrEqualTo(64));
        Assert.That(entry, Does.StartWith("x" + new string('長', 40)));
    }

    private static async Task<BrowserlessClient> StaffLoginAsync(RunningReferenceServer server)
    {
        var staff = new BrowserlessClient(server);
        var login = await staff.GetAsync(staff.Public("/backoffice/login"));
        var list = await staff.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = StaffId, ["Password"] = StaffPassword });
        Assert.That(list.Screen, Is.EqualTo("backoffice-companies"));
        return staff;
    }

    private static async Task<HtmlPage> TryAcquireAsync(RunningReferenceServer server, string loginId, string password)
    {
        using var client = new BrowserlessClient(server);
        var input = await client.GetAsync(client.Public("/certificate/acquire"));
        return await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = loginId, ["Password"] = password });
    }

    private async Task LockMasterAsync(CompanyNotice notice)
    {
        for (var i = 0; i < 6; i++)
        {
            await TryAcquireAsync(_server, notice.MasterLoginId, "Wrong1234");
        }
    }
}
