using System.Text;
using NUnit.Framework;
using Shinkin.Browsers.Tests.Support;
using Shinkin.Settings;

namespace Shinkin.Browsers.Tests;

/// <summary>
/// The same engine-neutral operations on every adapter, against an HTTPS site whose CA the browsers
/// trust only through the adapters' trust mechanism (no certificate errors are ignored anywhere).
/// One browser (or endpoint) per fixture, a fresh session per test. A remote adapter drives pages with the same session
/// code as its local one; what the endpoint changes is tagged <see cref="RemoteDifference"/>, and `./harness test` runs
/// only those tests on the remote fixtures (tagged <see cref="RemoteAdapter"/>). `dotnet test` runs them all.
/// </summary>
[TestFixture(AdapterKind.Playwright)]
[TestFixture(AdapterKind.Selenium)]
[TestFixture(AdapterKind.SeleniumRemote, Category = RemoteAdapter)]
[TestFixture(AdapterKind.PlaywrightRemote, Category = RemoteAdapter)]
[Category("Browser")]
public sealed class ContractTests
{
    private static readonly Target Greeting = Target.ByTestId("greeting", "［ようこそ］表示");
    private static readonly Target Output = Target.ByTestId("output", "結果表示");
    private static readonly Target Hello = Target.ByRole(TargetRole.Button, "挨拶", "［挨拶］ボタン");
    private static readonly Target Add = Target.ByRole(TargetRole.Button, "追加", "［追加］ボタン");
    private static readonly Target Name = Target.ByLabel("お名前", "お名前欄");
    private static readonly Target Agree = Target.ByRole(TargetRole.CheckBox, "同意する", "［同意する］チェック");
    private static readonly Target Kind = Target.ByLabel("口座種別", "口座種別欄");
    private static readonly Target Delete = Target.ByTestId("delete", "［削除］ボタン");
    private static readonly Target ConfirmResult = Target.ByTestId("confirm-result", "確認結果");
    private static readonly Target OpenPopup = Target.ByTestId("open-popup", "［別ウィンドウで開く］ボタン");
    private static readonly Target NewTabLink = Target.ByRole(TargetRole.Link, "新しいタブで開く", "［新しいタブで開く］リンク");
    private static readonly Target CloseSelf = Target.ByTestId("close-self", "［閉じる］ボタン");
    private static readonly Target Download = Target.ByTestId("download", "［明細をダウンロード］リンク");
    private static readonly Target SlowDownload = Target.ByTestId("download-slow", "［証明書をダウンロード］リンク");
    private static readonly Target StalledDownload = Target.ByTestId("download-stalled", "［途中で止まるダウンロード］リンク");
    private static readonly Target Subject = Target.ByTestId("subject", "証明書の主体");

    /// <summary>The fixtures of the adapters that reach a browser through an endpoint (a Grid, a Playwright server).</summary>
    public const string RemoteAdapter = "remote-adapter";

    /// <summary>
    /// What a remote endpoint changes: starting a session and trusting the site there, downloads saved on the far side,
    /// client certificates (a declared gap on a Grid), bytes brought back (screenshots, page HTML) and the scan script.
    /// </summary>
    public const string RemoteDifference = "remote-difference";

    private readonly AdapterKind kind;
    private string work = null!;
    private TestCertificates certificates = null!;
    private TestSite site = null!;
    private Adapter adapter = null!;

    public ContractTests(AdapterKind kind) => this.kind = kind;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        work = Path.Combine(Path.GetTempPath(), $"shinkin-contract-{kind}-{Guid.NewGuid():N}"[..40]);
        certificates = TestCertificates.Create(work);
        site = await TestSite.StartAsync(certificates);
        adapter = await Adapter.StartAsync(kind, certificates, work);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (adapter is not null)
        {
            await adapter.DisposeAsync();
        }

        if (site is not null)
        {
            await site.DisposeAsync();
        }

