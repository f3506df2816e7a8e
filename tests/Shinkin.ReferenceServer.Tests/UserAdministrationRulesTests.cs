using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>ロック解除 by the master, who may do what (master only, own company only), and refusals that change nothing.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class UserAdministrationRulesTests : ServerFixture
{
    [Test]
    public async Task Master_unlocks_a_locked_general_user_with_the_approval_password()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var (user, certificate) = await Flows.GeneralUserWithCertificateAsync(Server, notice);
        using var _c = certificate;
        using var general = new BrowserlessClient(Server, certificate);
        for (var i = 0; i < 6; i++)
        {
            await Flows.CertificateLoginAsync(general, "Wrong1234");
        }

        var locked = await Flows.CertificateLoginAsync(general, user.InitialPassword);
        Assert.That(locked.Element("cert-login-error").GetAttribute("data-reason"), Is.EqualTo("locked"));
        Assert.That(locked.Text("cert-login-error"), Does.Contain("マスターユーザにロック解除を依頼"));

        var search = await master.GetAsync(master.Secure("/densai/admin/users/registration?search=1"));
        Assert.That(search.Text($"reg-lock-{user.LoginId}"), Is.EqualTo("ロック中"));
        Assert.That(search.Text($"reg-unlock-{user.LoginId}"), Is.EqualTo("ロック解除"));
        Assert.That(search.Has($"reg-unlock-{notice.MasterLoginId}"), Is.False, "the bank unlocks a master");

        var confirm = await master.GetAsync(new Uri(search.Url, search.Href($"reg-unlock-{user.LoginId}")));
        Assert.That(confirm.Screen, Is.EqualTo("unlock-confirm"));
        Assert.That(confirm.Text("regchange-login-id"), Is.EqualTo(user.LoginId));

        var refused = await master.SubmitAsync(confirm, "regchange-execute", new Dictionary<string, string> { ["ApprovalPassword"] = "Wrong9999" });
        Assert.That(refused.Screen, Is.EqualTo("unlock-confirm"));
        Assert.That(refused.Text("regchange-approval-password-error"), Is.EqualTo("承認パスワードが正しくありません。"));
        Assert.That((await Flows.CertificateLoginAsync(general, user.InitialPassword)).Element("cert-login-error").GetAttribute("data-reason"), Is.EqualTo("locked"), "a refused unlock changes nothing");

        var done = await master.SubmitAsync(refused, "regchange-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword });
        Assert.That(done.Screen, Is.EqualTo("unlock-complete"));
        Assert.That(done.Text("reg-done-message"), Is.EqualTo("ロックを解除しました。"));
        Assert.That(done.Text("reg-done-top"), Is.EqualTo("トップへ戻る"));

        var after = await master.GetAsync(master.Secure("/densai/admin/users/registration?search=1"));
        Assert.That(after.Has($"reg-unlock-{user.LoginId}"), Is.False);
        Assert.That(after.Text($"reg-lock-{user.LoginId}"), Is.Empty);
        Assert.That((await Flows.CertificateLoginAsync(general, user.InitialPassword)).Screen, Is.EqualTo("password-change"), "the user logs in again");

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "user.unlocked" && a.Target == user.LoginId);
        Assert.That(entry.Actor, Is.EqualTo(notice.MasterLoginId));
        Assert.That(entry.SessionRef, Is.Not.Null);
    }

    [Test]
    public async Task Users_of_another_company_are_out_of_reach()
    {
        var (master, _, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var other = await Flows.OnboardReadyAsync(Server);
        var stranger = await Server.CreateUserAsync(other.CompanyNumber, new CreateUserRequest());
        var id = Uri.EscapeDataString(stranger.LoginId);

        var search = await master.GetAsync(master.Secure("/densai/admin/users/permissions?search=1"));
        Assert.That(search.Has($"perm-row-{stranger.LoginId}"), Is.False);
        Assert.That((await master.GetAsync(master.Secure("/densai/admin/users/permissions/edit?loginId=" + id))).Screen, Is.EqualTo("permissions-search"));
        Assert.That((await master.GetAsync(master.Secure($"/densai/admin/users/registration/change?loginId={id}&kind=delete"))).Screen, Is.EqualTo("registration-search"));
        Assert.That((await master.GetAsync(master.Secure("/useradmin/certificates/user?loginId=" + id))).Screen, Is.EqualTo("certificate-manage"));

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        var target = await db.Users.SingleAsync(u => u.LoginId == stranger.LoginId);
        Assert.That(target.Status, Is.EqualTo(UserStatus.Active));
        Assert.That(target.CertificateAcquisitionAllowed, Is.False);
    }

    [Test]
    public async Task General_users_cannot_reach_the_masters_screens()
    {
        var notice = await Flows.OnboardReadyAsync(Server);
        var (user, certificate) = await Flows.GeneralUserWithCertificateAsync(Server, notice, rights: "all", initialApprovalPassword: "Init0001");
        using var _c = certificate;
        using var general = new BrowserlessClient(Server, certificate);
        await Flows.FirstLoginAsync(general, user, "Second45");
        var approval = await general.GetAsync(general.Secure("/densai"));
        await general.SubmitAsync(approval, "approval-submit", new Dictionary<string, string> { ["Current"] = "Init0001", ["New"] = "Mine0001", ["Confirm"] = "Mine0001" });
        var top = await general.GetAsync(general.Secure("/densai/top"));
        Assert.That(top.Screen, Is.EqualTo("densai-top"));

        var admin = await general.GetAsync(general.Secure("/densai/admin"));
        Assert.That(admin.Has("admin-user-management"), Is.False, "ユーザ情報管理 is the master's");
        foreach (var path in new[] { "/densai/admin/users", "/densai/admin/users/permissions", "/densai/admin/users/registration/new", "/densai/admin/users/update" })
        {
            Assert.That((await general.GetAsync(general.Secure(path))).Screen, Is.EqualTo("densai-forbidden"), path);
        }

        var certificates = await general.GetAsync(general.Secure("/useradmin/certificates/manage"));
        Assert.That(certificates.Screen, Is.Not.EqualTo("certificate-manage"), "電子証明書管理 is the master's");
    }

    [Test]
    public async Task Rights_without_an_account_are_refused_and_change_nothing()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var user = await Server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest());
        var edit = await master.GetAsync(master.Secure("/densai/admin/users/permissions/edit?loginId=" + user.LoginId));
        BrowserlessClient.SetChecked(edit, "Use", ["inquiry"]);
        BrowserlessClient.SetChecked(edit, "Accounts", []);
        var refused = await master.SubmitAsync(edit, "perm-to-confirm");
        Assert.That(refused.Screen, Is.EqualTo("permissions-edit"));
        Assert.That(refused.Text("perm-form-error"), Does.Contain("口座を1つ以上選択"));
        Assert.That(refused.Element("perm-use-inquiry").HasAttribute("checked"), Is.True, "what the master ticked is kept");
        var reloaded = await master.GetAsync(master.Secure("/densai/admin/users/permissions/edit?loginId=" + user.LoginId));
        Assert.That(reloaded.Element("perm-use-inquiry").HasAttribute("checked"), Is.False);
    }

    [TestCase("abc12", "perm-initial-approval-error", "6文字以上", TestName = "Initial approval password shorter than 6 is refused")]
    [TestCase("abcdefgh", "perm-initial-approval-error", "半角英字と半角数字", TestName = "Initial approval password without a digit is refused")]
    [TestCase("Init0001|Init0002", "perm-initial-approval-confirm-error", "一致しません", TestName = "Initial approval password confirmation must match")]
    public async Task Initial_approval_password_rules(string candidate, string errorTestId, string expected)
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var user = await Server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest());
        var edit = await master.GetAsync(master.Secure("/densai/admin/users/permissions/edit?loginId=" + user.LoginId));
        BrowserlessClient.SetChecked(edit, "Approver", ["transfer"]);
        BrowserlessClient.SetChecked(edit, "Accounts", [notice.Accounts[0].Id.ToString(CultureInfo.InvariantCulture)]);
        var initial = await master.SubmitAsync(edit, "perm-to-confirm");
        Assert.That(initial.Screen, Is.EqualTo("permissions-initial-approval"));
        var parts = candidate.Split('|');
        var page = await master.SubmitAsync(initial, "perm-initial-to-confirm", new Dictionary<string, string>
        {
            ["InitialApproval"] = parts[0],
            ["InitialApprovalConfirm"] = parts.Length > 1 ? parts[1] : parts[0],
        });
        Assert.That(page.Screen, Is.EqualTo("permissions-initial-approval"));
        Assert.That(page.Text(errorTestId), Does.Contain(expected));

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        var target = await db.Users.SingleAsync(u => u.LoginId == user.LoginId);
        Assert.That(target.ApprovalPasswordHash, Is.Null, "nothing changed");
        Assert.That(target.PermissionsJson, Does.Not.Contain("transfer"));
    }

    [Test]
    public async Task User_update_with_a_wrong_approval_password_changes_nothing()
    {
        var (master, _, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var loginId = "pend" + Random.Shared.Next(10000, 99999);
        var form = await master.GetAsync(master.Secure("/densai/admin/users/registration/new"));
        var confirm = await master.SubmitAsync(form, "reg-to-confirm", new Dictionary<string, string>
        {
            ["LoginIdBody"] = loginId,
            ["UserName"] = "保留 太郎",
            ["Email"] = "pending@example.com",
            ["EmailConfirm"] = "pending@example.com",
            ["Password"] = "First123",
            ["PasswordConfirm"] = "First123",
        });
        Assert.That((await master.SubmitAsync(confirm, "reg-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword })).Screen, Is.EqualTo("registration-complete"));

        var update = await master.GetAsync(master.Secure("/densai/admin/users/update"));
        var updateConfirm = await master.SubmitAsync(update, "update-to-confirm");
        var refused = await master.SubmitAsync(updateConfirm, "update-execute", new Dictionary<string, string> { ["ApprovalPassword"] = "Wrong9999" });
        Assert.That(refused.Screen, Is.EqualTo("update-confirm"));
        Assert.That(refused.Text("update-approval-password-error"), Is.EqualTo("承認パスワードが正しくありません。"));

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        Assert.That((await db.Users.SingleAsync(u => u.LoginId == "d-" + loginId)).Status, Is.EqualTo(UserStatus.Pending));
    }
}
