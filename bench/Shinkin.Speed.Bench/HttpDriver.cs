using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Shinkin.Speed.Bench;

/// <summary>
/// The floor: the same requests a browser sends for the chain, and nothing else (no rendering, no script, no
/// screenshots). Pages are parsed only to send each form back as a browser would (hidden fields, the antiforgery
/// token); windows are a stack of documents; the client certificate goes into the TLS handshake.
/// </summary>
internal sealed class HttpDriver : IChainDriver
{
    private readonly CookieContainer cookies = new();
    private readonly HtmlParser parser = new();
    private readonly X509Certificate2 ca;
    private readonly Stack<IHtmlDocument> windows = new();
    private HttpClient http;
    private IHtmlDocument page = null!;

    public HttpDriver(string caPemPath)
    {
        ca = X509Certificate2.CreateFromPem(File.ReadAllText(caPemPath));
        http = NewClient(null);
    }

    public async Task OpenAsync(Uri url) => page = await ReadAsync(await http.GetAsync(url));

    public async Task ClickAsync(string testId)
    {
        var element = Find(testId);
        if (element.HasAttribute("data-dialog"))
        {
            return; // opens an in-page dialog: nothing goes to the server
        }

        switch (element.GetAttribute("data-dialog-action"))
        {
            case "submit":
                await SubmitAsync((IHtmlFormElement)page.GetElementById(element.GetAttribute("data-form")!)!, element);
                return;
            case "navigate":
                await OpenAsync(Resolve(element.GetAttribute("data-href")!));
                return;
        }

        if (element is IHtmlAnchorElement link)
        {
            await OpenAsync(Resolve(link.GetAttribute("href")!));
            return;
        }

        var form = element.Closest("form") as IHtmlFormElement
                   ?? (element.GetAttribute("form") is { } id ? page.GetElementById(id) as IHtmlFormElement : null)
                   ?? throw new InvalidOperationException($"{testId} is neither a link nor a form's button");
        await SubmitAsync(form, element);
    }

    public async Task ClickOpeningWindowAsync(string testId)
    {
        windows.Push(page);
        await OpenAsync(Resolve(Find(testId).GetAttribute("href")!));
    }

    public Task ClickClosingWindowAsync(string testId) => CloseWindowAsync();

    public Task CloseWindowAsync()
    {
        page = windows.Pop();
        return Task.CompletedTask;
    }

    public Task FillAsync(string testId, string value)
    {
        ((IHtmlInputElement)Find(testId)).Value = value;
        return Task.CompletedTask;
    }

    public Task CheckAsync(string testId)
    {
        ((IHtmlInputElement)Find(testId)).IsChecked = true;
        return Task.CompletedTask;
    }

    public Task CheckAllInAsync(string testId)
    {
        foreach (var box in Find(testId).QuerySelectorAll<IHtmlInputElement>("input[type=checkbox]"))
        {
            box.IsChecked = true;
        }

        return Task.CompletedTask;
    }

    public Task<string> TextAsync(string testId) => Task.FromResult(Find(testId).TextContent.Trim());

    public Task ExpectAsync(string testId)
    {
        Find(testId);
        return Task.CompletedTask;
    }

    public Task<int> CountAsync(string prefix) => Task.FromResult(page.QuerySelectorAll($"[data-testid^='{prefix}']").Length);

    public async Task<byte[]> DownloadAsync(string testId) => await http.GetByteArrayAsync(Resolve(Find(testId).GetAttribute("href")!));

    public Task UseCertificateAsync(byte[] pfx, string password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12(pfx, password);
        http.Dispose();
        http = NewClient(certificate);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        http.Dispose();
        ca.Dispose();
        return ValueTask.CompletedTask;
    }

    private IElement Find(string testId) =>
        page.QuerySelector($"[data-testid='{testId}']")
        ?? throw new InvalidOperationException($"no data-testid='{testId}' on {page.Url} ({page.QuerySelector("main")?.GetAttribute("data-screen")})");

    private Uri Resolve(string href) => new(new Uri(page.Url), href);

    /// <summary>The form's fields as a browser sends them: named, enabled, checked boxes only, the pressed button's name.</summary>
    private async Task SubmitAsync(IHtmlFormElement form, IElement pressed)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements.Where(e => e.GetAttribute("name") is { Length: > 0 } && !e.HasAttribute("disabled")))
        {
            var name = element.GetAttribute("name")!;
            var value = element switch
            {
                IHtmlInputElement { Type: "checkbox" or "radio" } box => box.IsChecked ? box.Value : null,
                IHtmlInputElement { Type: "submit" or "button" } => null,
                IHtmlInputElement input => input.Value,
                IHtmlSelectElement select => select.Value,
                IHtmlTextAreaElement area => area.Value,
                _ => null,
            };
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        if (pressed.GetAttribute("name") is { Length: > 0 } pressedName)
        {
            fields.Add(new(pressedName, pressed.GetAttribute("value") ?? ""));
        }

        var target = Resolve(pressed.GetAttribute("formaction") ?? form.GetAttribute("action") ?? page.Url);
        if (string.Equals(form.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase))
        {
            await OpenAsync(new UriBuilder(target) { Query = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))) }.Uri);
            return;
        }

        using var content = new FormUrlEncodedContent(fields);
        page = await ReadAsync(await http.PostAsync(target, content));
    }

    private async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var html = await response.Content.ReadAsStringAsync();
            var document = await parser.ParseDocumentAsync(html);
            document.Location.Href = response.RequestMessage!.RequestUri!.ToString();
            return response.IsSuccessStatusCode ? document : throw new InvalidOperationException($"{response.StatusCode} from {response.RequestMessage.RequestUri}");
        }
    }

    private HttpClient NewClient(X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, errors) => TrustedByCa(presented, errors),
            },
        };
        if (certificate is not null)
        {
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }

        return new HttpClient(handler);
    }

    private bool TrustedByCa(X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(X509CertificateLoader.LoadCertificate(presented.GetRawCertData()));
    }
}