        certificates?.Dispose();
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Test]
    [Category(RemoteDifference)]
    public async Task Navigates_over_https_trusting_the_test_CA_and_reports_the_browser()
    {
        await using (var session = await OpenHomeAsync())
        {
            Assert.That(await session.TitleAsync(), Is.EqualTo("契約テスト"));
            Assert.That(session.CurrentUrl, Is.EqualTo(site.BaseUrl));
            Assert.That(session.BrowserVersion, Does.StartWith("chromium "));
            Assert.That(session.EngineName, Is.EqualTo(kind is AdapterKind.Playwright or AdapterKind.PlaywrightRemote ? "playwright" : "selenium"));
            if (adapter.Grid is { } grid)
            {
                var status = await grid.StatusAsync();
                Assert.That(status.Nodes.Single().Uri, Is.EqualTo(grid.NodeUrl), "one node, registered with the hub");
                Assert.That(status.SessionIds, Has.Count.EqualTo(1), "the browser runs in a slot of the Grid's node");
            }
        }

        if (adapter.Grid is { } used)
        {
            Assert.That(await FreedAsync(used), Is.True, "closing the session gave its slot back to the Grid");
        }
    }

    [Test]
    public async Task Finds_by_test_id_and_by_role_with_exact_name()
    {
        await using var session = await OpenHomeAsync();

        Assert.That(await session.ReadTextAsync(Greeting), Is.EqualTo("ようこそ"));
        await session.ClickAsync(Hello);
        Assert.That(await session.ReadTextAsync(Output), Is.EqualTo("こんにちは"));
        Assert.That(await session.CountAsync(Target.ByRole(TargetRole.Button, "挨", "部分一致")), Is.Zero, "names match exactly");
        Assert.That(await session.CountAsync(Target.ByRole(TargetRole.Button, "隠し", "hidden")), Is.Zero, "hidden elements have no role");
        Assert.That(await session.IsVisibleAsync(Hello), Is.True);
    }

    [Test]
    public async Task A_cancelled_token_stops_an_operation_before_it_touches_the_page()
    {
        await using var session = await OpenHomeAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () => session.ClickAsync(Hello, cancelled.Token));
            Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () => session.NavigateAsync(new Uri(site.BaseUrl, "?again"), cancelled.Token));
            Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () => session.ReadTextAsync(Greeting, cancelled.Token));
            Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () => session.ScreenshotAsync(cancellationToken: cancelled.Token));
        });
        Assert.That(await session.ReadAllTextAsync(Output), Is.EqualTo(new[] { "" }), "the cancelled click never happened");
        Assert.That(session.CurrentUrl, Is.EqualTo(site.BaseUrl), "the cancelled navigation never happened");
    }

    [Test]
    public async Task Cancelling_a_wait_ends_it_at_once()
    {
        await using var session = await OpenHomeAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.ThrowsAsync(
            Is.InstanceOf<OperationCanceledException>(),
            () => session.WaitForAsync(Target.ByTestId("never-there", "現れない表示"), TimeSpan.FromSeconds(30), cancel.Token));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "not the 30 s timeout");
    }

    [Test]
    public async Task Label_mode_finds_actions_as_links_or_input_buttons_inside_the_row_that_holds_a_text()
    {
        await using var session = await OpenLabelsPageAsync();

        await session.ClickAsync(Action("変更").Inside(Row("d-a111")));
        Assert.That(await session.ReadTextAsync(Target.ByText("出力:", "出力")), Is.EqualTo("出力:a111"));
        await session.ClickAsync(Action("変更").Inside(Row("d-b222")));
        Assert.That(await session.ReadTextAsync(Target.ByText("出力:", "出力")), Is.EqualTo("出力:b222"));
        await session.SetCheckedAsync(new Target("b222 の選択") { Role = TargetRole.CheckBox }.Inside(Row("d-b222")), true);
        Assert.That(await session.IsCheckedAsync(Target.ByLabel("選択 b222", "b222 の選択")), Is.True);
        Assert.That(await session.IsCheckedAsync(Target.ByLabel("選択 a111", "a111 の選択")), Is.False, "the scope picked the other row's box");
        Assert.That(await session.ReadTextAsync(new Target("状態") { Role = TargetRole.Cell }.Inside(Row("d-a111")).Nth(1)), Is.EqualTo("未発行"));
    }

    [Test]
    public async Task Label_mode_reads_values_beside_headers_texts_and_the_banner()
    {
        await using var session = await OpenLabelsPageAsync();

        Assert.That(await session.ReadTextAsync(Target.ValueBeside("ログインID", "ログインID")), Is.EqualTo("d-a123"));
        Assert.That(await session.ReadTextAsync(Target.ValueBeside("ユーザ名", "ユーザ名")), Is.EqualTo("電債　一郎"));
        Assert.That(await session.ReadTextAsync(new Target("ヘッダー") { Role = TargetRole.Banner }), Does.Contain("d-a123"));
        Assert.That(await session.IsVisibleAsync(Target.ByRole(TargetRole.Heading, "ラベルの一覧", "見出し")), Is.True);
        Assert.That(await session.IsVisibleAsync(Target.ByText("入力内容に誤り", "エラー")), Is.False, "no message before the post");
    }

    [Test]
    public async Task Label_mode_scopes_a_name_shared_by_a_tab_and_a_menu_link_to_the_main_region()
    {
        await using var session = await OpenLabelsPageAsync();

        Assert.That(await session.CountAsync(Action("電子証明書管理")), Is.EqualTo(2), "the tab and the menu link");
        await session.ClickAsync(Action("電子証明書管理").Inside(new Target("本文") { Role = TargetRole.Main }));
        Assert.That(await session.ReadTextAsync(Target.ByText("出力:", "出力")), Is.EqualTo("出力:menu"));
    }

    [Test]
    public async Task A_post_answered_at_the_same_url_is_waited_for_as_a_new_document()
    {
        await using var session = await OpenLabelsPageAsync();

        await session.FillAsync(Target.ByLabel("承認パスワード", "承認パスワード"), "wrong");
        await session.ClickAndWaitForNewDocumentAsync(Action("実行"));
        Assert.That(await session.IsVisibleAsync(Target.ByText("入力内容に誤りがあります", "エラー")), Is.True, "checked at once, no wait: the answer has arrived");
        Assert.That(session.CurrentUrl.AbsolutePath, Is.EqualTo("/labels"));
    }

    [Test]
    public async Task Wait_for_any_returns_the_first_visible_candidate()
    {
        await using var session = await OpenLabelsPageAsync();

        var index = await session.WaitForAnyAsync([Target.ByRole(TargetRole.Heading, "別の画面", "別の画面"), Target.ByRole(TargetRole.Heading, "ラベルの一覧", "この画面")]);
        Assert.That(index, Is.EqualTo(1));
        var error = Assert.ThrowsAsync<BrowserException>(() => session.WaitForAnyAsync([Target.ByRole(TargetRole.Heading, "別の画面", "別の画面")], TimeSpan.FromMilliseconds(500)));
        Assert.That(error!.Message, Does.Contain("別の画面"));
    }

    [Test]
    public async Task Label_mode_never_uses_a_test_id_and_says_so()
    {
        await using var session = await OpenLabelsPageAsync();

        var error = Assert.ThrowsAsync<BrowserException>(() => session.ReadTextAsync(Greeting));
        Assert.That(error!.Message, Does.Contain("［ようこそ］表示").And.Contain("label mode"));
    }

    [Test]
    public async Task Index_picks_one_of_two_identical_buttons()
    {
        await using var session = await OpenHomeAsync();

        Assert.That(await session.CountAsync(Add), Is.EqualTo(2));
        Assert.That(await session.ReadAllTextAsync(Add), Is.EqualTo(new[] { "追加", "追加" }));
        await session.ClickAsync(Add.Nth(1));
        Assert.That(await session.ReadTextAsync(Output), Is.EqualTo("追加2"));
        await session.ClickAsync(Add.Nth(0));
        Assert.That(await session.ReadTextAsync(Output), Is.EqualTo("追加1"));
    }

    [Test]
    public async Task Fills_selects_and_checks_by_label()
    {
        await using var session = await OpenHomeAsync();

        await session.FillAsync(Name, "信金 太郎");
        Assert.That(await session.ReadValueAsync(Name), Is.EqualTo("信金 太郎"));
        await session.SelectAsync(Kind, "当座");
        Assert.That(await session.ReadValueAsync(Kind), Is.EqualTo("toza"));
        await session.SelectAsync(Kind, "futsu");
        Assert.That(await session.ReadValueAsync(Kind), Is.EqualTo("futsu"));
        Assert.That(await session.IsCheckedAsync(Agree), Is.False);
        await session.SetCheckedAsync(Agree, true);
        Assert.That(await session.IsCheckedAsync(Target.ByLabel("同意する", "同意欄")), Is.True);
    }

    [Test]
    public async Task A_missing_target_fails_with_its_description_and_the_action()
    {
        await using var session = await OpenHomeAsync(timeout: TimeSpan.FromSeconds(1));
        var missing = Target.ByTestId("no-such-thing", "［存在しない］ボタン");

        var click = Assert.ThrowsAsync<BrowserException>(() => session.ClickAsync(missing));
        Assert.That(click!.Message, Does.Contain("［存在しない］ボタン").And.Contain("Clicking").And.Contain("no-such-thing"));
        var wait = Assert.ThrowsAsync<BrowserException>(() => session.WaitForAsync(missing, TimeSpan.FromMilliseconds(300)));
        Assert.That(wait!.Message, Does.Contain("［存在しない］ボタン").And.Contain("Waiting for"));
        Assert.That(await session.IsVisibleAsync(missing), Is.False);
    }

    [TestCase(true, "accepted")]
    [TestCase(false, "dismissed")]
    public async Task Answers_a_confirm_dialog(bool accept, string expected)
    {
        await using var session = await OpenHomeAsync();

        var message = await session.ClickAndHandleDialogAsync(Delete, accept);

        Assert.That(message, Is.EqualTo("削除しますか？"));
        Assert.That(await session.ReadTextAsync(ConfirmResult), Is.EqualTo(expected));
    }

    [Test]
    public async Task Switches_to_a_window_open_pop_up_and_closes_it()
    {
        await using var session = await OpenHomeAsync();

        var handle = await session.ClickAndSwitchToNewWindowAsync(OpenPopup);
        Assert.That(handle, Is.Not.Empty);
        Assert.That(session.WindowCount, Is.EqualTo(2));
        Assert.That(await session.TitleAsync(), Is.EqualTo("ポップアップ"));

        await session.CloseCurrentWindowAsync();
        Assert.That(session.WindowCount, Is.EqualTo(1));
        Assert.That(await session.TitleAsync(), Is.EqualTo("契約テスト"));
    }

    [Test]
    public async Task Follows_a_target_blank_link_and_survives_the_page_closing_itself()
    {
        await using var session = await OpenHomeAsync();

        await session.ClickAndSwitchToNewWindowAsync(NewTabLink);
        Assert.That(session.CurrentUrl.AbsolutePath, Is.EqualTo("/popup"));
        await session.ClickAsync(CloseSelf);
        await session.WaitForWindowCountAsync(1, TimeSpan.FromSeconds(10));

        Assert.That(await session.ReadTextAsync(Greeting), Is.EqualTo("ようこそ"), "carries on in the remaining window");
        Assert.That(await session.TitleAsync(), Is.EqualTo("契約テスト"));
    }

    [TestCaseSource(nameof(Downloads))]
    [Category(RemoteDifference)]
    public async Task Saves_a_download_into_the_session_folder(Target link, string name, byte[] content)
    {
        var folder = Path.Combine(work, "downloads", Guid.NewGuid().ToString("N"));
        await using var session = await OpenHomeAsync(folder);

        var file = await session.ClickAndDownloadAsync(link);

        Assert.That(file.SuggestedFileName, Is.EqualTo(name));
        Assert.That(file.Path, Is.EqualTo(Path.Combine(folder, name)));
        Assert.That(await File.ReadAllBytesAsync(file.Path), Is.EqualTo(content), "complete, not the browser's temporary file");
    }

    [Test]
    [Category(RemoteDifference)]
    public async Task A_download_that_stalls_fails_in_time_naming_the_file()
    {
        // Long enough for the download to start on a busy machine; it then has as long again to complete.
        await using var session = await OpenHomeAsync(timeout: TimeSpan.FromSeconds(4));

        var attempt = session.ClickAndDownloadAsync(StalledDownload);
        await Task.WhenAny(attempt, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.That(attempt.IsCompleted, Is.True, "the adapter gives up by itself, well within 30 s");
        var error = Assert.ThrowsAsync<BrowserException>(() => attempt);
        Assert.That(error!.Message, Does.Contain("［途中で止まるダウンロード］リンク").And.Contain(TestSite.StalledDownloadName));
    }

    [Test]
    [Category(RemoteDifference)]
    public async Task Reads_cookies_screenshots_and_page_html()
    {
        await using var session = await OpenHomeAsync();

        var cookie = (await session.CookiesAsync()).Single(c => c.Name == TestSite.CookieName);
        Assert.That(cookie.Value, Is.EqualTo("abc123"));
        Assert.That(cookie.Secure, Is.True);
        Assert.That(cookie.HttpOnly, Is.True);
        Assert.That(cookie.Path, Is.EqualTo("/"));

        var png = await session.ScreenshotAsync();
        Assert.That(png.Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        Assert.That((await session.ScreenshotAsync(fullPage: true)).Length, Is.GreaterThan(1000));
        Assert.That(await session.PageHtmlAsync(), Does.Contain("data-testid=\"greeting\""));
    }

    [Test]
    [Category(RemoteDifference)]
    public async Task Presents_a_client_certificate_keeping_cookies_and_windows()
    {
        await using var session = await OpenHomeAsync();
        if (kind == AdapterKind.SeleniumRemote)
        {
            Assert.That(session, Is.Not.InstanceOf<ISupportsClientCertificates>(), "a grid node's NSS database is out of reach: declared gap");
            return;
        }

        Assert.That(session, Is.InstanceOf<ISupportsClientCertificates>());
        await ((ISupportsClientCertificates)session).UseClientCertificateAsync(site.CertificateUrl, certificates.ClientPfxPath, TestCertificates.ClientPassword);

        Assert.That(session.CurrentUrl, Is.EqualTo(site.BaseUrl), "the open page is reopened");
        Assert.That((await session.CookiesAsync()).Select(c => c.Name), Does.Contain(TestSite.CookieName), "cookies carried over");
        await session.NavigateAsync(new Uri(site.CertificateUrl, "whoami"));
        Assert.That(await session.ReadTextAsync(Subject), Does.Contain("CN=" + TestCertificates.ClientCommonName));
    }

    [Test]
    [Category(RemoteDifference)]
    public async Task Presents_a_client_certificate_given_at_the_start_from_its_first_page()
    {
        var options = SessionOptions() with
        {
            ClientCertificate = new ClientCertificateFile(site.CertificateUrl, certificates.ClientPfxPath, TestCertificates.ClientPassword),
        };
        await using var session = await adapter.Factory.CreateSessionAsync(options);
        if (session is not ISupportsClientCertificates)
        {
            Assert.That(kind, Is.EqualTo(AdapterKind.SeleniumRemote), "only the grid cannot present certificates (declared gap)");
            return;
        }

        await session.NavigateAsync(new Uri(site.CertificateUrl, "whoami"));
        Assert.That(await session.ReadTextAsync(Subject), Does.Contain("CN=" + TestCertificates.ClientCommonName));
    }

    [Test]
    [Category(RemoteDifference)]
    public async Task An_accessibility_scan_reports_each_WCAG_failure_with_criterion_element_and_fix()
    {
        var page = new Uri(site.BaseUrl, "/a11y/broken");
        await using var session = await adapter.Factory.CreateSessionAsync(SessionOptions());
        await session.NavigateAsync(page);

        Assert.That(session, Is.InstanceOf<ISupportsAccessibilityScan>());
        var scan = await ((ISupportsAccessibilityScan)session).ScanAccessibilityAsync();

        var label = scan.Violations.Single(v => v.RuleId == "label");
        var contrast = scan.Violations.Single(v => v.RuleId == "color-contrast");
        Assert.Multiple(() =>
        {
            Assert.That(scan.Engine, Is.EqualTo("axe-core 4.14.0"), "the same engine on every adapter");
            Assert.That(scan.Url, Is.EqualTo(page));
            Assert.That(scan.Violations.Select(v => v.RuleId), Is.EquivalentTo(new[] { "label", "color-contrast" }), "best practices (landmarks) are not WCAG criteria and do not run");
            Assert.That((label.Impact, label.Level, label.Criteria), Is.EqualTo(("critical", "A", (IReadOnlyList<string>)["4.1.2"])));
            Assert.That(label.Nodes.Single().Target, Is.EqualTo("#nameless"));
            Assert.That(label.Nodes.Single().FailureSummary, Does.StartWith("Fix any of the following:"));
            Assert.That(label.HelpUrl, Does.StartWith("https://dequeuniversity.com/rules/axe/4.14/label"));
            Assert.That((contrast.Impact, contrast.Level, contrast.Criteria), Is.EqualTo(("serious", "AA", (IReadOnlyList<string>)["1.4.3"])));
            Assert.That(contrast.Nodes.Single().Html, Does.Contain("薄い文字"), "the external stylesheet had loaded");
            Assert.That(contrast.Nodes.Single().FailureSummary, Does.Contain("contrast"));
        });
    }

    [Test]
    public async Task A_page_that_meets_WCAG_AA_scans_clean()
    {
        await using var session = await adapter.Factory.CreateSessionAsync(SessionOptions());
        await session.NavigateAsync(new Uri(site.BaseUrl, "/a11y/clean"));

        var scan = await ((ISupportsAccessibilityScan)session).ScanAccessibilityAsync();

        Assert.That(scan.Violations, Is.Empty);
        Assert.That(scan.PassedRules, Is.GreaterThan(5), "the rules did run");
    }

    [Test]
    [Category(RemoteDifference)]
    public async Task Without_the_CA_the_browser_refuses_the_site()
    {
        if (!adapter.IsLocal)
        {
            Assert.That(adapter.Factory.EngineName, Does.EndWith("remote"), "remote trust is the node's configuration (every other test proves the node trusts the CA); refusal is covered locally");
            return;
        }

        var engine = kind == AdapterKind.Playwright ? BrowserEngine.Playwright : BrowserEngine.Selenium;
        await using var untrusting = BrowserSessionFactories.Create(new BrowserOptions { Engine = engine });
        await using var session = await untrusting.CreateSessionAsync(SessionOptions(Path.Combine(work, "untrusted")));

        var error = Assert.ThrowsAsync<BrowserException>(() => session.NavigateAsync(site.BaseUrl));
        Assert.That(error!.Message, Does.Contain(site.BaseUrl.ToString()));
        Assert.That(error.Message, Does.Contain("ERR_CERT_AUTHORITY_INVALID").Or.Contain("Privacy error"), "a TLS trust failure, not another one");
    }

    private static IEnumerable<TestCaseData> Downloads()
    {
        yield return new TestCaseData(Download, TestSite.DownloadName, Encoding.UTF8.GetBytes(TestSite.DownloadText)).SetArgDisplayNames("quick");
        yield return new TestCaseData(SlowDownload, TestSite.SlowDownloadName, TestSite.DownloadBytes).SetArgDisplayNames("slow");
    }

    // The engine contract is exercised with the test site's test ids; the label tests below switch to label mode.
    private BrowserSessionOptions SessionOptions(string? downloads = null, TimeSpan? timeout = null, LocatorMode locators = LocatorMode.TestIds) => new()
    {
        DownloadDirectory = downloads ?? Path.Combine(work, "downloads", TestContext.CurrentContext.Test.ID),
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
        Locators = locators,
    };

    private async Task<IBrowserSession> OpenLabelsPageAsync()
    {
        var session = await adapter.Factory.CreateSessionAsync(SessionOptions(locators: LocatorMode.Labels));
        await session.NavigateAsync(new Uri(site.BaseUrl, "/labels"));
        return session;
    }

    /// <summary>Whether the Grid shows no session within 10 s (the hub learns of a stopped session over the event bus).</summary>
    private static async Task<bool> FreedAsync(Shinkin.Grid.LocalGrid grid)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await grid.StatusAsync()).SessionIds.Count > 0)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return false;
            }

            await Task.Delay(200);
        }

        return true;
    }

    private static Target Action(string name) => Target.ByRole(TargetRole.Action, name, $"［{name}］");

    private static Target Row(string text) => Target.RowContaining(text, $"{text} の行");

    private async Task<IBrowserSession> OpenHomeAsync(string? downloads = null, TimeSpan? timeout = null)
    {
        var session = await adapter.Factory.CreateSessionAsync(SessionOptions(downloads, timeout));
        await session.NavigateAsync(site.BaseUrl);
        return session;
    }
}
