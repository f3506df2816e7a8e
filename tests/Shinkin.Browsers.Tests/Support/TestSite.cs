using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
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
        var plainPort = FreePort.Next();
        var certificatePort = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, plainPort, listen => listen.UseHttps(certificates.Server));
            kestrel.Listen(IPAddress.Loopback, certificatePort, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = certificates.Server,
                ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                ClientCertificateValidation = (certificate, _, _) => IssuedBy(certificate, certificates.Ca),
            }));
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
        app.MapGet("/download", () => Results.File(Encoding.UTF8.GetBytes(DownloadText), "text/csv; charset=utf-8", DownloadName));
        app.MapGet("/whoami", (HttpContext context) =>
        {
            var subject = context.Connection.ClientCertificate?.Subject ?? "なし";
            return Html($"<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>証明書</title></head><body><p data-testid=\"subject\">{WebUtility.HtmlEncode(subject)}</p></body></html>");
        });

        await app.StartAsync();
        return new TestSite(app, new Uri($"https://127.0.0.1:{plainPort}/"), new Uri($"https://127.0.0.1:{certificatePort}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
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
          <script>function out(text) { document.querySelector('[data-testid=output]').textContent = text; }</script>
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
