using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Security;

public enum CertificateProblem
{
    None,
    /// <summary>No client certificate was presented.</summary>
    Missing,
    /// <summary>Not issued by this server's CA (or not for client authentication).</summary>
    Foreign,
    /// <summary>Issued by this CA but not on record.</summary>
    Unknown,
    Revoked,
    /// <summary>A newer certificate was obtained for the same user.</summary>
    Replaced,
    Expired,
    NotYetValid,
    /// <summary>The user it belongs to is deleted or not yet usable.</summary>
    UserUnavailable,
    /// <summary>The certificate belongs to a different user than the session.</summary>
    OtherUser,
    /// <summary>The user is registered but the master has not run ユーザ更新 yet.</summary>
    PendingUpdate,
}

public sealed record CertificateCheck(CertificateProblem Problem, CustomerUser? User, IssuedCertificate? Record, string? Thumbprint)
{
    public bool IsValid => Problem == CertificateProblem.None;

    /// <summary>The Japanese explanation for the error screen.</summary>
    public string Message => Problem switch
    {
        CertificateProblem.Missing => "電子証明書が選択されていません。電子証明書を取得してから、［電子証明書ログイン］ボタンをクリックしてください。",
        CertificateProblem.Foreign => "この電子証明書は当金庫が発行したものではないため、ご利用いただけません。",
        CertificateProblem.Unknown => "この電子証明書は登録されていないため、ご利用いただけません。",
        CertificateProblem.Revoked => "この電子証明書は失効しているため、ご利用いただけません。マスターユーザに電子証明書の発行を依頼してください。",
        CertificateProblem.Replaced => "この電子証明書は新しい電子証明書に置き換えられたため、ご利用いただけません。新しい電子証明書を選択してください。",
        CertificateProblem.Expired => "この電子証明書は有効期限が切れているため、ご利用いただけません。電子証明書を再取得してください。",
        CertificateProblem.NotYetValid => "この電子証明書はまだ有効期間になっていないため、ご利用いただけません。",
        CertificateProblem.UserUnavailable => "この電子証明書のユーザは現在ご利用いただけません。",
        CertificateProblem.PendingUpdate => "ユーザ更新が完了していないため、ログインできません。マスターユーザにユーザ更新を依頼してください。",
        CertificateProblem.OtherUser => "ログイン中のユーザの電子証明書ではありません。ログインしなおしてください。",
        _ => "",
    };
}

/// <summary>
/// Checks the client certificate of the certificate origin: chained to this CA, within validity,
/// on record, not revoked or replaced, and owned by a usable user. TLS accepts any certificate so
/// that each failure gets its own Japanese screen instead of a handshake error.
/// </summary>
public sealed class ClientCertificateValidator(ShinkinDbContext db, CertificateAuthority ca, TimeProvider time)
{
    public async Task<CertificateCheck> CheckAsync(HttpContext context)
    {
        var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted);
        if (certificate is null)
        {
            return new CertificateCheck(CertificateProblem.Missing, null, null, null);
        }

        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var now = time.GetUtcNow();
        var chain = ca.CheckChain(certificate, now);
        var timeFlags = X509ChainStatusFlags.NotTimeValid;
        if ((chain & ~timeFlags) != X509ChainStatusFlags.NoError)
        {
            return new CertificateCheck(CertificateProblem.Foreign, null, null, thumbprint);
        }

        var record = await db.Certificates.Include(c => c.User).ThenInclude(u => u!.Company)
            .SingleOrDefaultAsync(c => c.Thumbprint == thumbprint, context.RequestAborted);
        if (record?.User is null)
        {
            return new CertificateCheck(CertificateProblem.Unknown, null, null, thumbprint);
        }

        if (record.RevokedAt is not null)
        {
            var problem = record.RevocationReason == "replaced" ? CertificateProblem.Replaced : CertificateProblem.Revoked;
            return new CertificateCheck(problem, record.User, record, thumbprint);
        }

        var utcNow = now.UtcDateTime;
        if (utcNow > record.NotAfter || certificate.NotAfter.ToUniversalTime() < utcNow)
        {
            return new CertificateCheck(CertificateProblem.Expired, record.User, record, thumbprint);
        }

        if (utcNow < record.NotBefore || certificate.NotBefore.ToUniversalTime() > utcNow)
        {
            return new CertificateCheck(CertificateProblem.NotYetValid, record.User, record, thumbprint);
        }

        if (record.User.Status == UserStatus.Pending)
        {
            return new CertificateCheck(CertificateProblem.PendingUpdate, record.User, record, thumbprint);
        }

        if (record.User.Status != UserStatus.Active)
        {
            return new CertificateCheck(CertificateProblem.UserUnavailable, record.User, record, thumbprint);
        }

        return new CertificateCheck(CertificateProblem.None, record.User, record, thumbprint);
    }
}
