using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Security;

public sealed record IssuedPkcs12(IssuedCertificate Record, byte[] Pfx, string Password);

/// <summary>Issues a user's 電子証明書 and retires the certificates it replaces (the caller saves).</summary>
public sealed class CertificateIssuer(ShinkinDbContext db, CertificateAuthority ca, TimeProvider time, IOptions<CertificateSettings> settings)
{
    public async Task<IssuedPkcs12> IssueAsync(CustomerUser user, CancellationToken cancellationToken)
    {
        var company = user.Company ?? await db.Companies.SingleAsync(c => c.Id == user.CompanyId, cancellationToken);
        var now = time.GetUtcNow();
        var previous = await db.Certificates.Where(c => c.UserId == user.Id && c.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.RevokedAt = now.UtcDateTime;
            old.RevocationReason = "replaced";
        }

        using var certificate = ca.IssueClientCertificate(user.LoginId, company.CompanyNumber, now.AddMinutes(-5), now.AddDays(settings.Value.ClientValidityDays));
        // Shown once on screen; never stored. 16 characters of letters and digits.
        var password = SecretTokens.NewPassword(16);
        var pfx = certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
        var record = new IssuedCertificate
        {
            UserId = user.Id,
            SerialNumber = certificate.SerialNumber,
            Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256),
            NotBefore = certificate.NotBefore.ToUniversalTime(),
            NotAfter = certificate.NotAfter.ToUniversalTime(),
            IssuedAt = now.UtcDateTime,
        };
        db.Certificates.Add(record);
        user.CertificateAcquisitionAllowed = false;
        user.UpdatedAt = now.UtcDateTime;
        return new IssuedPkcs12(record, pfx, password);
    }
}
