using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Shinkin.ReferenceServer.Security;

/// <summary>
/// The server's own CA, created once in the data directory and reused after: it signs the TLS server
/// certificate and every client certificate (電子証明書). ECDSA P-256 keeps generation fast.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string CaSubject = "CN=Shinkin Reference Server CA, O=Shinkin Reference Server";

    private readonly ECDsa _caKey;

    private CertificateAuthority(X509Certificate2 caCertificate, ECDsa caKey, X509Certificate2 serverCertificate, string caPemPath)
    {
        CaCertificate = caCertificate;
        _caKey = caKey;
        ServerCertificate = serverCertificate;
        CaPemPath = caPemPath;
        CaSpkiSha256Base64 = Spki(caCertificate);
        ServerSpkiSha256Base64 = Spki(serverCertificate);
    }

    /// <summary>The CA certificate without private key (what browsers and clients trust).</summary>
    public X509Certificate2 CaCertificate { get; }

    /// <summary>The TLS server certificate with its private key.</summary>
    public X509Certificate2 ServerCertificate { get; }

    public string CaPemPath { get; }

    public string CaSpkiSha256Base64 { get; }

    public string ServerSpkiSha256Base64 { get; }

    private static string Spki(X509Certificate2 certificate) =>
        Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    public static CertificateAuthority LoadOrCreate(string dataDirectory, string host, TimeProvider time)
    {
        var pki = Path.Combine(dataDirectory, "pki");
        CreatePrivateDirectory(pki);
        var caCertPath = Path.Combine(pki, "ca.crt.pem");
        var caKeyPath = Path.Combine(pki, "ca.key.pem");
        var serverCertPath = Path.Combine(pki, "server.crt.pem");
        var serverKeyPath = Path.Combine(pki, "server.key.pem");
        var now = time.GetUtcNow();

        X509Certificate2 caCert;
        ECDsa caKey;
        if (File.Exists(caCertPath) && File.Exists(caKeyPath))
        {
            caCert = X509Certificate2.CreateFromPem(File.ReadAllText(caCertPath));
            caKey = ECDsa.Create();
            caKey.ImportFromPem(File.ReadAllText(caKeyPath));
        }
        else
        {
            caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(CaSubject, caKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            caCert = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
            WritePrivateFile(caKeyPath, caKey.ExportPkcs8PrivateKeyPem());
            File.WriteAllText(caCertPath, caCert.ExportCertificatePem() + "\n");
            File.Delete(serverCertPath);
        }

        using var caPublic = X509CertificateLoader.LoadCertificate(caCert.RawData);
        var server = LoadServerCertificate(serverCertPath, serverKeyPath, host, now)
                     ?? CreateServerCertificate(caPublic, caKey, host, now, serverCertPath, serverKeyPath);
        return new CertificateAuthority(X509CertificateLoader.LoadCertificate(caCert.RawData), caKey, server, caCertPath);
    }

    /// <summary>A client certificate (電子証明書) bound to the login ID, with its private key.</summary>
    public X509Certificate2 IssueClientCertificate(string loginId, string companyNumber, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("Shinkin Reference Server");
        subject.AddOrganizationalUnitName(companyNumber);
        subject.AddCommonName(loginId);
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuthOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(CaCertificate, true, false));
        using var signed = request.Create(CaCertificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_caKey), notBefore, notAfter, NewSerial());
        return signed.CopyWithPrivateKey(key);
    }

    /// <summary>Builds the chain against this CA only (never the OS store), at the given time.</summary>
    public X509ChainStatusFlags CheckChain(X509Certificate2 certificate, DateTimeOffset at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(CaCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthOid));
        if (chain.Build(certificate))
        {
            return X509ChainStatusFlags.NoError;
        }

        var flags = X509ChainStatusFlags.NoError;
        foreach (var status in chain.ChainStatus)
        {
            flags |= status.Status;
        }

        // A chain that ends anywhere but at this CA is foreign, whatever else it says.
        var root = chain.ChainElements.Count > 0 ? chain.ChainElements[^1].Certificate : null;
        if (root is null || !root.RawData.AsSpan().SequenceEqual(CaCertificate.RawData))
        {
            flags |= X509ChainStatusFlags.UntrustedRoot;
        }

        return flags;
    }

    public void Dispose()
    {
        _caKey.Dispose();
        CaCertificate.Dispose();
        ServerCertificate.Dispose();
    }

    private static X509Certificate2? LoadServerCertificate(string certPath, string keyPath, string host, DateTimeOffset now)
    {
        if (!File.Exists(certPath) || !File.Exists(keyPath))
        {
            return null;
        }

        X509Certificate2 loaded;
        try
        {
            loaded = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }
        catch (CryptographicException)
        {
            // Unreadable or mismatched files: issue a fresh server certificate from the same CA.
            return null;
        }

        using var pem = loaded;
        var names = pem.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames().Concat(e.EnumerateIPAddresses().Select(ip => ip.ToString()))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (pem.NotAfter.ToUniversalTime() < now.UtcDateTime.AddDays(30) || !CoversHost(names, host))
        {
            return null;
        }

        return Reload(pem);
    }

    private static X509Certificate2 CreateServerCertificate(X509Certificate2 caCert, ECDsa caKey, string host, DateTimeOffset now, string certPath, string keyPath)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Shinkin Reference Server", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        san.AddDnsName("localhost");
        if (IPAddress.TryParse(host, out var ip))
        {
            if (!IPAddress.IsLoopback(ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any))
            {
                san.AddIpAddress(ip);
            }
        }
        else if (!string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            san.AddDnsName(host);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(caCert, true, false));
        // 397 days: within the lifetime browsers accept for server certificates.
        using var signed = request.Create(caCert.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddMinutes(-5), now.AddDays(397), NewSerial());
        File.WriteAllText(certPath, signed.ExportCertificatePem() + "\n" + caCert.ExportCertificatePem() + "\n");
        WritePrivateFile(keyPath, key.ExportPkcs8PrivateKeyPem());
        using var withKey = signed.CopyWithPrivateKey(key);
        return Reload(withKey);
    }

    private static bool CoversHost(HashSet<string> names, string host)
    {
        if (IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            return names.Contains("127.0.0.1");
        }

        return names.Contains(host);
    }

    // Ephemeral PEM keys do not work for TLS on every platform; a PKCS#12 round trip gives a usable key.
    private static X509Certificate2 Reload(X509Certificate2 withKey)
    {
        var password = SecretTokens.NewToken();
        var pfx = withKey.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
        return X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.Exportable);
    }

    private static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void WritePrivateFile(string path, string content)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, content);
            return;
        }

        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
