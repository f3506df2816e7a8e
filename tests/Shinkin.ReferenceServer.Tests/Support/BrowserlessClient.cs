using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Shinkin.ReferenceServer.Tests.Support;

/// <summary>
/// A cookie-keeping HTTPS client that trusts only the server's CA (never ignores TLS errors),
/// optionally presents a client certificate, and submits forms the way a browser would
/// (hidden fields, including the antiforgery token, are sent back).
/// </summary>
public sealed class BrowserlessClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly HtmlParser _parser = new();

    /// <param name="keepCookies">false: a browser that blocks cookies (stores none, sends none).</param>
    /// <param name="from">Another loopback address (127.0.0.2, ...) to connect from: another client as the server sees it.</param>
    public BrowserlessClient(
        RunningReferenceServer server,
        X509Certificate2? clientCertificate = null,
        bool followRedirects = true,
        CookieContainer? cookies = null,
        bool keepCookies = true,
        IPAddress? from = null)
    {
        Server = server;
        using var caFile = X509Certificate2.CreateFromPem(File.ReadAllText(server.CaCertificatePemPath));
        var ca = X509CertificateLoader.LoadCertificate(caFile.RawData);
        Cookies = cookies ?? new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            UseCookies = keepCookies,
            AllowAutoRedirect = followRedirects,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => TrustedByCa(certificate, errors, ca),
            },
        };
        if (from is not null)
        {
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(from.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = new X509CertificateCollection { clientCertificate };
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        _http = new HttpClient(handler, disposeHandler: true);
    }

    public RunningReferenceServer Server { get; }

    public CookieContainer Cookies { get; }

    public Uri Public(string path) => new(Server.PublicUrl, path);

    public Uri Secure(string path) => new(Server.CertificateUrl, path);

    public async Task<HtmlPage> GetAsync(Uri url)
    {
        using var response = await _http.GetAsync(url);
        return await ReadAsync(response);
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>Submits the form that contains the element with <paramref name="submitTestId"/> (its name/value included).</summary>
    public Task<HtmlPage> SubmitAsync(HtmlPage page, string submitTestId, IDictionary<string, string>? fields = null) =>
        SubmitAsync(page, page.Element(submitTestId), fields);

    /// <summary>Submits the form of <paramref name="submit"/>, however it was found (e.g. by its text when the server renders no test ids).</summary>
    public async Task<HtmlPage> SubmitAsync(HtmlPage page, IElement submit, IDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(submit);
        var form = submit.Closest("form") as IHtmlFormElement
                   ?? (submit.GetAttribute("form") is { } formId ? page.Document.GetElementById(formId) as IHtmlFormElement : null)
                   // A dialog's [OK] (data-dialog-action="submit"): site.js submits the form named by data-form.
                   ?? (submit.GetAttribute("data-form") is { } dialogFormId ? page.Document.GetElementById(dialogFormId) as IHtmlFormElement : null)
                   ?? throw new InvalidOperationException($"'{submit.TextContent.Trim()}' is not inside a form");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        values.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }

        if (submit.GetAttribute("name") is { Length: > 0 } submitName)
        {
            values.Add(new(submitName, submit.GetAttribute("value") ?? ""));
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            var isMulti = form.Elements.OfType<IHtmlInputElement>().Count(e => e.Name == name && e.Type is "checkbox") > 0;
            if (!isMulti)
            {
                values.RemoveAll(v => v.Key == name);
            }

            values.Add(new(name, value));
        }

        var action = submit.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
        if (string.Equals(form.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase))
        {
            var query = string.Join('&', values.Select(v => Uri.EscapeDataString(v.Key) + "=" + Uri.EscapeDataString(v.Value)));
            return await GetAsync(new UriBuilder(target) { Query = query }.Uri);
        }

        using var content = new FormUrlEncodedContent(values);
        using var response = await _http.PostAsync(target, content);
        return await ReadAsync(response);
    }

    /// <summary>Sets a checkbox group exactly (checked values only) before <see cref="SubmitAsync"/>.</summary>
    public static void SetChecked(HtmlPage page, string name, IEnumerable<string> values)
    {
        var wanted = values.ToHashSet();
        foreach (var box in page.Document.QuerySelectorAll<IHtmlInputElement>($"input[name='{name}']"))
        {
            box.IsChecked = wanted.Contains(box.Value);
        }
    }

    public async Task<HttpResponseMessage> PostRawAsync(Uri url, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _http.PostAsync(url, content);
    }

    public async Task<byte[]> GetBytesAsync(Uri url) => await _http.GetByteArrayAsync(url);

    public void Dispose() => _http.Dispose();

    private async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await _parser.ParseDocumentAsync(html);
        return new HtmlPage(response.RequestMessage!.RequestUri!, response.StatusCode, document, html, response.Headers.Location, response.Headers.RetryAfter?.Delta);
    }

    private static bool TrustedByCa(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2 ca)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}

