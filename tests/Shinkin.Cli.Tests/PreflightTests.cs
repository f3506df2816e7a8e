using System.Net;
using System.Net.Sockets;
using NUnit.Framework;
using Shinkin.Cli.Commands;
using Shinkin.Cli.Runs;
using Shinkin.ReferenceServer;
using Shinkin.Settings;

namespace Shinkin.Cli.Tests;

/// <summary>
/// `run` checks what it needs from outside before the run folder is made and any browser starts: the local browser and
/// driver, a remote engine's endpoint, the server under test. Before, an unreachable target or a missing Chromium let
/// every scenario start and fail with the same cause, and left a workbook of failures; now it is exit 2 with one reason.
/// Loopback sockets stand for the servers: one listening (answers), one bound but not listening (refuses at once); the
/// TLS check runs against the real reference server.
/// </summary>
[TestFixture]
public sealed class PreflightTests
{
    private DirectoryInfo folder = null!;
    private TcpListener answering = null!;
    private Socket silent = null!;
    private string program = null!;

    [SetUp]
    public void Start()
    {
        folder = InspectableFolder.Create("shinkin-preflight-");
        answering = new TcpListener(IPAddress.Loopback, 0);
        answering.Start();
        silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        program = Path.Combine(folder.FullName, "chromium");
        File.WriteAllText(program, "");
    }

    [TearDown]
    public void Stop()
    {
        answering.Stop();
        silent.Dispose();
        InspectableFolder.Release(folder);
    }

    private Uri Answering(string scheme = "https") => new($"{scheme}://127.0.0.1:{((IPEndPoint)answering.LocalEndpoint).Port}/");

    private Uri Silent(string scheme = "https") => new($"{scheme}://127.0.0.1:{((IPEndPoint)silent.LocalEndPoint!).Port}/");

    private string Missing(string name) => Path.Combine(folder.FullName, "not-installed", name);

