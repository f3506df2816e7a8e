using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Shinkin.Browsers.Tests.Support;

/// <summary>
/// A small HTTPS site on loopback with every control the contract exercises. The second port asks
/// for a client certificate (AllowCertificate) and echoes the subject it received.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    public const string CookieName = "shinkin_session";
    public const string DownloadName = "meisai.csv";
    public const string DownloadText = "番号,金額\n1,1000\n";
    public const string SlowDownloadName = "d-m10000001.p12";
    public const string StalledDownloadName = "d-m10000002.p12";
    private const int FirstBytes = 1024;

    /// <summary>Not text, so a truncated or temporary file can never compare equal.</summary>
    public static readonly byte[] DownloadBytes = [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 31 % 251))];

    // Many polls of a download folder long: the browser holds the download unfinished meanwhile.
    private static readonly TimeSpan SlowDownloadPause = TimeSpan.FromSeconds(2);

    private readonly WebApplication app;

    private TestSite(WebApplication app, Uri baseUrl, Uri certificateUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
        CertificateUrl = certificateUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Origin that requests a client certificate.</summary>
    public Uri CertificateUrl { get; }

    public static async Task<TestSite> StartAsync(TestCertificates certificates)
    {
        // Port 0: the OS binds a free port and Kestrel writes it back into the listen options, so two fixtures
        // started side by side can never be handed the same port between a probe and the bind.
        ListenOptions? plain = null;
        ListenOptions? withCertificate = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                plain = listen;
                listen.UseHttps(certificates.Server);
            });
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                withCertificate = listen;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificates.Server,
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (certificate, _, _) => IssuedBy(certificate, certificates.Ca),
                });
            });
        });

        var app = builder.Build();
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Cookies.Append(CookieName, "abc123", new CookieOptions
            {
                Secure = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Path = "/",
            });
            return Html(IndexPage);
        });
        app.MapGet("/popup", () => Html(PopupPage));
        app.MapGet("/labels", () => Html(LabelsPage.Replace("{{answer}}", "", StringComparison.Ordinal)));
        app.MapPost("/labels", () => Html(LabelsPage.Replace("{{answer}}", "<p class=\"message\">入力内容に誤りがあります。もう一度入力してください。</p>", StringComparison.Ordinal)));
        app.MapGet("/a11y/broken", () => Html(BrokenA11yPage));
        app.MapGet("/a11y/clean", () => Html(CleanA11yPage));
        app.MapGet("/a11y/faint.css", () => Results.Content(".faint { color: #b4b4b4; background: #ffffff; }", "text/css"));
        app.MapGet("/download", () => Results.File(Encoding.UTF8.GetBytes(DownloadText), "text/csv; charset=utf-8", DownloadName));
        app.MapGet("/download-slow", SendSlowlyAsync);
        app.MapGet("/download-stalled", SendAndStallAsync);
        app.MapGet("/whoami", (HttpContext context) =>
        {
            var subject = context.Connection.ClientCertificate?.Subject ?? "なし";
            return Html($"<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>証明書</title></head><body><p data-testid=\"subject\">{WebUtility.HtmlEncode(subject)}</p></body></html>");
        });

        await app.StartAsync();
        return new TestSite(
            app,
            new Uri($"https://127.0.0.1:{plain!.IPEndPoint!.Port}/"),
            new Uri($"https://127.0.0.1:{withCertificate!.IPEndPoint!.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>
    /// The first bytes, a pause, then the rest: the browser holds the download unfinished for the whole
    /// pause (Chromium: a temporary file, then &lt;name&gt;.crdownload).
    /// </summary>
    private static async Task SendSlowlyAsync(HttpContext context)
    {
        await SendFirstBytesAsync(context, SlowDownloadName);
        await Task.Delay(SlowDownloadPause, context.RequestAborted);
        await context.Response.Body.WriteAsync(DownloadBytes.AsMemory(FirstBytes), context.RequestAborted);
    }

    /// <summary>The first bytes, then nothing until the browser gives up (or the site stops).</summary>
    private static async Task SendAndStallAsync(HttpContext context, IHostApplicationLifetime lifetime)
    {
        await SendFirstBytesAsync(context, StalledDownloadName);
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, gone.Token);
        }
        catch (OperationCanceledException)
        {
            // The browser cancelled the download: what the test waits for.
        }
    }

    private static async Task SendFirstBytesAsync(HttpContext context, string name)
    {
        context.Response.ContentType = "application/x-pkcs12";
        context.Response.ContentLength = DownloadBytes.Length;
        context.Response.Headers.ContentDisposition = $"attachment; filename={name}";
        await context.Response.Body.WriteAsync(DownloadBytes.AsMemory(0, FirstBytes), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static IResult Html(string body) => Results.Content(body, "text/html; charset=utf-8");

    private const string IndexPage = """
        <!doctype html>
        <html lang="ja">
        <head><meta charset="utf-8"><title>契約テスト</title></head>
        <body>
          <h1>契約テストのホーム</h1>
          <p data-testid="greeting">ようこそ</p>
          <button data-testid="hello" onclick="out('こんにちは')">挨拶</button>
          <p data-testid="output"></p>
          <div>
            <button onclick="out('追加1')">追加</button>
            <button onclick="out('追加2')">追加</button>
          </div>
          <button hidden onclick="out('隠し')">隠し</button>
          <label for="name">お名前</label> <input id="name" type="text">
          <label><input type="checkbox" id="agree"> 同意する</label>
          <label for="kind">口座種別</label>
          <select id="kind"><option value="futsu">普通</option><option value="toza">当座</option></select>
          <button data-testid="delete" onclick="document.querySelector('[data-testid=confirm-result]').textContent = confirm('削除しますか？') ? 'accepted' : 'dismissed'">削除</button>
          <p data-testid="confirm-result"></p>
          <button data-testid="open-popup" onclick="window.open('/popup', 'sub', 'width=640,height=480')">別ウィンドウで開く</button>
          <a href="/popup" target="_blank">新しいタブで開く</a>
          <a href="/download" data-testid="download">明細をダウンロード</a>
          <a href="/download-slow" data-testid="download-slow">証明書をダウンロード</a>
          <a href="/download-stalled" data-testid="download-stalled">途中で止まるダウンロード</a>
          <script>function out(text) { document.querySelector('[data-testid=output]').textContent = text; }</script>
        </body>
        </html>
        """;

    /// <summary>What a server that follows the manual but has no test ids looks like: words, rows, headers.</summary>
    private const string LabelsPage = """
        <!doctype html>
        <html lang="ja">
        <head><meta charset="utf-8"><title>ラベル</title></head>
        <body>
          <header>電債　一郎（d-a123）<button type="button">ログアウト</button></header>
          <nav><a href="#" role="tab">電子証明書管理</a></nav>
          <main>
            <h1>ラベルの一覧</h1>
            {{answer}}
            <table><tr><th>ログインID</th><td>d-a123</td></tr><tr><th>ユーザ名</th><td>電債　一郎</td></tr></table>
            <table>
              <tr><td>d-a111</td><td>未発行</td><td><a href="#" onclick="out('出力:a111'); return false;">変更</a></td><td><input type="checkbox" aria-label="選択 a111"></td></tr>
              <tr><td>d-b222</td><td>取得済</td><td><input type="button" value="変更" onclick="out('出力:b222')"></td><td><input type="checkbox" aria-label="選択 b222"></td></tr>
            </table>
            <a href="#" onclick="out('出力:menu'); return false;">電子証明書管理</a>
            <form method="post" action="/labels"><label for="pw">承認パスワード</label><input id="pw" type="password"><button type="submit">実行</button></form>
            <p id="out"></p>
          </main>
          <script>function out(text) { document.getElementById('out').textContent = text; }</script>
        </body>
        </html>
        """;

    /// <summary>
    /// Two known WCAG failures an accessibility scan must report: a field without a label (4.1.2, level A) and text
    /// whose contrast, set by an external stylesheet, is 2:1 (1.4.3, level AA). No landmarks either: a best practice,
    /// not a WCAG criterion, so a scan restricted to WCAG must not report it.
    /// </summary>
    private const string BrokenA11yPage = """
        <!doctype html>
        <html lang="ja">
        <head><meta charset="utf-8"><title>アクセシビリティ違反</title><link rel="stylesheet" href="/a11y/faint.css"></head>
        <body>
          <h1>違反のあるページ</h1>
          <input id="nameless" type="text">
          <p class="faint">薄い文字</p>
        </body>
        </html>
        """;

    private const string CleanA11yPage = """
        <!doctype html>
        <html lang="ja">
        <head><meta charset="utf-8"><title>アクセシビリティ適合</title></head>
        <body>
          <main>
            <h1>違反のないページ</h1>
            <label for="named">お名前</label> <input id="named" type="text">
            <p style="color: #333333; background: #ffffff">読みやすい文字</p>
            <button type="button">送信</button>
          </main>
        </body>
        </html>
        """;

    private const string PopupPage = """
        <!doctype html>
        <html lang="ja">
        <head><meta charset="utf-8"><title>ポップアップ</title></head>
        <body>
          <h1>別ウィンドウ</h1>
          <button data-testid="close-self" onclick="window.close()">閉じる</button>
        </body>
        </html>
        """;
}
