using System.Globalization;
using System.Net;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>
/// Rate limits on the password posts before login (電子証明書取得, 電子証明書ログイン, the first-login password and
/// approval-password screens, the back-office login): beyond the limit a 429 with the Japanese status screen and
/// Retry-After, never a 5xx; below it everything works; other clients and other accounts are untouched.
/// Each test connects from its own loopback address, so their per-client counts never mix.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class RateLimitTests : ServerFixture
{
    private const int PerAccount = 4;
    private const int PerClient = 8;
    private const int Burst = PerAccount + 4;

    // Ten minutes: no test ever straddles a window boundary, so the counts are exact.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PasswordAttemptsPerAccount"] = PerAccount.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:PasswordAttemptsPerClient"] = PerClient.ToString(CultureInfo.InvariantCulture),
        ["RateLimits:WindowSeconds"] = "600",
    };

    [TestCase("certificate-acquire", 11)]
    [TestCase("certificate-login", 12)]
    [TestCase("password-change", 13)]
    [TestCase("approval-password", 14)]
    [TestCase("backoffice-login", 15)]
    public async Task A_burst_for_one_account_beyond_the_limit_gets_429_and_the_status_screen_never_5xx(string screen, int address)
    {
        using var form = await OpenAsync(screen, Loopback(address));

        var pages = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => form.PostAsync(form.WrongPassword)));

        Assert.That(pages.Select(p => (int)p.Status), Is.All.LessThan(500), "no 5xx");
        var allowed = PerAccount - form.AlreadyCounted;
        Assert.That(pages.Count(p => p.Status == HttpStatusCode.OK && p.Screen == screen), Is.EqualTo(allowed), "the page answered up to the limit");
        var refused = pages.Where(p => p.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.That(refused, Has.Count.EqualTo(Burst - allowed));
        foreach (var page in refused)
        {
            Assert.That(page.Screen, Is.EqualTo("status-429"));
            Assert.That(page.Text("screen-title"), Is.EqualTo("しばらくお待ちください"));
            Assert.That(page.Text("status-message"), Does.Contain("受付を一時的に停止しています").And.Match(@"\d+秒ほど待ってから、もう一度操作してください。$"));
            Assert.That(page.RetryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromMinutes(10)));
            Assert.That(page.Href("status-back"), Is.EqualTo(form.Page.Url.AbsolutePath), "back to the refused screen");
        }

        var again = await form.Client.GetAsync(form.Page.Url);
        Assert.That(again.Screen, Is.EqualTo(screen), "showing the screen is never limited, only posting the password");
    }

    [Test]
    public async Task Up_to_the_limit_the_right_password_still_gets_through()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        using var form = await OpenAsync("certificate-acquire", Loopback(21));

        for (var i = 1; i < PerAccount; i++)
        {
            var wrong = await form.PostAsync(Credentials(notice.MasterLoginId, "Wrong1234"));
            Assert.That(wrong.Element("acquire-error").GetAttribute("data-reason"), Is.EqualTo("credentials"));
        }

        var right = await form.PostAsync(Credentials(notice.MasterLoginId, notice.InitialPassword));
        Assert.That(right.Screen, Is.EqualTo("certificate-acquire-confirm"), "the last attempt the limit allows");
    }

    [Test]
    public async Task An_account_at_its_limit_leaves_the_same_clients_other_accounts_and_other_clients_untouched()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        using var form = await OpenAsync("certificate-acquire", Loopback(31));
        for (var i = 0; i < PerAccount; i++)
        {
            await form.PostAsync(Credentials(notice.MasterLoginId, "Wrong1234"));
        }

        var limited = await form.PostAsync(Credentials(notice.MasterLoginId, notice.InitialPassword));
        Assert.That(limited.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "even the right password waits");

        var otherAccount = await form.PostAsync(Credentials("d-other01", "Wrong1234"));
        Assert.That(otherAccount.Element("acquire-error").GetAttribute("data-reason"), Is.EqualTo("credentials"), "another account of the same client");
        Assert.That((await AcquireFromAsync(Loopback(32), notice)).Screen, Is.EqualTo("certificate-acquire-confirm"), "the same account from another client");
    }

    [Test]
    public async Task A_client_trying_many_accounts_is_limited_as_a_whole_and_other_clients_are_not()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        using var form = await OpenAsync("certificate-acquire", Loopback(41));
        for (var i = 0; i < PerClient; i++)
        {
            var page = await form.PostAsync(Credentials($"d-guess{i:D3}", "Wrong1234"));
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        }

        var refused = await form.PostAsync(Credentials("d-guess999", "Wrong1234"));
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.TooManyRequests), "a new account each time does not escape the per-client limit");
        Assert.That(refused.Screen, Is.EqualTo("status-429"));
        Assert.That((await AcquireFromAsync(Loopback(42), notice)).Screen, Is.EqualTo("certificate-acquire-confirm"), "another client");
    }

    [Test]
    public void A_limit_below_one_keeps_the_server_from_starting()
    {
        var directory = TestServers.NewDataDirectory();
        try
        {
            var error = Assert.ThrowsAsync<InvalidOperationException>(() =>
                TestServers.StartAsync(directory, new Dictionary<string, string?> { ["RateLimits:PasswordAttemptsPerAccount"] = "0" }));
            Assert.That(error!.Message, Does.Contain("RateLimits:PasswordAttemptsPerClient").And.Contain("at least 1"));
        }
        finally
        {
            TestServers.DeleteQuietly(directory);
        }
    }

    /// <summary>電子証明書取得 with the master's right password, from <paramref name="from"/>.</summary>
    private async Task<HtmlPage> AcquireFromAsync(IPAddress from, CompanyNotice notice)
    {
        using var form = await OpenAsync("certificate-acquire", from);
        return await form.PostAsync(Credentials(notice.MasterLoginId, notice.InitialPassword));
    }

    private static IPAddress Loopback(int last) => new([127, 0, 0, (byte)last]);

    private static Dictionary<string, string> Credentials(string loginId, string password) => new() { ["LoginId"] = loginId, ["Password"] = password };

    /// <summary>
    /// A client on <paramref name="screen"/>, its submit button and a wrong password to post there. On the certificate
    /// origin the certificate names the account, so the posts that led there count for it too.
    /// </summary>
    private async Task<PasswordForm> OpenAsync(string screen, IPAddress from)
    {
        switch (screen)
        {
            case "certificate-acquire":
            {
                var client = new BrowserlessClient(Server, from: from);
                var form = await client.GetAsync(client.Public("/certificate/acquire"));
                return new PasswordForm(client, form, "acquire-submit", Credentials("d-nobody01", "Wrong1234"));
            }

            case "backoffice-login":
            {
                var client = new BrowserlessClient(Server, from: from);
                var form = await client.GetAsync(client.Public("/backoffice/login"));
                return new PasswordForm(client, form, "backoffice-login-submit", new() { ["StaffId"] = "bo-nobody", ["Password"] = "Wrong1234" });
            }

            case "certificate-login":
            {
                var notice = await Flows.OnboardReadyAsync(Server);
                var client = new BrowserlessClient(Server, Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!), from: from);
                var form = await client.GetAsync(client.Secure("/certificate-login"));
                return new PasswordForm(client, form, "cert-login-submit", new() { ["Password"] = "Wrong1234" });
            }

            case "password-change":
            {
                var notice = await Flows.OnboardReadyAsync(Server);
                var (user, certificate) = await Flows.GeneralUserWithCertificateAsync(Server, notice);
                var client = new BrowserlessClient(Server, certificate, from: from);
                var form = await Flows.CertificateLoginAsync(client, user.InitialPassword);
                return new PasswordForm(client, form, "pwchange-submit", new() { ["Current"] = "Wrong1234", ["New"] = "Second45", ["Confirm"] = "Second45" }, AlreadyCounted: 1);
            }

            case "approval-password":
            {
                var notice = await Flows.OnboardReadyAsync(Server);
                var (user, certificate) = await Flows.GeneralUserWithCertificateAsync(Server, notice, rights: "approver", initialApprovalPassword: "Init0001");
                var client = new BrowserlessClient(Server, certificate, from: from);
                await Flows.FirstLoginAsync(client, user, "Second45");
                var form = await client.GetAsync(client.Secure("/densai"));
                return new PasswordForm(client, form, "approval-submit", new() { ["Current"] = "Wrong1234", ["New"] = "Mine0001", ["Confirm"] = "Mine0001" }, AlreadyCounted: 2);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(screen), screen, null);
        }
    }

    private sealed record PasswordForm(BrowserlessClient Client, HtmlPage Page, string Submit, Dictionary<string, string> WrongPassword, int AlreadyCounted = 0)
        : IDisposable
    {
        public Task<HtmlPage> PostAsync(IDictionary<string, string> fields) => Client.SubmitAsync(Page, Submit, fields);

        public void Dispose() => Client.Dispose();
    }
}
