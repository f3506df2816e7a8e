using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>
/// [ログアウト] at the top right of the ユーザ管理業務 window, as in the service window (manual 5-1 steps 1–3):
/// confirmation dialog, a logged-out screen with [閉じる], and サービス一覧 still logged in for steps 4–6.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class UserAdminLogoutTests : ServerFixture
{
    private const string Question = "ユーザ管理業務からログアウトします。よろしいですか？";

    [Test]
    public async Task Every_user_admin_screen_has_the_logout_button_at_the_top_right()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var user = await Server.CreateUserAsync(notice.CompanyNumber, new CreateUserRequest());
        var services = await master.GetAsync(master.Secure("/services"));

        var index = await master.GetAsync(new Uri(services.Url, services.Href("services-user-admin")));
        var certificates = await master.GetAsync(new Uri(index.Url, index.Href("useradmin-tab-certificates")));
        var manage = await master.GetAsync(new Uri(certificates.Url, certificates.Href("useradmin-certificate-management")));
        var selected = await master.SubmitAsync(manage, "certmgmt-next", new Dictionary<string, string> { ["loginId"] = user.LoginId });
        var confirm = await master.SubmitAsync(selected, "certmgmt-change");
        var done = await master.SubmitAsync(confirm, "certmgmt-commit");
        var screens = new[] { index, certificates, manage, selected, confirm, done };
        Assert.That(screens.Select(s => s.Screen), Is.EqualTo(new[] { "useradmin", "useradmin-certificates", "certificate-manage", "certificate-user", "certificate-confirm", "certificate-complete" }));
        foreach (var screen in screens)
        {
            AssertHeaderLogout(screen);
        }

        var (general, certificate) = await Flows.GeneralUserWithCertificateAsync(Server, notice);
        using var _c = certificate;
        using var client = new BrowserlessClient(Server, certificate);
        await Flows.FirstLoginAsync(client, general, "Second45");
        var denied = await client.GetAsync(client.Secure("/useradmin/certificates/manage"));
        Assert.That(denied.Screen, Is.EqualTo("useradmin"));
        Assert.That(denied.Has("useradmin-denied"), Is.True);
        AssertHeaderLogout(denied);
    }

    [Test]
    public async Task Logout_closes_the_user_admin_window_only_and_services_still_logs_out()
    {
        var (master, notice, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var services = await master.GetAsync(master.Secure("/services"));
        var manage = await master.GetAsync(master.Secure(services.Href("services-user-admin")!));
        manage = await master.GetAsync(master.Secure("/useradmin/certificates/manage"));
        Assert.That(manage.Screen, Is.EqualTo("certificate-manage"));

        // Steps 1–2: [ログアウト] → [OK] submits the header form.
        var loggedOut = await master.SubmitAsync(manage, "useradmin-logout-ok");
        Assert.That(loggedOut.Screen, Is.EqualTo("useradmin-logged-out"));
        Assert.That(loggedOut.Text("screen-title"), Is.EqualTo("ログアウト"));
        Assert.That(loggedOut.Text("useradmin-logged-out-message"), Does.StartWith("ユーザ管理業務からログアウトしました。"));
        Assert.That(loggedOut.Has("useradmin-logout"), Is.False, "nothing left to log out of");
        Assert.That(loggedOut.Has("useradmin-tab-certificates"), Is.False);

        // Step 3: [閉じる] closes the window (site.js); where a browser refuses, the note shows the way back.
        var close = loggedOut.Element("useradmin-logged-out-close");
        Assert.That(close.TextContent.Trim(), Is.EqualTo("閉じる"));
        Assert.That(close.GetAttribute("data-close-window"), Is.EqualTo("useradmin-logged-out-fallback"));
        Assert.That(loggedOut.Document.GetElementById("useradmin-logged-out-fallback")?.HasAttribute("hidden"), Is.True);
        Assert.That(loggedOut.Href("useradmin-logged-out-services"), Is.EqualTo("/services"));

        foreach (var path in new[] { "/useradmin", "/useradmin/certificates", "/useradmin/certificates/manage", "/useradmin/certificates/done" })
        {
            Assert.That((await master.GetAsync(master.Secure(path))).Screen, Is.EqualTo("useradmin-logged-out"), path);
        }

        Assert.That((await master.GetAsync(master.Secure("/densai/top"))).Screen, Is.EqualTo("densai-top"), "the service window is not logged out");

        // サービス一覧 is still logged in: [ユーザ管理業務] opens the window again ...
        var again = await master.GetAsync(master.Secure("/services"));
        Assert.That(again.Screen, Is.EqualTo("services"));
        var reopened = await master.GetAsync(new Uri(again.Url, again.Href("services-user-admin")));
        Assert.That(reopened.Screen, Is.EqualTo("useradmin"));
        Assert.That((await master.GetAsync(master.Secure("/useradmin/certificates/manage"))).Screen, Is.EqualTo("certificate-manage"));

        // ... and steps 4–6: サービス一覧's [ログアウト] ends the session.
        var end = await master.SubmitAsync(again, "services-logout");
        Assert.That(end.Screen, Is.EqualTo("logged-out"));
        Assert.That((await master.GetAsync(master.Secure("/services"))).Screen, Is.EqualTo("session-required"));
        Assert.That((await master.GetAsync(master.Secure("/useradmin"))).Screen, Is.EqualTo("session-required"));

        await using var scope = Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShinkinDbContext>();
        var actions = await db.AuditEntries.Where(a => a.Actor == notice.MasterLoginId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.That(actions, Does.Contain("useradmin.logout").And.Contain("useradmin.enter").And.Contain("logout"));
    }

    [Test]
    public async Task Logout_is_a_post_and_a_second_one_changes_nothing()
    {
        var (master, _, _) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var index = await master.GetAsync(master.Secure("/useradmin"));
        Assert.That((await master.GetAsync(master.Secure("/useradmin/logout"))).Screen, Is.EqualTo("useradmin"), "a GET logs nobody out");
        Assert.That((await master.SubmitAsync(index, "useradmin-logout")).Screen, Is.EqualTo("useradmin-logged-out"), "without script the button submits directly");
        Assert.That((await master.SubmitAsync(index, "useradmin-logout-ok")).Screen, Is.EqualTo("useradmin-logged-out"));
        Assert.That((await master.GetAsync(master.Secure("/services"))).Screen, Is.EqualTo("services"));
    }

    [Test]
    public async Task Password_change_screen_has_a_logout_that_ends_the_session()
    {
        var notice = await Flows.OnboardInitialAsync(Server);
        using var certificate = await Flows.AcquireCertificateAsync(Server, notice.MasterLoginId, notice.InitialPassword);
        using var client = new BrowserlessClient(Server, certificate);
        var change = await Flows.CertificateLoginAsync(client, notice.InitialPassword);
        Assert.That(change.Screen, Is.EqualTo("password-change"));
        Assert.That(change.Text("pwchange-logout"), Is.EqualTo("ログアウト"));
        Assert.That(change.Text("pwchange-logout-dialog-text"), Is.EqualTo("ログアウトします。よろしいですか？"));
        var loggedOut = await client.SubmitAsync(change, "pwchange-logout-ok");
        Assert.That(loggedOut.Screen, Is.EqualTo("logged-out"));
        Assert.That((await client.GetAsync(client.Secure("/password/change"))).Screen, Is.EqualTo("session-required"));
    }

    private static void AssertHeaderLogout(HtmlPage page)
    {
        var button = page.Element("useradmin-logout");
        Assert.That(button.TextContent.Trim(), Is.EqualTo("ログアウト"), page.Screen);
        Assert.That(button.Closest(".site-header .header-right"), Is.Not.Null, page.Screen + ": top right");
        Assert.That(button.GetAttribute("data-dialog"), Is.EqualTo("useradmin-logout-dialog"), page.Screen);
        Assert.That(button.Closest("form")?.GetAttribute("action"), Is.EqualTo("/useradmin/logout"), page.Screen);
        var dialog = page.Element("useradmin-logout-dialog");
        Assert.That(dialog.LocalName, Is.EqualTo("dialog"), page.Screen);
        Assert.That(dialog.Id, Is.EqualTo("useradmin-logout-dialog"), page.Screen);
        var labelledBy = page.Document.GetElementById(dialog.GetAttribute("aria-labelledby")!);
        Assert.That(labelledBy?.TextContent.Trim(), Is.EqualTo(Question), page.Screen);
        Assert.That(page.Text("useradmin-logout-ok"), Is.EqualTo("OK"), page.Screen);
        Assert.That(page.Element("useradmin-logout-ok").GetAttribute("data-form"), Is.EqualTo(button.Closest("form")!.Id), page.Screen);
        Assert.That(page.Text("useradmin-logout-cancel"), Is.EqualTo("キャンセル"), page.Screen);
        Assert.That(page.Document.QuerySelectorAll("button, a").Count(e => e.TextContent.Trim() == "ログアウト"), Is.EqualTo(1), page.Screen + ": one ［ログアウト］");
    }
}
