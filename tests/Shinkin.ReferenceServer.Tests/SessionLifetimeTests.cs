namespace Shinkin.ReferenceServer.Tests;

/// <summary>Sessions end after an absolute lifetime however busy they are, and a password change ends the user's other sessions.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class SessionLifetimeTests
{
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);
    private RunningReferenceServer _server = null!;
    private string _dir = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _dir = TestServers.NewDataDirectory();
        _server = await TestServers.StartAsync(_dir, new Dictionary<string, string?> { ["Security:SessionAbsoluteLifetimeMinutes"] = "60" }, _time);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _server.DisposeAsync();
        TestServers.DeleteQuietly(_dir);
    }

    [Test]
    public async Task A_busy_session_still_ends_after_the_absolute_lifetime()
    {
        var notice = await Flows.OnboardReadyAsync(_server);
        using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        using var client = new BrowserlessClient(_server, certificate);
        Assert.That((await Flows.CertificateLoginAsync(client, Flows.MasterLoginPassword)).Screen, Is.EqualTo("services"));
        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(15));
            Assert.That((await client.GetAsync(client.Secure("/services"))).Screen, Is.EqualTo("services"), $"never idle for 20 minutes ({(i + 1) * 15} min)");
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.That((await client.GetAsync(client.Secure("/services"))).Screen, Is.EqualTo("session-timeout"), "65 minutes after login");
    }

    [Test]
    public async Task Changing_the_login_password_ends_the_users_other_sessions()
    {
        var notice = await Flows.OnboardReadyAsync(_server);
        using var certificate = Flows.LoadPfx(notice.MasterCertificatePfxBase64!, notice.MasterCertificatePassword!);
        using var here = new BrowserlessClient(_server, certificate);
        using var elsewhere = new BrowserlessClient(_server, certificate);
        Assert.That((await Flows.CertificateLoginAsync(here, Flows.MasterLoginPassword)).Screen, Is.EqualTo("services"));
        Assert.That((await Flows.CertificateLoginAsync(elsewhere, Flows.MasterLoginPassword)).Screen, Is.EqualTo("services"));

        var change = await here.GetAsync(here.Secure("/password/change"));
        var changed = await Flows.ChangeLoginPasswordAsync(here, change, Flows.MasterLoginPassword, "Changed789x");
        Assert.That(changed.Screen, Is.EqualTo("services"));

        Assert.That((await elsewhere.GetAsync(elsewhere.Secure("/services"))).Screen, Is.EqualTo("session-required"), "the other session ended");
        Assert.That((await here.GetAsync(here.Secure("/services"))).Screen, Is.EqualTo("services"), "the session that changed it stays");
    }
}
