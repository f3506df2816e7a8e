using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Parser;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>Links to the other origin never take a spoofed Host header; the database files are owner-only.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class OriginAndFileTests : ServerFixture
{
    [Test]
    public async Task A_spoofed_host_header_never_goes_into_a_link_to_the_other_origin()
    {
        var spoofed = await CertificateLoginHrefAsync("evil.example");
        Assert.That(spoofed, Does.StartWith(Server.CertificateUrl.GetLeftPart(UriPartial.Authority)).And.Not.Contain("evil"));
        var localhost = await CertificateLoginHrefAsync("localhost");
        Assert.That(new Uri(localhost).Host, Is.EqualTo("localhost"), "a name the server certificate covers is kept (cookies are per host)");
    }

    [Test]
    public async Task The_database_and_its_wal_and_shm_files_are_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes");
            return;
        }

        await Flows.OnboardInitialAsync(Server);
        var database = Path.Combine(Server.DataDirectory, "shinkin.db");
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            Assert.That(File.Exists(file), Is.True, file);
            Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), file);
        }
    }

    /// <summary>GET /login on the public origin with the given Host header (raw TLS, so the header is exactly what a client sent).</summary>
    private async Task<string> CertificateLoginHrefAsync(string hostHeader)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.PublicUrl.Host, Server.PublicUrl.Port);
        await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1", ApplicationProtocols = [SslApplicationProtocol.Http11] });
        var request = $"GET /login HTTP/1.1\r\nHost: {hostHeader}:{Server.PublicUrl.Port}\r\nConnection: close\r\n\r\n";
        await tls.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(tls, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var body = response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        var document = await new HtmlParser().ParseDocumentAsync(body);
        return document.QuerySelector("[data-testid='login-certificate-login']")?.GetAttribute("href")
               ?? throw new InvalidOperationException("no certificate-login link: " + response[..Math.Min(300, response.Length)]);
    }
}