/// <summary>A received HTML page, queried by data-testid.</summary>
public sealed record HtmlPage(Uri Url, HttpStatusCode Status, IDocument Document, string Html, Uri? Location, TimeSpan? RetryAfter = null)
{
    public string Screen => Document.QuerySelector("main[data-screen]")?.GetAttribute("data-screen") ?? "";

    public IElement Element(string testId) =>
        Document.QuerySelector($"[data-testid='{testId}']") ?? throw new InvalidOperationException($"No element data-testid='{testId}' on screen '{Screen}' ({Url})");

    public IElement? Find(string testId) => Document.QuerySelector($"[data-testid='{testId}']");

    public bool Has(string testId) => Find(testId) is not null;

    public string Text(string testId) => Element(testId).TextContent.Trim();

    public IReadOnlyList<IElement> All(string testIdPrefix) => Document.QuerySelectorAll($"[data-testid^='{testIdPrefix}']").ToList();

    public string? Href(string testId) => Element(testId).GetAttribute("href");

    // What a person (or a label-driven locator) goes by when the server renders no test ids.

    /// <summary>The screen's title: its only <c>&lt;h1&gt;</c>.</summary>
    public string Heading => Document.QuerySelectorAll("h1").Single().TextContent.Trim();

    /// <summary>Buttons and links whose visible text is exactly <paramref name="name"/>, in document order.</summary>
    public IReadOnlyList<IElement> Controls(string name) =>
        Document.QuerySelectorAll("button, a[href], input[type=submit]")
            .Where(e => string.Equals((e is IHtmlInputElement input ? input.Value : e.TextContent).Trim(), name, StringComparison.Ordinal))
            .ToList();

    /// <summary>The one button or link whose visible text is exactly <paramref name="name"/>.</summary>
    public IElement Control(string name)
    {
        var matches = Controls(name);
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"{matches.Count} buttons/links named '{name}' on '{Heading}' ({Url})");
    }

    /// <summary>The form field labelled exactly <paramref name="label"/> (<c>&lt;label for&gt;</c> or <c>aria-label</c>).</summary>
    public IElement Field(string label)
    {
        var byFor = Document.QuerySelectorAll("label[for]")
            .Where(l => string.Equals(l.TextContent.Trim(), label, StringComparison.Ordinal))
            .Select(l => Document.GetElementById(l.GetAttribute("for")!))
            .OfType<IElement>();
        var byAria = Document.QuerySelectorAll("input, select, textarea")
            .Where(e => string.Equals(e.GetAttribute("aria-label"), label, StringComparison.Ordinal));
        var matches = byFor.Concat(byAria).Distinct().ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"{matches.Count} fields labelled '{label}' on '{Heading}' ({Url})");
    }

    /// <summary>The form name of the field labelled <paramref name="label"/>, for <see cref="BrowserlessClient.SubmitAsync(HtmlPage, IElement, IDictionary{string, string}?)"/>.</summary>
    public string FieldName(string label) => Field(label).GetAttribute("name") ?? throw new InvalidOperationException($"'{label}' has no name");

    /// <summary>The value shown beside the <c>&lt;th&gt;</c> <paramref name="header"/> in the same row.</summary>
    public string ValueOf(string header)
    {
        var cells = Document.QuerySelectorAll("tr")
            .Where(r => r.Children.FirstOrDefault(c => c.LocalName == "th") is { } th && string.Equals(th.TextContent.Trim(), header, StringComparison.Ordinal))
            .Select(r => r.Children.First(c => c.LocalName == "td").TextContent.Trim())
            .ToList();
        return cells.Count == 1 ? cells[0] : throw new InvalidOperationException($"{cells.Count} rows headed '{header}' on '{Heading}' ({Url})");
    }
}
