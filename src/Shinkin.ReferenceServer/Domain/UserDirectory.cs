using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Domain;

/// <summary>ユーザ検索: empty criteria list everyone; otherwise prefix match on login ID or user name.</summary>
public static class UserDirectory
{
    public static async Task<List<CustomerUser>> SearchAsync(ShinkinDbContext db, int companyId, string? loginIdPrefix, string? userNamePrefix, CancellationToken cancellationToken)
    {
        var users = await db.Users.Where(u => u.CompanyId == companyId && u.Status != UserStatus.Deleted)
            .OrderByDescending(u => u.IsMaster).ThenBy(u => u.LoginId)
            .ToListAsync(cancellationToken);
        var id = loginIdPrefix?.Trim();
        var name = userNamePrefix?.Trim();
        return users.Where(u =>
                (string.IsNullOrEmpty(id) || u.LoginId.StartsWith(id, StringComparison.OrdinalIgnoreCase))
                && (string.IsNullOrEmpty(name) || u.UserName.StartsWith(name, StringComparison.Ordinal)))
            .ToList();
    }

    public static Task<CustomerUser?> FindAsync(ShinkinDbContext db, int companyId, string? loginId, CancellationToken cancellationToken) =>
        db.Users.SingleOrDefaultAsync(u => u.CompanyId == companyId && u.LoginId == loginId && u.Status != UserStatus.Deleted, cancellationToken);

    public static string CertificateState(CustomerUser user, IEnumerable<IssuedCertificate> certificates, DateTime now)
    {
        if (user.CertificateAcquisitionAllowed)
        {
            return "発行済（取得待ち）";
        }

        var list = certificates.ToList();
        if (list.Any(c => c.RevokedAt is null && c.NotAfter > now))
        {
            return "取得済";
        }

        if (list.Any(c => c.RevocationReason == "revoked"))
        {
            return "失効";
        }

        return list.Count > 0 ? "有効期限切れ" : "未発行";
    }
}
