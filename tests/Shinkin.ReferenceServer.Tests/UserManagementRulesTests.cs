using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>Permissions, registration, ユーザ更新, approval confirmation, concurrency, logout.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class UserManagementRulesTests : ServerFixture
{
    [Test]
    public async Task Changed_rights_take_effect_only_after_logging_in_again()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var (user, certificate) = await Flows.GeneralUserWithCertificateAsync(Server, notice);
        using var general = new BrowserlessClient(Server, certificate);
        await Flows.FirstLoginAsync(general, user, "Second45");
        var before = await general.GetAsync(general.Secure("/densai"));
        Assert.That(before.Screen, Is.EqualTo("densai-top"));
        Assert.That(before.Has("tab-transfer"), Is.False);

        await GrantAsync(master, user.LoginId, notice, clerk: ["transfer"]);

        var sameSession = await general.GetAsync(general.Secure("/densai/top"));
        Assert.That(sameSession.Has("tab-transfer"), Is.False, "not before logging in again");
        Assert.That((await general.GetAsync(general.Secure("/densai/tab/transfer"))).Screen, Is.EqualTo("densai-forbidden"));

        await Flows.CertificateLoginAsync(general, "Second45");
        var after = await general.GetAsync(general.Secure("/densai"));
        Assert.That(after.Screen, Is.EqualTo("densai-top"), "担当者 only: no approval password, straight to the top screen");
        Assert.That(after.Has("tab-transfer"), Is.True);
        var tab = await general.GetAsync(general.Secure("/densai/tab/transfer"));
        Assert.That(tab.Has("business-transfer-clerk"), Is.True);
        Assert.That(tab.Has("business-transfer-approver"), Is.False);
    }

    [Test]
    public async Task Wrong_master_approval_password_changes_nothing()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var user = await Server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest());
        var edit = await master.GetAsync(master.Secure("/densai/admin/users/permissions/edit?loginId=" + user.LoginId));
        BrowserlessClient.SetChecked(edit, "Use", ["inquiry"]);
        BrowserlessClient.SetChecked(edit, "Accounts", [notice.Accounts[0].Id.ToString(CultureInfo.InvariantCulture)]);
        var confirm = await master.SubmitAsync(edit, "perm-to-confirm");
        var refused = await master.SubmitAsync(confirm, "perm-execute", new Dictionary<string, string> { ["ApprovalPassword"] = "Wrong9999" });
        Assert.That(refused.Screen, Is.EqualTo("permissions-confirm"));
        Assert.That(refused.Text("perm-approval-password-error"), Is.EqualTo("承認パスワードが正しくありません。"));
        var reloaded = await master.GetAsync(master.Secure("/densai/admin/users/permissions/edit?loginId=" + user.LoginId));
        Assert.That(reloaded.Element("perm-use-inquiry").HasAttribute("checked"), Is.False);
    }

    [Test]
    public async Task Approval_password_locks_after_six_wrong_entries()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var form = await master.GetAsync(master.Secure("/densai/admin/users/registration/new"));
        var confirm = await master.SubmitAsync(form, "reg-to-confirm", Registration("lockme01"));
        HtmlPage page = confirm;
        for (var i = 0; i < 6; i++)
        {
            page = await master.SubmitAsync(confirm, "reg-execute", new Dictionary<string, string> { ["ApprovalPassword"] = "Wrong9999" });
            if (i < 5)
            {
                Assert.That(page.Text("reg-approval-password-error"), Is.EqualTo("承認パスワードが正しくありません。"), $"attempt {i + 1} does not lock");
            }
        }

        Assert.That(page.Text("reg-approval-password-error"), Does.Contain("ロック"));
        page = await master.SubmitAsync(confirm, "reg-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword });
        Assert.That(page.Text("reg-approval-password-error"), Does.Contain("ロック"), "even the right password is refused now");
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        Assert.That(await db.Users.AnyAsync(u => u.LoginId == "d-lockme01"), Is.False);
    }

    [TestCase("abc", "LoginIdBody", "reg-login-id-error", "6文字以上12文字以内", TestName = "Registration refuses a login ID shorter than 6")]
    [TestCase("abcdefghijklm", "LoginIdBody", "reg-login-id-error", "6文字以上12文字以内", TestName = "Registration refuses a login ID longer than 12")]
    [TestCase("abc-def", "LoginIdBody", "reg-login-id-error", "半角英数字", TestName = "Registration refuses a login ID with a symbol")]
    [TestCase("12345", "Password", "reg-password-error", "6文字以上12文字以内", TestName = "Registration refuses an initial password shorter than 6")]
    [TestCase("Ａｂｃ１２３", "Password", "reg-password-error", "半角英数字", TestName = "Registration refuses a full-width initial password")]
    [TestCase("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれ", "UserName", "reg-user-name-error", "40文字以内", TestName = "Registration refuses a user name longer than 40")]
    [TestCase("mail@example", "EmailConfirm", "reg-email-confirm-error", "一致しません", TestName = "Registration refuses different email confirmation")]
    [TestCase("ｍａｉｌ@example.com", "Email", "reg-email-error", "半角", TestName = "Registration refuses a full-width email")]
    [TestCase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.com", "Email", "reg-email-error", "128文字以内", TestName = "Registration refuses an email longer than 128")]
    [TestCase("First124", "PasswordConfirm", "reg-password-confirm-error", "一致しません", TestName = "Registration refuses different initial password confirmation")]
    public async Task Registration_rules(string value, string field, string errorTestId, string expected)
    {
        var (master, _, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var form = await master.GetAsync(master.Secure("/densai/admin/users/registration/new"));
        var fields = Registration("okuser" + Random.Shared.Next(100, 999));
        fields[field] = value;
        if (field == "Password")
        {
            fields["PasswordConfirm"] = value;
        }

        if (field == "Email")
        {
            fields["EmailConfirm"] = value;
        }

        var page = await master.SubmitAsync(form, "reg-to-confirm", fields);
        Assert.That(page.Screen, Is.EqualTo("registration-new"));
        Assert.That(page.Text(errorTestId), Does.Contain(expected));
        Assert.That(page.Element("reg-user-name").GetAttribute("value"), Is.EqualTo(fields["UserName"]), "typed input is kept");
        Assert.That(page.Element("reg-password").GetAttribute("value"), Is.Null.Or.Empty, "passwords are not echoed");
    }

    [Test]
    public async Task Forty_character_user_name_and_128_character_email_are_accepted()
    {
        var (master, _, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var form = await master.GetAsync(master.Secure("/densai/admin/users/registration/new"));
        var fields = Registration("limits" + Random.Shared.Next(100, 999));
        fields["UserName"] = new string('漢', 40);
        var email = new string('a', 116) + "@example.com";
        fields["Email"] = email;
        fields["EmailConfirm"] = email;
        var page = await master.SubmitAsync(form, "reg-to-confirm", fields);
        Assert.That(page.Screen, Is.EqualTo("registration-confirm"));
    }

    [Test]
    public async Task Duplicate_login_id_is_refused()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var form = await master.GetAsync(master.Secure("/densai/admin/users/registration/new"));
        var fields = Registration(notice.MasterLoginId[2..]);
        var page = await master.SubmitAsync(form, "reg-to-confirm", fields);
        Assert.That(page.Text("reg-login-id-error"), Does.Contain("既に使用されています"));
    }

    [Test]
    public async Task Deletion_takes_effect_at_user_update()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var (user, certificate) = await Flows.GeneralUserWithCertificateAsync(Server, notice);
        var change = await master.GetAsync(master.Secure($"/densai/admin/users/registration/change?loginId={user.LoginId}&kind=delete"));
        var done = await master.SubmitAsync(change, "regchange-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword });
        Assert.That(done.Screen, Is.EqualTo("delete-complete"));

        using var general = new BrowserlessClient(Server, certificate);
        Assert.That((await general.GetAsync(general.Secure("/certificate-login"))).Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("UserUnavailable"));

        var update = await master.GetAsync(master.Secure("/densai/admin/users/update"));
        var confirm = await master.SubmitAsync(update, "update-to-confirm");
        Assert.That(confirm.Text($"update-kind-{user.LoginId}"), Is.EqualTo("解除"));
        await master.SubmitAsync(confirm, "update-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword });
        Assert.That((await general.GetAsync(general.Secure("/certificate-login"))).Element("cert-error").GetAttribute("data-reason"), Is.EqualTo("Revoked"));
        var search = await master.GetAsync(master.Secure("/densai/admin/users/permissions?search=1"));
        Assert.That(search.Has($"perm-row-{user.LoginId}"), Is.False);
    }

    [Test]
    public async Task Search_matches_prefixes_of_login_id_or_user_name()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var alpha = await Server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest { LoginId = "d-alpha" + Random.Shared.Next(100, 999), UserName = "山田 花子" });
        var beta = await Server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest { LoginId = "d-beta" + Random.Shared.Next(100, 999), UserName = "佐藤 一郎" });
        var byId = await master.GetAsync(master.Secure("/densai/admin/users/permissions?search=1&loginId=d-alp"));
        Assert.That(byId.Has($"perm-row-{alpha.LoginId}"), Is.True);
        Assert.That(byId.Has($"perm-row-{beta.LoginId}"), Is.False);
        var byName = await master.GetAsync(master.Secure("/densai/admin/users/permissions?search=1&userName=" + Uri.EscapeDataString("佐藤")));
        Assert.That(byName.Has($"perm-row-{beta.LoginId}"), Is.True);
        Assert.That(byName.Has($"perm-row-{alpha.LoginId}"), Is.False);
        var middle = await master.GetAsync(master.Secure("/densai/admin/users/permissions?search=1&userName=" + Uri.EscapeDataString("花子")));
        Assert.That(middle.Has($"perm-row-{alpha.LoginId}"), Is.False, "prefix, not substring");
    }

    [Test]
    public async Task Two_concurrent_edits_of_one_user_do_not_lose_an_update()
    {
        var notice = await Flows.OnboardReadyAsync(Server);
        var user = await Server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest());
        using var first = await LoggedInMasterAsync(notice);
        using var second = await LoggedInMasterAsync(notice);
        var path = "/densai/admin/users/permissions/edit?loginId=" + user.LoginId;
        var editA = await first.GetAsync(first.Secure(path));
        var editB = await second.GetAsync(second.Secure(path));
        var account = notice.Accounts[0].Id.ToString(CultureInfo.InvariantCulture);

        BrowserlessClient.SetChecked(editA, "Use", ["inquiry"]);
        BrowserlessClient.SetChecked(editA, "Accounts", [account]);
        var confirmA = await first.SubmitAsync(editA, "perm-to-confirm");
        BrowserlessClient.SetChecked(editB, "Use", ["history"]);
        BrowserlessClient.SetChecked(editB, "Accounts", [account]);
        var confirmB = await second.SubmitAsync(editB, "perm-to-confirm");

        var doneA = await first.SubmitAsync(confirmA, "perm-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword });
        Assert.That(doneA.Screen, Is.EqualTo("permissions-complete"));
        var refusedB = await second.SubmitAsync(confirmB, "perm-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword });
        Assert.That(refusedB.Text("perm-error"), Does.Contain("他の操作により更新されています"));

        var current = await first.GetAsync(first.Secure(path));
        Assert.That(current.Element("perm-use-inquiry").HasAttribute("checked"), Is.True);
        Assert.That(current.Element("perm-use-history").HasAttribute("checked"), Is.False);
    }

    [Test]
    public async Task Post_without_antiforgery_token_is_rejected()
    {
        var notice = await Flows.OnboardReadyAsync(Server);
        using var master = await LoggedInMasterAsync(notice);
        using var response = await master.PostRawAsync(master.Secure("/logout"), new Dictionary<string, string>());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await master.GetAsync(master.Secure("/services"))).Screen, Is.EqualTo("services"), "still logged in");

        using var anonymous = new BrowserlessClient(Server);
        using var acquire = await anonymous.PostRawAsync(anonymous.Public("/certificate/acquire"), new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = "x" });
        Assert.That(acquire.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Logout_takes_two_steps()
    {
        var (master, _, top) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        Assert.That(top.Text("densai-logout"), Is.EqualTo("ログアウト"));
        Assert.That(top.Text("densai-logout-ok"), Is.EqualTo("OK"));
        var serviceOut = await master.SubmitAsync(top, "densai-logout");
        Assert.That(serviceOut.Screen, Is.EqualTo("densai-logged-out"));
        Assert.That(serviceOut.Text("densai-logged-out-close"), Is.EqualTo("閉じる"));
        Assert.That((await master.GetAsync(master.Secure("/densai/top"))).Screen, Is.EqualTo("densai-logged-out"), "the service window is logged out");

        var services = await master.GetAsync(master.Secure("/services"));
        Assert.That(services.Screen, Is.EqualTo("services"), "サービス一覧 is still logged in");
        var loggedOut = await master.SubmitAsync(services, "services-logout");
        Assert.That(loggedOut.Screen, Is.EqualTo("logged-out"));
        Assert.That(loggedOut.Text("logged-out-close"), Is.EqualTo("閉じる"));
        Assert.That(loggedOut.Text("logged-out-close-yes"), Is.EqualTo("はい"));
        Assert.That((await master.GetAsync(master.Secure("/services"))).Screen, Is.EqualTo("session-required"));
    }

    [Test]
    public async Task Every_change_leaves_an_audit_row_with_actor_and_session()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var user = await Server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest());
        await GrantAsync(master, user.LoginId, notice, use: ["inquiry"]);
        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "user.permissions-changed" && a.Target == user.LoginId);
        Assert.That(entry.Actor, Is.EqualTo(notice.MasterLoginId));
        Assert.That(entry.SessionRef, Is.Not.Null.And.Length.EqualTo(12));
        Assert.That(await db.AuditEntries.AnyAsync(a => a.Action == "login" && a.Actor == notice.MasterLoginId), Is.True);
    }

    [Test]
    public async Task Passwords_are_stored_only_as_pbkdf2_sha512_hashes()
    {
        var dir = TestServers.NewDataDirectory();
        await using (var server = await ReferenceServerHost.StartAsync(new ReferenceServerOptions { DataDirectory = dir }))
        {
            var notice = await server.OnboardCompanyAsync(new OnboardRequest());
            await using var scope = server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
            var master = await db.Users.SingleAsync(u => u.LoginId == notice.MasterLoginId);
            Assert.That(master.LoginPasswordHash, Does.StartWith("pbkdf2-sha512$210000$"));
            Assert.That(master.LoginPasswordHash, Does.Not.Contain(notice.InitialPassword));
        }

        TestServers.DeleteQuietly(dir);
    }

    private static Dictionary<string, string> Registration(string body) => new()
    {
        ["LoginIdBody"] = body,
        ["UserName"] = "一般 花子",
        ["Email"] = "hanako@example.com",
        ["EmailConfirm"] = "hanako@example.com",
        ["Password"] = "First123",
        ["PasswordConfirm"] = "First123",
    };

    private async Task<BrowserlessClient> LoggedInMasterAsync(CompanyNotice notice)
    {
        var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        var client = new BrowserlessClient(Server, certificate);
        Assert.That((await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword)).Screen, Is.EqualTo("services"));
        await client.GetAsync(client.Secure("/densai"));
        return client;
    }

    private static async Task GrantAsync(BrowserlessClient master, string loginId, CompanyNotice notice, string[]? use = null, string[]? clerk = null)
    {
        var edit = await master.GetAsync(master.Secure("/densai/admin/users/permissions/edit?loginId=" + loginId));
        BrowserlessClient.SetChecked(edit, "Use", use ?? []);
        BrowserlessClient.SetChecked(edit, "Clerk", clerk ?? []);
        BrowserlessClient.SetChecked(edit, "Accounts", [notice.Accounts[0].Id.ToString(CultureInfo.InvariantCulture)]);
        var confirm = await master.SubmitAsync(edit, "perm-to-confirm");
        Assert.That(confirm.Screen, Is.EqualTo("permissions-confirm"));
        var done = await master.SubmitAsync(confirm, "perm-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword });
        Assert.That(done.Screen, Is.EqualTo("permissions-complete"));
    }
}
