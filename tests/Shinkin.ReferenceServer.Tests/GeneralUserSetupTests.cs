namespace Shinkin.ReferenceServer.Tests;

/// <summary>Manual chapters 3 and 4: the master creates a general user, who then sets up and logs in.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class GeneralUserSetupTests : ServerFixture
{
    [Test]
    public async Task Master_creates_updates_entitles_and_issues_a_general_user_who_then_logs_in()
    {
        var (master, notice, top) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _ = master;
        var loginId = "d-clerk" + Random.Shared.Next(10000, 99999);

        // 新しく一般ユーザを作成する
        var admin = await master.GetAsync(new Uri(top.Url, top.Href("tab-admin")));
        var users = await master.GetAsync(new Uri(admin.Url, admin.Href("admin-user-management")));
        Assert.That(users.Text("users-menu-permissions"), Is.EqualTo("変更"));
        Assert.That(users.Text("users-menu-registration"), Is.EqualTo("登録・解除"));
        Assert.That(users.Text("users-menu-update"), Is.EqualTo("更新"));
        Assert.That(users.Text("users-menu-certificates"), Is.EqualTo("電子証明書管理"));
        var registration = await master.GetAsync(new Uri(users.Url, users.Href("users-menu-registration")));
        var form = await master.GetAsync(new Uri(registration.Url, registration.Href("reg-new")));
        Assert.That(form.Text("reg-login-id-prefix"), Is.EqualTo("d-"));
        var confirm = await master.SubmitAsync(form, "reg-to-confirm", new Dictionary<string, string>
        {
            ["LoginIdBody"] = loginId[2..],
            ["UserName"] = "一般 太郎",
            ["Email"] = "taro@example.com",
            ["EmailConfirm"] = "taro@example.com",
            ["Password"] = "First123",
            ["PasswordConfirm"] = "First123",
        });
        Assert.That(confirm.Screen, Is.EqualTo("registration-confirm"), confirm.Html);
        var registered = await master.SubmitAsync(confirm, "reg-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword });
        Assert.That(registered.Screen, Is.EqualTo("registration-complete"));
        Assert.That(registered.Text("reg-done-top"), Is.EqualTo("トップへ戻る"));

        // Before ユーザ更新 the user can obtain no certificate, and the screen says why.
        using (var anonymous = new BrowserlessClient(Server))
        {
            var acquire = await anonymous.GetAsync(anonymous.Public("/certificate/acquire"));
            var refused = await anonymous.SubmitAsync(acquire, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = loginId, ["Password"] = "First123" });
            Assert.That(refused.Element("acquire-error").GetAttribute("data-reason"), Is.EqualTo("pending-update"));
            Assert.That(refused.Text("acquire-error"), Does.Contain("ユーザ更新"));
        }

        // 一般ユーザを最新の状態にする
        var update = await master.GetAsync(master.Secure("/densai/admin/users/update"));
        var updateConfirm = await master.SubmitAsync(update, "update-to-confirm");
        Assert.That(updateConfirm.Screen, Is.EqualTo("update-confirm"));
        Assert.That(updateConfirm.Text($"update-kind-{loginId}"), Is.EqualTo("登録"));
        var updated = await master.SubmitAsync(updateConfirm, "update-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword });
        Assert.That(updated.Screen, Is.EqualTo("update-complete"));

        // 一般ユーザの取引権限を設定する (with a 承認者 right: initial approval password)
        var search = await master.GetAsync(master.Secure("/densai/admin/users/permissions"));
        var results = await master.SubmitAsync(search, "perm-search");
        Assert.That(results.Has($"perm-row-{notice.MasterLoginId}"), Is.True, "empty criteria list everyone");
        var edit = await master.GetAsync(new Uri(results.Url, results.Href($"perm-edit-{loginId}")));
        BrowserlessClient.SetChecked(edit, "Use", ["inquiry"]);
        BrowserlessClient.SetChecked(edit, "Clerk", ["transfer"]);
        BrowserlessClient.SetChecked(edit, "Approver", ["transfer"]);
        BrowserlessClient.SetChecked(edit, "Accounts", [notice.Accounts[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var initial = await master.SubmitAsync(edit, "perm-to-confirm");
        Assert.That(initial.Screen, Is.EqualTo("permissions-initial-approval"));
        var permConfirm = await master.SubmitAsync(initial, "perm-initial-to-confirm", new Dictionary<string, string> { ["InitialApproval"] = "Init0001", ["InitialApprovalConfirm"] = "Init0001" });
        Assert.That(permConfirm.Screen, Is.EqualTo("permissions-confirm"));
        Assert.That(permConfirm.Text("perm-list-transfer-approver"), Is.EqualTo("○"));
        Assert.That(permConfirm.Text("perm-list-batch-approver"), Is.Not.EqualTo("○"));
        var permDone = await master.SubmitAsync(permConfirm, "perm-execute", new Dictionary<string, string> { ["ApprovalPassword"] = Flows.MasterApprovalPassword });
        Assert.That(permDone.Screen, Is.EqualTo("permissions-complete"));
        Assert.That(permDone.Text("perm-done-top"), Is.EqualTo("トップへ戻る"));

        // 一般ユーザの電子証明書を発行する (chapter 3, steps 3–11)
        var servicesAgain = await master.GetAsync(master.Secure(users.Href("users-menu-certificates")!));
        Assert.That(servicesAgain.Screen, Is.EqualTo("services"));
        var userAdmin = await master.GetAsync(new Uri(servicesAgain.Url, servicesAgain.Href("services-user-admin")));
        var certTab = await master.GetAsync(new Uri(userAdmin.Url, userAdmin.Href("useradmin-tab-certificates")));
        var manage = await master.GetAsync(new Uri(certTab.Url, certTab.Href("useradmin-certificate-management")));
        var selected = await master.SubmitAsync(manage, "certmgmt-next", new Dictionary<string, string> { ["loginId"] = loginId });
        Assert.That(selected.Screen, Is.EqualTo("certificate-user"));
        var certConfirm = await master.SubmitAsync(selected, "certmgmt-change");
        Assert.That(certConfirm.Screen, Is.EqualTo("certificate-confirm"));
        var certDone = await master.SubmitAsync(certConfirm, "certmgmt-commit");
        Assert.That(certDone.Screen, Is.EqualTo("certificate-complete"));
        Assert.That(certDone.Text("certmgmt-done-back"), Is.EqualTo("電子証明書管理へ"));

        // Chapter 4: the general user obtains the certificate, logs in, changes passwords.
        using var certificate = await Flows.AcquireCertificateAsync(Server, loginId, "First123");
        using var general = new BrowserlessClient(Server, certificate);
        var change = await Flows.CertificateLoginAsync(general, "First123");
        Assert.That(change.Screen, Is.EqualTo("password-change"));
        var services = await Flows.ChangeLoginPasswordAsync(general, change, "First123", "Second45");
        Assert.That(services.Screen, Is.EqualTo("services"));
        var approval = await general.GetAsync(new Uri(services.Url, services.Href("services-densai-1")));
        Assert.That(approval.Screen, Is.EqualTo("approval-password"));
        Assert.That(approval.Element("approval-reason").GetAttribute("data-mode"), Is.EqualTo("initial"));
        var approvalDone = await general.SubmitAsync(approval, "approval-submit", new Dictionary<string, string>
        {
            ["Current"] = "Init0001",
            ["New"] = "Mine0001",
            ["Confirm"] = "Mine0001",
        });
        Assert.That(approvalDone.Screen, Is.EqualTo("approval-password-complete"));
        var generalTop = await general.GetAsync(general.Secure("/densai/top"));
        Assert.That(generalTop.Has("tab-transfer"), Is.True);
        Assert.That(generalTop.Has("tab-inquiry"), Is.True);
        Assert.That(generalTop.Has("tab-issue"), Is.False, "no right, no tab");
    }
}
