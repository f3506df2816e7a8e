using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shinkin.Targets.Tests;

/// <summary>
/// <see cref="ServerTrust"/> against a real TLS server on loopback whose certificates are made here: a CA, and a server
/// certificate it issued for 127.0.0.1 or for another name. Trust through the CA or the system store; the host name is
/// checked either way (the back-office client used to let a CA stand in for the name check as well).
/// </summary>
[TestFixture]
public sealed class ServerTrustTests
{
    private static readonly X509Certificate2 Ca = MakeCa("CN=Trust Test CA");
    private static readonly X509Certificate2 OtherCa = MakeCa("CN=Trust Test CA");
    private TempTarget dir = null!;

    [SetUp]
    public void SetUp() => dir = new TempTarget();

    [TearDown]
    public void TearDown() => dir.Dispose();

    [Test]
    public async Task A_server_certificate_issued_by_the_given_ca_for_this_address_is_trusted()
    {
        await using var server = TlsServer.Start(Issue(Ca, forLoopback: true));

        Assert.That(await ServerTrust.HandshakeProblemAsync(server.Url, WritePem(Ca)), Is.Null);
    }

    [Test]
    public async Task Without_its_ca_the_system_store_does_not_trust_it()
    {
        await using var server = TlsServer.Start(Issue(Ca, forLoopback: true));

        Assert.That(await ServerTrust.HandshakeProblemAsync(server.Url, caPemPath: null), Does.Contain("not trusted by the system").And.Contain("CN=Trust Test CA"));
    }

    [Test]
    public async Task Another_ca_with_the_same_name_is_not_the_ca()
    {
        await using var server = TlsServer.Start(Issue(Ca, forLoopback: true));

        Assert.That(await ServerTrust.HandshakeProblemAsync(server.Url, WritePem(OtherCa)), Does.Contain("does not chain to the given CA"));
    }

    [Test]
    public async Task A_certificate_for_another_name_is_refused_even_through_its_ca()
    {
        await using var server = TlsServer.Start(Issue(Ca, forLoopback: false));

        Assert.That(await ServerTrust.HandshakeProblemAsync(server.Url, WritePem(Ca)), Does.Contain("not for this host name").And.Contain("elsewhere.example"));
    }

    [Test]
    public void Accepts_holds_the_name_check_and_the_chain_separately()
    {
        using var leaf = Issue(Ca, forLoopback: true);
        Assert.Multiple(() =>
        {
            Assert.That(ServerTrust.Accepts(leaf, SslPolicyErrors.None, ca: null), Is.True, "the system trusts it");
            Assert.That(ServerTrust.Accepts(leaf, SslPolicyErrors.RemoteCertificateChainErrors, Ca), Is.True, "chains to the CA");
            Assert.That(ServerTrust.Accepts(leaf, SslPolicyErrors.RemoteCertificateChainErrors, OtherCa), Is.False);
            Assert.That(ServerTrust.Accepts(leaf, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch, Ca), Is.False, "a CA is no name check");
            Assert.That(ServerTrust.Accepts(null, SslPolicyErrors.RemoteCertificateNotAvailable, Ca), Is.False);
        });
    }

    [Test]
    public async Task A_server_that_never_answers_the_handshake_is_named_in_time()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = new Uri($"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

        var problem = await ServerTrust.HandshakeProblemAsync(url, WritePem(Ca)).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.That(problem, Does.Contain("no TLS answer within"));
    }

    private string WritePem(X509Certificate2 ca) => dir.Write($"ca-{ca.Thumbprint}.pem", ca.ExportCertificatePem());

    private static X509Certificate2 MakeCa(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, bool forLoopback)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=trust-test-server", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        if (forLoopback)
        {
            names.AddIpAddress(IPAddress.Loopback);
        }
        else
        {
            names.AddDnsName("elsewhere.example");
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>A loopback TLS server that completes one handshake per connection with <c>certificate</c> and then closes it.</summary>
    private sealed class TlsServer : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly X509Certificate2 certificate;
        private readonly Task accepting;

        private TlsServer(X509Certificate2 certificate)
        {
            this.certificate = certificate;
            listener.Start();
            accepting = AcceptAsync();
        }

        public Uri Url => new($"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

        public static TlsServer Start(X509Certificate2 certificate) => new(certificate);

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            listener.Stop();
            await accepting;
            stop.Dispose();
            certificate.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    await using var tls = new SslStream(client.GetStream());
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }
                catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException)
                {
                    // The client refused the certificate: that is what some tests want.
                }
            }
        }
    }
}
