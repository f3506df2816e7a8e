using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shinkin.ReferenceServer.Tests;

/// <summary>
/// The server side of manual chapter 1: the manual tells customers to enable SSL 3.0 and TLS 1.0,
/// but the reference server refuses them (RFC 7568, RFC 8996) and speaks TLS 1.2 and 1.3 only.
/// Old protocols are offered for real (OpenSSL at security level 0, a raw SSL 3.0 hello), so the
/// refusal is the server's, not the client's.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TlsProtocolTests
{
    private string data = "";
    private RunningReferenceServer server = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        data = TestServers.NewDataDirectory();
        server = await TestServers.StartAsync(data);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await server.DisposeAsync();
        TestServers.DeleteQuietly(data);
    }

    [TestCase(SslProtocols.Tls12, "public")]
    [TestCase(SslProtocols.Tls13, "public")]
    [TestCase(SslProtocols.Tls12, "certificate")]
    [TestCase(SslProtocols.Tls13, "certificate")]
    public async Task Modern_TLS_handshakes_succeed_and_verify_against_the_CA(SslProtocols protocol, string origin)
    {
        var url = origin == "public" ? server.PublicUrl : server.CertificateUrl;
        using var ca = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(server.CaCertificatePemPath));
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, errors) =>
        {
            if (certificate is null)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            using var leaf = new X509Certificate2(certificate);
            return (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && chain.Build(leaf);
        });
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = url.Host, EnabledSslProtocols = protocol });
        Assert.That(tls.SslProtocol, Is.EqualTo(protocol));
    }

    [TestCase("-tls1", "TLS 1.0 (RFC 8996)")]
    [TestCase("-tls1_1", "TLS 1.1 (RFC 8996)")]
    public async Task Deprecated_TLS_versions_are_refused(string openSslFlag, string what)
    {
        Assume.That(File.Exists("/usr/bin/openssl"), "needs the openssl command (Debian package openssl)");
        var (exit, output) = await OpenSslHandshakeAsync(openSslFlag);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.Zero, $"{what} must not be negotiated");
            Assert.That(output, Does.Contain("protocol version").Or.Contain("no protocols available").Or.Contain("handshake failure"), output);
        });
    }

    [Test]
    public async Task The_control_handshake_with_openssl_at_TLS_1_2_succeeds()
    {
        Assume.That(File.Exists("/usr/bin/openssl"), "needs the openssl command (Debian package openssl)");
        var (exit, output) = await OpenSslHandshakeAsync("-tls1_2");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(output, Does.Contain("Verify return code: 0 (ok)"));
        });
    }

    [Test]
    public async Task An_SSL_3_0_hello_gets_no_server_hello()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.PublicUrl.Host, server.PublicUrl.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Ssl3ClientHello());
        var buffer = new byte[5];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int read;
        try
        {
            read = await stream.ReadAsync(buffer, timeout.Token);
        }
        catch (IOException)
        {
            read = 0;
        }

        // 0x16 would be a handshake record (ServerHello); an alert (0x15) or a closed connection is a refusal.
        Assert.That(read == 0 || buffer[0] == 0x15, Is.True, $"first byte of the answer: 0x{buffer[0]:X2} ({read} bytes)");
    }

    private async Task<(int Exit, string Output)> OpenSslHandshakeAsync(string versionFlag)
    {
        var start = new ProcessStartInfo("/usr/bin/openssl")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "s_client", "-connect", $"{server.PublicUrl.Host}:{server.PublicUrl.Port}", versionFlag,
            "-cipher", "DEFAULT:@SECLEVEL=0", "-CAfile", server.CaCertificatePemPath, "-verify_return_error",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static byte[] Ssl3ClientHello()
    {
        var random = RandomNumberGenerator.GetBytes(32);
        byte[] suites = [0x00, 0x2F, 0x00, 0x0A, 0x00, 0x05];
        var body = new List<byte> { 0x03, 0x00 };
        body.AddRange(random);
        body.Add(0x00);
        body.AddRange([0x00, (byte)suites.Length]);
        body.AddRange(suites);
        body.AddRange([0x01, 0x00]);
        var handshake = new List<byte> { 0x01, 0x00, (byte)(body.Count >> 8), (byte)body.Count };
        handshake.AddRange(body);
        var record = new List<byte> { 0x16, 0x03, 0x00, (byte)(handshake.Count >> 8), (byte)handshake.Count };
        record.AddRange(handshake);
        return record.ToArray();
    }
}
