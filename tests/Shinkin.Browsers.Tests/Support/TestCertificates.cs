using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shinkin.Browsers.Tests.Support;

/// <summary>
/// A CA made for one test fixture, a loopback server certificate and a user certificate it issued.
/// Nothing here is installed system-wide: the browsers trust the CA only through the adapters' trust mechanism.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public const string ClientPassword = "shinkin-pass";
    public const string ClientCommonName = "Shinkin Test User";

    private TestCertificates(X509Certificate2 ca, X509Certificate2 server, string folder)
    {
        Ca = ca;
        Server = server;
        CaPemPath = Path.Combine(folder, "test-ca.pem");
        ClientPfxPath = Path.Combine(folder, "client.p12");
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public string CaPemPath { get; }

    public string ClientPfxPath { get; }

    public static TestCertificates Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);

        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Shinkin Contract Test CA, O=Shinkin Tests", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var ca = caRequest.CreateSelfSigned(now, now.AddDays(2));

        var server = Issue(ca, "CN=127.0.0.1", now, serverAuth: true);
        var client = Issue(ca, $"CN={ClientCommonName}, O=Shinkin Tests", now, serverAuth: false);

        var certificates = new TestCertificates(ca, server, folder);
        File.WriteAllText(certificates.CaPemPath, ca.ExportCertificatePem());
        File.WriteAllBytes(certificates.ClientPfxPath, client.Export(X509ContentType.Pkcs12, ClientPassword));
        client.Dispose();
        return certificates;
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, DateTimeOffset now, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca, now, now.AddDays(1), serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // A round-trip through PKCS#12 gives a key that Kestrel's TLS stack can use on every OS.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12, "x"), "x", X509KeyStorageFlags.Exportable);
    }
}