    [Test]
    public async Task An_unreachable_target_stops_the_run_before_a_folder_is_made_or_a_browser_starts()
    {
        var runFolder = Path.Combine(folder.FullName, "run");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CommandLine.DispatchAsync(["run", "--target", Silent().ToString(), "--tags", "readonly", "--out", runFolder], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(stderr.ToString(), Does.Contain($"harness: 試験対象サーバ {Silent().GetLeftPart(UriPartial.Authority)} に接続できません").And.Contain("ConnectionRefused"));
            Assert.That(stderr.ToString(), Does.Contain("nothing was run and no run folder was made"));
            Assert.That(stdout.ToString(), Does.Not.Contain("==> run:"), "no test run (and so no browser) was started");
            Assert.That(Directory.Exists(runFolder), Is.False, "no run folder");
        });
    }

    [Test]
    public async Task Everything_there_is_no_problem()
    {
        var settings = Settings(new BrowserOptions { ChromiumPath = program }) with { Target = Answering("http") };

        Assert.That(await Preflight.ProblemsAsync(settings, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task A_tls_target_must_be_trusted_as_the_browsers_will_trust_it()
    {
        await using var server = await ReferenceServerHost.StartAsync(new ReferenceServerOptions
        {
            DataDirectory = Path.Combine(folder.FullName, "server"), PublicPort = 0, CertificatePort = 0, TestHooks = false,
        });
        var target = Settings(new BrowserOptions { ChromiumPath = program }) with { Target = server.PublicUrl, TargetCertificateUrl = server.CertificateUrl };

        var throughItsCa = await Preflight.ProblemsAsync(target with { Browser = target.Browser with { TrustedCaPemPath = server.CaCertificatePemPath } }, CancellationToken.None);
        var withoutItsCa = await Preflight.ProblemsAsync(target, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(throughItsCa, Is.Empty);
            Assert.That(withoutItsCa, Has.Count.EqualTo(2), "both origins");
            Assert.That(withoutItsCa, Has.All.Contains("の TLS 証明書を検証できません").And.All.Contains("not trusted by the system").And.All.Contains("SHINKIN_CA_PEM"));
            Assert.That(withoutItsCa[0], Does.StartWith($"試験対象サーバ {server.PublicUrl.GetLeftPart(UriPartial.Authority)} "));
        });
    }

    [Test]
    public async Task The_embedded_server_is_not_probed_and_a_missing_chromium_is_named_with_its_variable()
    {
        var chromium = Missing("chromium");

        var problems = await Preflight.ProblemsAsync(Settings(new BrowserOptions { ChromiumPath = chromium }), CancellationToken.None);

        Assert.That(problems, Is.EqualTo(new[]
        {
            $"Chromium not found at '{chromium}'. Install Debian's chromium (./harness setup) or point SHINKIN_CHROMIUM at it; browsers and drivers are never downloaded.",
        }));
    }

    [Test]
    public async Task Selenium_needs_its_driver_as_well_as_the_browser()
    {
        var browser = new BrowserOptions { Engine = BrowserEngine.Selenium, ChromiumPath = Missing("chromium"), ChromeDriverPath = Missing("chromedriver") };

        var problems = await Preflight.ProblemsAsync(Settings(browser), CancellationToken.None);

        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0], Does.StartWith("chromedriver not found").And.Contain("SHINKIN_CHROMEDRIVER").And.Contain("chromium-driver"));
        Assert.That(problems[1], Does.StartWith("Chromium not found").And.Contain("SHINKIN_CHROMIUM"));
    }

    [Test]
    public async Task A_remote_engine_needs_no_local_browser_but_its_endpoint_must_answer()
    {
        var grid = new BrowserOptions { Engine = BrowserEngine.SeleniumRemote, ChromiumPath = Missing("chromium"), GridUrl = Answering("http") };
        var deadGrid = grid with { GridUrl = Silent("http") };
        var deadServer = new BrowserOptions { Engine = BrowserEngine.PlaywrightRemote, ChromiumPath = Missing("chromium"), PlaywrightServerUrl = Silent("ws") };

        var answered = await Preflight.ProblemsAsync(Settings(grid), CancellationToken.None);
        var gridSilent = await Preflight.ProblemsAsync(Settings(deadGrid), CancellationToken.None);
        var serverSilent = await Preflight.ProblemsAsync(Settings(deadServer), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(answered, Is.Empty);
            Assert.That(gridSilent, Has.One.StartsWith($"Selenium Grid {Silent("http").GetLeftPart(UriPartial.Authority)} に接続できません（--grid）").And.Contain("ConnectionRefused"));
            Assert.That(serverSilent, Has.One.StartsWith($"Playwright サーバ {Silent("ws").GetLeftPart(UriPartial.Authority)} に接続できません（--pw-server）"));
        });
    }

    [Test]
    public async Task The_certificate_login_origin_is_probed_too()
    {
        var settings = Settings(new BrowserOptions { ChromiumPath = program }) with { Target = Answering(), TargetCertificateUrl = Silent() };

        Assert.That(
            await Preflight.ProblemsAsync(settings, CancellationToken.None),
            Has.One.StartsWith($"試験対象サーバ {Silent().GetLeftPart(UriPartial.Authority)} に接続できません"));
    }

    [Test]
    public async Task A_target_profile_is_probed_at_its_urls()
    {
        var profile = Path.Combine(folder.FullName, "bank.json");
        await File.WriteAllTextAsync(profile, $$"""
            { "name": "bank", "publicUrl": "{{Silent()}}", "certificateUrl": "{{Answering()}}", "trust": { "systemStore": true } }
            """);
        var settings = Settings(new BrowserOptions { ChromiumPath = program }) with { TargetProfile = profile };

        Assert.That(
            await Preflight.ProblemsAsync(settings, CancellationToken.None),
            Has.One.StartsWith($"試験対象サーバ {Silent().GetLeftPart(UriPartial.Authority)} に接続できません"));
    }

    [Platform(Exclude = "Win", Reason = "Edge IE mode runs on Windows")]
    [Test]
    public async Task Edge_ie_mode_off_windows_stops_the_run_before_it_starts()
    {
        var problems = await Preflight.ProblemsAsync(Settings(new BrowserOptions { Engine = BrowserEngine.EdgeIeMode }), CancellationToken.None);

        Assert.That(problems, Has.One.StartsWith("Edge IE mode needs Windows; this machine runs "));
    }

    [Test]
    public async Task A_dry_run_needs_nothing_from_outside()
    {
        var settings = Settings(new BrowserOptions { Engine = BrowserEngine.Selenium, ChromiumPath = Missing("chromium"), ChromeDriverPath = Missing("chromedriver") })
            with { Target = Silent(), DryRun = true };

        Assert.That(await Preflight.ProblemsAsync(settings, CancellationToken.None), Is.Empty);
    }

    private RunSettings Settings(BrowserOptions browser) => new() { Browser = browser, RunDirectory = Path.Combine(folder.FullName, "run") };
}
