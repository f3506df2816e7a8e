using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.Configuration;
using Shinkin.ReferenceServer.Hosting;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>
/// "ReferenceServer:TestHooks" = false: no data-testid, no data-screen, no render-id on any page, and the manual's
/// procedures still work when driven the way a person (or a label-driven locator) does: headings, labels, button texts.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class TestHooksTests : ServerFixture
{
    private const string StaffId = TestServers.StaffId;
    private const string StaffPassword = TestServers.StaffPassword;

    private RunningReferenceServer _off = null!;
    private string _offDirectory = null!;

    [OneTimeSetUp]
    public async Task StartHooklessServerAsync()
    {
        _offDirectory = TestServers.NewDataDirectory();
        _off = await TestServers.StartAsync(_offDirectory, testHooks: false);
    }

    [OneTimeTearDown]
    public async Task StopHooklessServerAsync()
    {
        await _off.DisposeAsync();
        TestServers.DeleteQuietly(_offDirectory);
    }

    [Test]
    public async Task Public_error_and_back_office_screens_carry_no_hooks()
    {
        using var client = new BrowserlessClient(_off);
        var home = Checked(await client.GetAsync(_off.PublicUrl), "当金庫ホームページ");
        var service = Checked(await Follow(client, home, "しんきん電子記録債権システム"), "しんきん電子記録債権システムサービス");
        var guide = Checked(await Follow(client, service, "しんきん電子記録債権システムのご案内"), "しんきん電子記録債権システムのご案内");
        var login = Checked(await Follow(client, guide, "ログイン"), "ログイン");
        Checked(await Follow(client, login, "電子証明書取得"), "電子証明書取得");
        Checked(await client.GetAsync(client.Public("/no-such-page")), "ページが見つかりません", expectedStatus: System.Net.HttpStatusCode.NotFound);
        Checked(await client.GetAsync(client.Secure("/certificate-login")), "電子証明書エラー", expectedStatus: System.Net.HttpStatusCode.Forbidden);
        Checked(await client.GetAsync(client.Secure("/session/required")), "ログインが必要です", expectedStatus: null);
        Checked(await client.GetAsync(client.Secure("/session/timeout")), "タイムアウト", expectedStatus: null);

        var notice = await Flows.OnboardInitialAsync(_off);
        using var staff = new BrowserlessClient(_off);
        var staffLogin = Checked(await staff.GetAsync(staff.Public("/backoffice/login")), "当金庫 事務センター ログイン", accessible: false);
        var companies = await staff.SubmitAsync(staffLogin, staffLogin.Control("ログイン"), new Dictionary<string, string>
        {
            [staffLogin.FieldName("職員ID")] = StaffId,
            [staffLogin.FieldName("パスワード")] = StaffPassword,
        });
        AssertNoHooks(companies);
        AssertLabelled(companies);
        Assert.That(companies.Html, Does.Contain(notice.CompanyNumber));
        var newCompany = await Follow(staff, companies, "新規契約先登録");
        AssertNoHooks(newCompany);
        AssertLabelled(newCompany);
        AssertNoHooks(await staff.GetAsync(staff.Public("/backoffice/companies/" + notice.CompanyNumber)));
        AssertNoHooks(await staff.SubmitAsync(companies, companies.Control("ログアウト")));
    }

    [Test]
    public async Task Master_goes_through_chapters_2_3_and_5_without_hooks()
    {
        var notice = await Flows.OnboardInitialAsync(_off);
        var generalId = "d-nohook" + Random.Shared.Next(1000, 9999);

        // 電子証明書取得 (2-1 steps 5–8)
        using var anonymous = new BrowserlessClient(_off);
        var acquire = Checked(await anonymous.GetAsync(anonymous.Public("/certificate/acquire")), "電子証明書取得");
        var acquireConfirm = Checked(await anonymous.SubmitAsync(acquire, acquire.Control("取得"), new Dictionary<string, string>
        {
            [acquire.FieldName("ログインID（お客様ID）")] = notice.MasterLoginId,
            [acquire.FieldName("ログインパスワード")] = notice.InitialPassword,
        }), "電子証明書取得");
        Assert.That(acquireConfirm.ValueOf("ログインID（お客様ID）"), Is.EqualTo(notice.MasterLoginId));
        var acquired = Checked(await anonymous.SubmitAsync(acquireConfirm, acquireConfirm.Control("取得")), "電子証明書取得");
        var pfxPassword = acquired.ValueOf("電子証明書ファイルのパスワード");
        var pfx = await anonymous.GetBytesAsync(new Uri(acquired.Url, acquired.Control("はい").GetAttribute("href")));
        using var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(pfx, pfxPassword);

        // 電子証明書ログイン and the first-login password change (2-2, 2-3)
        using var client = new BrowserlessClient(_off, certificate);
        var login = Checked(await client.GetAsync(client.Secure("/certificate-login")), "電子証明書ログイン");
        Assert.That(login.ValueOf("ログインID（お客様ID）"), Is.EqualTo(notice.MasterLoginId));
        var change = Checked(await client.SubmitAsync(login, login.Control("ログイン"), new Dictionary<string, string>
        {
            [login.FieldName("ログインパスワード")] = notice.InitialPassword,
        }), "ログインパスワード変更");
        var services = Checked(await client.SubmitAsync(change, change.Control("変更"), new Dictionary<string, string>
        {
            [change.FieldName("現ログインパスワード")] = notice.InitialPassword,
            [change.FieldName("新ログインパスワード")] = "NewPass1",
            [change.FieldName("新ログインパスワード（確認用）")] = "NewPass1",
        }), "サービス一覧");

        // 承認パスワード (2-4), then the top screen and 管理業務
        var densai = services.Controls("しんきん電子記録債権サービス");
        Assert.That(densai, Has.Count.EqualTo(2));
        var approval = Checked(await client.GetAsync(new Uri(services.Url, densai[0].GetAttribute("href"))), "承認パスワード変更");
        var approvalDone = Checked(await client.SubmitAsync(approval, approval.Control("実行"), new Dictionary<string, string>
        {
            [approval.FieldName("新しい承認パスワード")] = "Appr0val",
            [approval.FieldName("新しい承認パスワード（確認用）")] = "Appr0val",
        }), "承認パスワード変更完了");
        var top = Checked(await Follow(client, approvalDone, "トップへ"), "トップ");
        var admin = Checked(await Follow(client, top, "管理業務"), "管理業務");
        var users = Checked(await Follow(client, admin, "ユーザ情報管理"), "ユーザ情報管理");

        // ユーザ情報管理: 変更 (search), 登録・解除 → 新規登録, 更新 (chapter 3)
        var permissions = Checked(await Follow(client, users, "変更"), "ユーザ情報変更（ユーザ検索）");
        var found = Checked(await client.SubmitAsync(permissions, permissions.Control("検索")), "ユーザ情報変更（ユーザ検索）");
        Assert.That(Row(found, notice.MasterLoginId), Is.Not.Null);
        var registration = Checked(await Follow(client, users, "登録・解除"), "ユーザ登録・解除（ユーザ検索）");
        var form = Checked(await Follow(client, registration, "新規登録"), "ユーザ新規登録");
        var regConfirm = Checked(await client.SubmitAsync(form, form.Control("確認"), new Dictionary<string, string>
        {
            [form.FieldName("ログインID")] = generalId[2..],
            [form.FieldName("ユーザ名")] = "無印 花子",
            [form.FieldName("メールアドレス")] = "hanako@example.com",
            [form.FieldName("メールアドレス（確認用）")] = "hanako@example.com",
            [form.FieldName("初回ログインパスワード")] = "First123",
            [form.FieldName("初回ログインパスワード（確認用）")] = "First123",
        }), "ユーザ新規登録（確認）");
        Assert.That(regConfirm.ValueOf("ログインID"), Is.EqualTo(generalId));
        Assert.That(regConfirm.ValueOf("ユーザ名"), Is.EqualTo("無印 花子"));
        Assert.That(regConfirm.ValueOf("メールアドレス"), Is.EqualTo("hanako@example.com"));
        var registered = Checked(await client.SubmitAsync(regConfirm, regConfirm.Control("実行"), new Dictionary<string, string>
        {
            [regConfirm.FieldName("承認パスワード")] = "Appr0val",
        }), "ユーザ新規登録（完了）");
        Assert.That(registered.ValueOf("ログインID"), Is.EqualTo(generalId));
        var update = Checked(await Follow(client, users, "更新"), "ユーザ更新");
        var updateConfirm = Checked(await client.SubmitAsync(update, update.Control("ユーザ更新の確認へ")), "ユーザ更新（確認）");
        Assert.That(Row(updateConfirm, generalId)?.TextContent, Does.Contain("登録"));
        Checked(await client.SubmitAsync(updateConfirm, updateConfirm.Control("ユーザ更新の実行"), new Dictionary<string, string>
        {
            [updateConfirm.FieldName("承認パスワード")] = "Appr0val",
        }), "ユーザ更新（完了）");

        // ユーザ管理業務 → 電子証明書管理 (3-4 steps 5–11)
        services = Checked(await client.GetAsync(client.Secure("/services")), "サービス一覧");
        var userAdmin = Checked(await Follow(client, services, "ユーザ管理業務"), "ユーザ管理業務");
        var certificates = Checked(await Follow(client, userAdmin, "電子証明書管理"), "電子証明書管理");
        var menuLink = certificates.Document.QuerySelector("main")!.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "電子証明書管理");
        var manage = Checked(await client.GetAsync(new Uri(certificates.Url, menuLink.GetAttribute("href"))), "電子証明書管理（ユーザ選択）");
        var selected = Checked(await client.SubmitAsync(manage, manage.Control("次へ"), new Dictionary<string, string>
        {
            [manage.FieldName(generalId)] = generalId,
        }), "電子証明書管理（ユーザ情報）");
        Assert.That(selected.ValueOf("ログインID"), Is.EqualTo(generalId));
        Assert.That(((IHtmlInputElement)selected.Field("電子証明書を発行する")).IsChecked, Is.True);
        var certConfirm = Checked(await client.SubmitAsync(selected, selected.Control("変更")), "電子証明書管理（変更内容の確認）");
        Assert.That(certConfirm.ValueOf("変更内容"), Is.EqualTo("電子証明書の発行"));
        var certDone = Checked(await client.SubmitAsync(certConfirm, certConfirm.Control("確定")), "電子証明書管理（完了）");
        Assert.That(certDone.ValueOf("ログインID"), Is.EqualTo(generalId));

        // Logout (5-1): the ユーザ管理業務 window, the service window, then サービス一覧
        var userAdminOut = Checked(await client.SubmitAsync(certDone, certDone.Control("ログアウト")), "ログアウト");
        Assert.That(userAdminOut.Html, Does.Contain("ユーザ管理業務からログアウトしました。"));
        Assert.That(userAdminOut.Controls("閉じる"), Has.Count.EqualTo(1));
        top = Checked(await client.GetAsync(client.Secure("/densai/top")), "トップ");
        var densaiOut = Checked(await client.SubmitAsync(top, top.Control("ログアウト")), "ログアウト");
        Assert.That(densaiOut.Html, Does.Contain("しんきん電子記録債権サービスからログアウトしました。"));
        services = Checked(await client.GetAsync(client.Secure("/services")), "サービス一覧");
        var loggedOut = Checked(await client.SubmitAsync(services, services.Control("ログアウト")), "ログアウト");
        Assert.That(loggedOut.Html, Does.Contain("ログアウトしました。ご利用ありがとうございました。"));
        Checked(await client.GetAsync(client.Secure("/services")), "ログインが必要です", expectedStatus: null);

        // A full login still succeeds afterwards.
        using var again = new BrowserlessClient(_off, certificate);
        var relogin = await again.GetAsync(again.Secure("/certificate-login"));
        Checked(await again.SubmitAsync(relogin, relogin.Control("ログイン"), new Dictionary<string, string>
        {
            [relogin.FieldName("ログインパスワード")] = "NewPass1",
        }), "サービス一覧");
    }

    [Test]
    public async Task Field_errors_are_tied_to_their_fields_without_hooks()
    {
        using var client = new BrowserlessClient(_off);
        var acquire = await client.GetAsync(client.Public("/certificate/acquire"));
        var refused = Checked(await client.SubmitAsync(acquire, acquire.Control("取得")), "電子証明書取得");
        var field = refused.Field("ログインID（お客様ID）");
        var message = refused.Document.GetElementById(field.GetAttribute("aria-describedby")!);
        Assert.That(message?.TextContent.Trim(), Is.Not.Empty, "the error sits in the element the field points at");
    }

    [Test]
    public async Task Configuration_key_turns_the_hooks_off_too()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ReferenceServer:TestHooks", "false")]).Build();
        Assert.That(ReferenceServerApp.OptionsFromConfiguration(configuration).TestHooks, Is.False);
        Assert.That(ReferenceServerApp.OptionsFromConfiguration(new ConfigurationBuilder().Build()).TestHooks, Is.True, "default");

        var directory = TestServers.NewDataDirectory();
        try
        {
            await using var server = await TestServers.StartAsync(directory, settings: new Dictionary<string, string?> { ["ReferenceServer:TestHooks"] = "false" });
            using var client = new BrowserlessClient(server);
            AssertNoHooks(await client.GetAsync(client.Public("/login")));
            AssertNoHooks(await client.GetAsync(client.Public("/backoffice/login")));
        }
        finally
        {
            TestServers.DeleteQuietly(directory);
        }
    }

    [Test]
    public async Task By_default_every_page_carries_the_hooks()
    {
        using var anonymous = new BrowserlessClient(Server);
        var (master, _, top) = await Flows.ReadyMasterAtTopAsync(Server);
        using var _m = master;
        var pages = new List<HtmlPage>
        {
            await anonymous.GetAsync(Server.PublicUrl),
            await anonymous.GetAsync(anonymous.Public("/login")),
            await anonymous.GetAsync(anonymous.Public("/certificate/acquire")),
            await anonymous.GetAsync(anonymous.Public("/backoffice/login")),
            await anonymous.GetAsync(anonymous.Public("/no-such-page")),
            await anonymous.GetAsync(anonymous.Secure("/certificate-login")),
            await master.GetAsync(master.Secure("/services")),
            top,
            await master.GetAsync(master.Secure("/densai/admin/users")),
            await master.GetAsync(master.Secure("/useradmin/certificates/manage")),
        };
        foreach (var page in pages)
        {
            Assert.That(page.Html, Does.Contain("data-testid=\"screen-" + page.Screen + "\""), page.Url.ToString());
            Assert.That(page.Screen, Is.Not.Empty, page.Url.ToString());
            Assert.That(page.Has("render-id"), Is.True, page.Url.ToString());
            Assert.That(page.Has("screen-title"), Is.True, page.Url.ToString());
        }
    }

    private static async Task<HtmlPage> Follow(BrowserlessClient client, HtmlPage page, string linkText) =>
        await client.GetAsync(new Uri(page.Url, page.Control(linkText).GetAttribute("href")));

    private static IElement? Row(HtmlPage page, string text) =>
        page.Document.QuerySelectorAll("tr").FirstOrDefault(r => r.Children.Any(c => c.TextContent.Trim() == text));

    /// <summary>The expected screen (by its h1), no hooks, and every field a user fills has a label.</summary>
    private static HtmlPage Checked(HtmlPage page, string heading, bool accessible = true, System.Net.HttpStatusCode? expectedStatus = System.Net.HttpStatusCode.OK)
    {
        if (expectedStatus is not null)
        {
            Assert.That(page.Status, Is.EqualTo(expectedStatus), page.Url.ToString());
        }

        Assert.That(page.Heading, Is.EqualTo(heading), page.Url.ToString());
        AssertNoHooks(page);
        if (accessible)
        {
            AssertLabelled(page);
        }

        return page;
    }

    private static void AssertNoHooks(HtmlPage page)
    {
        Assert.That(page.Html, Does.Not.Contain("data-testid"), page.Url.ToString());
        Assert.That(page.Html, Does.Not.Contain("data-screen"), page.Url.ToString());
        Assert.That(page.Html, Does.Not.Contain("render-id"), page.Url.ToString());
    }

    private static void AssertLabelled(HtmlPage page)
    {
        var fields = page.Document.QuerySelectorAll("input, select, textarea")
            .Where(e => e.GetAttribute("type") is not ("hidden" or "submit" or "button"));
        foreach (var field in fields)
        {
            var labelled = field.HasAttribute("aria-label")
                           || field.Closest("label") is not null
                           || (field.Id is { Length: > 0 } id && page.Document.QuerySelector($"label[for='{id}']") is not null);
            Assert.That(labelled, Is.True, $"{page.Heading}: field {field.GetAttribute("name")} has no label");
            if (field.GetAttribute("aria-describedby") is { } describedBy)
            {
                Assert.That(page.Document.GetElementById(describedBy), Is.Not.Null, $"{page.Heading}: {describedBy}");
            }
        }

        // A screen reader announces the column of every cell: no header is left without a name (shown or not).
        var unnamed = page.Document.QuerySelectorAll("th").Count(th => string.IsNullOrWhiteSpace(th.TextContent));
        Assert.That(unnamed, Is.Zero, $"{page.Heading}: column headers without a name");
    }
}
