namespace Shinkin.ReferenceServer.Tests;

/// <summary>Manual chapter 2: the master obtains a certificate, logs in, changes the login password, sets the approval password.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class MasterInitialSetupTests : ServerFixture
{
    [Test]
    public async Task Master_walks_chapter_2_from_notice_to_top_screen()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        Assert.That(notice.MasterLoginId, Does.StartWith("d-"));
        Assert.That(notice.MasterCertificatePfxBase64, Is.Null);

        using var certificate = await Flows.AcquireCertificateAsync(Server, notice.MasterLoginId, notice.InitialPassword);
        Assert.That(certificate.HasPrivateKey, Is.True);
        Assert.That(certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false), Is.EqualTo(notice.MasterLoginId));
        Assert.That((certificate.NotAfter - certificate.NotBefore).TotalDays, Is.EqualTo(365).Within(1));

        using var client = new BrowserlessClient(Server, certificate);
        var login = await client.GetAsync(client.Secure("/certificate-login"));
        Assert.That(login.Text("cert-login-login-id"), Is.EqualTo(notice.MasterLoginId));

        var change = await Flows.CertificateLoginAsync(client, notice.InitialPassword);
        Assert.That(change.Screen, Is.EqualTo("password-change"));
        Assert.That(change.Has("pwchange-first-login"), Is.True);

        // Nothing but the password change is reachable before it is done.
        var services = await client.GetAsync(client.Secure("/services"));
        Assert.That(services.Screen, Is.EqualTo("password-change"));

        services = await Flows.ChangeLoginPasswordAsync(client, change, notice.InitialPassword, "NewPass1");
        Assert.That(services.Screen, Is.EqualTo("services"));
        Assert.That(services.Text("services-densai-1"), Is.EqualTo("しんきん電子記録債権サービス"));
        Assert.That(services.Text("services-densai-2"), Is.EqualTo("しんきん電子記録債権サービス"));
        Assert.That(services.Href("services-densai-1"), Is.EqualTo(services.Href("services-densai-2")));
        Assert.That(services.Element("services-densai-1").GetAttribute("target"), Is.EqualTo("_blank"));
        Assert.That(services.Text("services-user-admin"), Is.EqualTo("ユーザ管理業務"));
        Assert.That(services.Text("services-logout"), Is.EqualTo("ログアウト"));

        var approval = await client.GetAsync(new Uri(services.Url, services.Href("services-densai-2")));
        Assert.That(approval.Screen, Is.EqualTo("approval-password"));
        Assert.That(approval.Has("approval-current"), Is.False, "the master sets a new approval password without a current one");
        var done = await client.SubmitAsync(approval, "approval-submit", new Dictionary<string, string> { ["New"] = "Appr0val", ["Confirm"] = "Appr0val" });
        Assert.That(done.Screen, Is.EqualTo("approval-password-complete"));
        Assert.That(done.Text("approval-top"), Is.EqualTo("トップへ"));
        var top = await client.GetAsync(new Uri(done.Url, done.Href("approval-top")));
        Assert.That(top.Screen, Is.EqualTo("densai-top"));
        Assert.That(top.Text("tab-admin"), Is.EqualTo("管理業務"));
    }

    [Test]
    public async Task Approval_password_follows_the_login_password_rules_and_a_refusal_changes_nothing()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        using var certificate = await Flows.AcquireCertificateAsync(Server, notice.MasterLoginId, notice.InitialPassword);
        using var client = new BrowserlessClient(Server, certificate);
        var change = await Flows.CertificateLoginAsync(client, notice.InitialPassword);
        Assert.That((await Flows.ChangeLoginPasswordAsync(client, change, notice.InitialPassword, "NewPass1")).Screen, Is.EqualTo("services"));
        var approval = await client.GetAsync(client.Secure("/densai"));
        Assert.That(approval.Element("approval-reason").GetAttribute("data-mode"), Is.EqualTo("set"));

        var cases = new (string New, string Confirm, string ErrorTestId, string Expected)[]
        {
            ("abc12", "abc12", "approval-new-error", "6文字以上"),
            ("abcdefgh", "abcdefgh", "approval-new-error", "半角英字と半角数字"),
            ("12345678", "12345678", "approval-new-error", "半角英字と半角数字"),
            ("ａｂｃ１２３", "ａｂｃ１２３", "approval-new-error", "半角"),
            (notice.MasterLoginId[2..], notice.MasterLoginId[2..], "approval-new-error", "ログインID（お客様ID）と同じものは設定できません。"),
            ("Appr0val", "Appr0vaX", "approval-confirm-error", "一致しません"),
        };
        foreach (var (candidate, confirm, errorTestId, expected) in cases)
        {
            var page = await client.SubmitAsync(approval, "approval-submit", new Dictionary<string, string> { ["New"] = candidate, ["Confirm"] = confirm });
            Assert.That(page.Screen, Is.EqualTo("approval-password"), candidate);
            Assert.That(page.Text(errorTestId), Does.Contain(expected), candidate);
            Assert.That((await client.GetAsync(client.Secure("/densai/top"))).Screen, Is.EqualTo("approval-password"), "still to be set: " + candidate);
        }
    }
}
