using System.Net;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>Login ID format, no enumeration, lockout, first-login password change rules.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class LoginRulesTests : ServerFixture
{
    [Test]
    public async Task Login_id_without_d_prefix_is_refused_beside_the_field_and_kept()
    {
        using var client = new BrowserlessClient(Server);
        var input = await client.GetAsync(client.Public("/certificate/acquire"));
        var page = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = "m10000001", ["Password"] = "whatever1" });
        Assert.That(page.Screen, Is.EqualTo("certificate-acquire"));
        Assert.That(page.Text("acquire-login-id-error"), Does.Contain("d-"));
        Assert.That(page.Element("acquire-login-id").GetAttribute("value"), Is.EqualTo("m10000001"));
        Assert.That(page.Element("acquire-password").GetAttribute("value"), Is.Null.Or.Empty, "passwords are never echoed");
    }

    [Test]
    public async Task Unknown_id_and_wrong_password_get_the_same_message()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        using var client = new BrowserlessClient(Server);
        var input = await client.GetAsync(client.Public("/certificate/acquire"));
        var unknown = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = "d-nobody99", ["Password"] = "Wrong1234" });
        var wrong = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = "Wrong1234" });
        Assert.That(unknown.Text("acquire-error"), Is.EqualTo(wrong.Text("acquire-error")));
        Assert.That(unknown.Text("acquire-error"), Is.EqualTo("ログインID（お客様ID）またはログインパスワードが正しくありません。"));
    }

    [Test]
    public async Task Sixth_consecutive_wrong_password_locks_and_the_fifth_does_not()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        using var client = new BrowserlessClient(Server);
        var input = await client.GetAsync(client.Public("/certificate/acquire"));
        var wrong = new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = "Wrong1234" };
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitAsync(input, "acquire-submit", wrong);
        }

        var fifthThenRight = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = notice.InitialPassword });
        Assert.That(fifthThenRight.Screen, Is.EqualTo("certificate-acquire-confirm"), "five failures do not lock, and success resets the count");

        for (var i = 0; i < 6; i++)
        {
            await client.SubmitAsync(input, "acquire-submit", wrong);
        }

        var locked = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = notice.InitialPassword });
        Assert.That(locked.Element("acquire-error").GetAttribute("data-reason"), Is.EqualTo("locked"));
        Assert.That(locked.Text("acquire-error"), Does.Contain("ロック"));
    }

    [Test]
    public async Task The_failure_that_locks_reads_like_an_unknown_id_at_certificate_acquisition()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        using var client = new BrowserlessClient(Server);
        var input = await client.GetAsync(client.Public("/certificate/acquire"));
        var unknown = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = "d-nobody77", ["Password"] = "Wrong1234" });
        HtmlPage sixth = input;
        for (var i = 0; i < 6; i++)
        {
            sixth = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = "Wrong1234" });
        }

        Assert.That(sixth.Text("acquire-error"), Is.EqualTo(unknown.Text("acquire-error")));
        Assert.That(sixth.Element("acquire-error").GetAttribute("data-reason"), Is.EqualTo(unknown.Element("acquire-error").GetAttribute("data-reason")));
        var right = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = notice.InitialPassword });
        Assert.That(right.Element("acquire-error").GetAttribute("data-reason"), Is.EqualTo("locked"), "only the right password learns about the lock");
    }

    [Test]
    public async Task Lockout_count_comes_from_configuration()
    {
        var dir = TestServers.NewDataDirectory();
        await using var server = await TestServers.StartAsync(dir, new Dictionary<string, string?> { ["Security:LockoutThreshold"] = "2" });
        var notice = await Flows.OnboardInitialAsync(server);
        using var client = new BrowserlessClient(server);
        var input = await client.GetAsync(client.Public("/certificate/acquire"));
        var wrong = new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = "Wrong1234" };
        await client.SubmitAsync(input, "acquire-submit", wrong);
        await client.SubmitAsync(input, "acquire-submit", wrong);
        var locked = await client.SubmitAsync(input, "acquire-submit", new Dictionary<string, string> { ["LoginId"] = notice.MasterLoginId, ["Password"] = notice.InitialPassword });
        Assert.That(locked.Element("acquire-error").GetAttribute("data-reason"), Is.EqualTo("locked"));
        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task Password_length_and_approval_lockout_come_from_configuration()
    {
        var dir = TestServers.NewDataDirectory();
        await using (var server = await TestServers.StartAsync(dir, new Dictionary<string, string?>
        {
            ["Security:PasswordMinLength"] = "8",
            ["Security:ApprovalLockoutThreshold"] = "2",
        }))
        {
            var initial = await Flows.OnboardInitialAsync(server);
            using var certificate = await Flows.AcquireCertificateAsync(server, initial.MasterLoginId, initial.InitialPassword);
            using var client = new BrowserlessClient(server, certificate);
            var change = await Flows.CertificateLoginAsync(client, initial.InitialPassword);
            var refused = await Flows.ChangeLoginPasswordAsync(client, change, initial.InitialPassword, "Abcdef1");
            Assert.That(refused.Text("pwchange-new-error"), Does.Contain("8文字以上"));
            Assert.That((await Flows.ChangeLoginPasswordAsync(client, change, initial.InitialPassword, "Abcdefg1")).Screen, Is.EqualTo("services"));

            var (master, _, _) = await Flows.ReadyMasterAtTopAsync(server);
            using var _ = master;
            var form = await master.GetAsync(master.Secure("/densai/admin/users/registration/new"));
            var confirm = await master.SubmitAsync(form, "reg-to-confirm", new Dictionary<string, string>
            {
                ["LoginIdBody"] = "config01",
                ["UserName"] = "設定 太郎",
                ["Email"] = "config@example.com",
                ["EmailConfirm"] = "config@example.com",
                ["Password"] = "First123",
                ["PasswordConfirm"] = "First123",
            });
            var first = await master.SubmitAsync(confirm, "reg-execute", new Dictionary<string, string> { ["ApprovalPassword"] = "Wrong9999" });
            Assert.That(first.Text("reg-approval-password-error"), Is.EqualTo("承認パスワードが正しくありません。"));
            var second = await master.SubmitAsync(confirm, "reg-execute", new Dictionary<string, string> { ["ApprovalPassword"] = "Wrong9999" });
            Assert.That(second.Text("reg-approval-password-error"), Does.Contain("ロック"));
        }

        TestServers.DeleteQuietly(dir);
    }

    [Test]
    public async Task Certificate_login_locks_at_six_and_back_office_unlocks_the_master()
    {
        var notice = await Flows.OnboardReadyAsync(Server);
        using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        using var client = new BrowserlessClient(Server, certificate);
        HtmlPage page = null!;
        for (var i = 1; i <= 6; i++)
        {
            page = await Flows.CertificateLoginAsync(client, "Wrong1234");
            if (i < 6)
            {
                Assert.That(page.Text("cert-login-password-error"), Is.EqualTo("ログインパスワードが正しくありません。"), $"attempt {i}");
            }
        }

        Assert.That(page.Element("cert-login-error").GetAttribute("data-reason"), Is.EqualTo("locked"));
        var stillLocked = await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
        Assert.That(stillLocked.Screen, Is.EqualTo("certificate-login"));
        Assert.That(stillLocked.Text("cert-login-error"), Does.Contain("当金庫"));

        using var staff = new BrowserlessClient(Server);
        var login = await staff.GetAsync(staff.Public("/backoffice/login"));
        var list = await staff.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = TestServers.StaffId, ["Password"] = TestServers.StaffPassword });
        Assert.That(list.Screen, Is.EqualTo("backoffice-companies"));
        var company = await staff.GetAsync(new Uri(list.Url, list.Href($"backoffice-company-open-{notice.CompanyNumber}")));
        Assert.That(company.Text($"backoffice-user-login-state-{notice.MasterLoginId}"), Is.EqualTo("ロック中"));
        var unlocked = await staff.SubmitAsync(company, "backoffice-unlock-master");
        Assert.That(unlocked.Text($"backoffice-user-login-state-{notice.MasterLoginId}"), Is.EqualTo("利用可"));

        var services = await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
        Assert.That(services.Screen, Is.EqualTo("services"));
    }

    [TestCase("abc12", "6文字以上", TestName = "New login password shorter than 6 is refused")]
    [TestCase("abcdefgh", "半角英字と半角数字", TestName = "New login password without a digit is refused")]
    [TestCase("12345678", "半角英字と半角数字", TestName = "New login password without a letter is refused")]
    [TestCase("ａｂｃ１２３", "半角", TestName = "New login password in full-width characters is refused")]
    public async Task New_login_password_rules(string candidate, string expected)
    {
        var (client, notice, change) = await InitialMasterAtPasswordChangeAsync();
        using var _ = client;
        var page = await Flows.ChangeLoginPasswordAsync(client, change, notice.InitialPassword, candidate);
        Assert.That(page.Screen, Is.EqualTo("password-change"));
        Assert.That(page.Text("pwchange-new-error"), Does.Contain(expected));
        Assert.That(await LoginAgainLandsOnAsync(client, notice.InitialPassword), Is.EqualTo("password-change"), "nothing changed");
    }

    [Test]
    public async Task New_login_password_equal_to_the_login_id_is_refused()
    {
        var (client, notice, change) = await InitialMasterAtPasswordChangeAsync();
        using var _ = client;
        var page = await Flows.ChangeLoginPasswordAsync(client, change, notice.InitialPassword, notice.MasterLoginId[2..]);
        Assert.That(page.Text("pwchange-new-error"), Is.EqualTo("ログインID（お客様ID）と同じものは設定できません。"));
    }

    [Test]
    public async Task Confirmation_must_match()
    {
        var (client, notice, change) = await InitialMasterAtPasswordChangeAsync();
        using var _ = client;
        var page = await client.SubmitAsync(change, "pwchange-submit", new Dictionary<string, string>
        {
            ["Current"] = notice.InitialPassword,
            ["New"] = "Good1234",
            ["Confirm"] = "Good1235",
        });
        Assert.That(page.Text("pwchange-confirm-error"), Does.Contain("一致しません"));
    }

    [Test]
    public async Task Wrong_current_password_is_refused_beside_its_field()
    {
        var (client, _, change) = await InitialMasterAtPasswordChangeAsync();
        using var __ = client;
        var page = await Flows.ChangeLoginPasswordAsync(client, change, "Wrong1234", "Good1234");
        Assert.That(page.Text("pwchange-current-error"), Is.EqualTo("現ログインパスワードが正しくありません。"));
    }

    [Test]
    public async Task Wrong_current_passwords_on_the_change_screen_count_toward_the_lockout()
    {
        var (client, notice, change) = await InitialMasterAtPasswordChangeAsync();
        using var _ = client;
        HtmlPage page = change;
        for (var i = 1; i <= 6; i++)
        {
            page = await Flows.ChangeLoginPasswordAsync(client, change, "Wrong1234", "Good1234");
            if (i < 6)
            {
                Assert.That(page.Text("pwchange-current-error"), Is.EqualTo("現ログインパスワードが正しくありません。"), $"attempt {i}");
            }
        }

        Assert.That(page.Text("pwchange-current-error"), Does.Contain("ロック"));
        Assert.That((await client.GetAsync(client.Secure("/services"))).Screen, Is.EqualTo("session-required"), "the session ended");
        var login = await Flows.CertificateLoginAsync(client, notice.InitialPassword);
        Assert.That(login.Element("cert-login-error").GetAttribute("data-reason"), Is.EqualTo("locked"));
    }

    [Test]
    public async Task Initial_password_works_only_once()
    {
        var (client, notice, change) = await InitialMasterAtPasswordChangeAsync();
        using var _ = client;
        var services = await Flows.ChangeLoginPasswordAsync(client, change, notice.InitialPassword, "Good1234");
        Assert.That(services.Screen, Is.EqualTo("services"));
        var again = await Flows.CertificateLoginAsync(client, notice.InitialPassword);
        Assert.That(again.Screen, Is.EqualTo("certificate-login"));
        Assert.That(again.Text("cert-login-password-error"), Is.EqualTo("ログインパスワードが正しくありません。"));
        Assert.That((await Flows.CertificateLoginAsync(client, "Good1234")).Screen, Is.EqualTo("services"));
    }

    [Test]
    public async Task Session_token_is_renewed_at_every_login()
    {
        var notice = await Flows.OnboardReadyAsync(Server);
        using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        using var client = new BrowserlessClient(Server, certificate);
        await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
        var first = client.Cookies.GetCookies(Server.CertificateUrl)["__Host-shinkin-session"]!.Value;
        await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword);
        var second = client.Cookies.GetCookies(Server.CertificateUrl)["__Host-shinkin-session"]!.Value;
        Assert.That(second, Is.Not.EqualTo(first));

        using var replay = new BrowserlessClient(Server, certificate);
        replay.Cookies.Add(new Cookie("__Host-shinkin-session", first, "/", Server.CertificateUrl.Host));
        var page = await replay.GetAsync(replay.Secure("/services"));
        Assert.That(page.Screen, Is.EqualTo("session-required"), "the old token is dead");
    }

    [Test]
    public async Task Session_cookie_is_secure_httponly_and_strict()
    {
        var notice = await Flows.OnboardReadyAsync(Server);
        using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        using var client = new BrowserlessClient(Server, certificate, followRedirects: false);
        var login = await client.GetAsync(client.Secure("/certificate-login"));
        var token = login.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var response = await client.PostRawAsync(client.Secure("/certificate-login"), new Dictionary<string, string>
        {
            ["Password"] = Flows.MasterLoginPassword,
            ["__RequestVerificationToken"] = token,
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-shinkin-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.That(setCookie, Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/"));
        Assert.That(setCookie, Does.Not.Contain("domain="));
    }

    private async Task<(BrowserlessClient Client, CompanyNotice Notice, HtmlPage Change)> InitialMasterAtPasswordChangeAsync()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        var certificate = await Flows.AcquireCertificateAsync(Server, notice.MasterLoginId, notice.InitialPassword);
        var client = new BrowserlessClient(Server, certificate);
        var change = await Flows.CertificateLoginAsync(client, notice.InitialPassword);
        Assert.That(change.Screen, Is.EqualTo("password-change"));
        return (client, notice, change);
    }

    private static async Task<string> LoginAgainLandsOnAsync(BrowserlessClient client, string password) =>
        (await Flows.CertificateLoginAsync(client, password)).Screen;
}
