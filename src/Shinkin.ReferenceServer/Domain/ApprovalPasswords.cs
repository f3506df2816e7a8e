using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Domain;

public enum ApprovalSetup
{
    /// <summary>Nothing to do before the top screen.</summary>
    None,
    /// <summary>Master at first entry: new approval password twice.</summary>
    SetNew,
    /// <summary>General user with 承認者 right: current (初期承認パスワード) and new twice.</summary>
    ReplaceInitial,
    /// <summary>The validity period has passed: current and new twice.</summary>
    Expired,
}

/// <summary>承認パスワード: verification with lockout, validity period and what must happen at entry.</summary>
public sealed class ApprovalPasswords(ShinkinDbContext db, PasswordHasher hasher, IOptions<SecuritySettings> settings, AuditTrail audit, TimeProvider time)
{
    public const string WrongMessage = "承認パスワードが正しくありません。";

    public static string LockedMessage(CustomerUser user) => user.IsMaster
        ? "承認パスワードがロックされています。当金庫にお問い合わせください。"
        : "承認パスワードがロックされています。マスターユーザにロック解除を依頼してください。";

    /// <summary>
    /// Checks the approval password before anything else of the request is applied; a failure is
    /// counted and saved at once, and locks at the configured count.
    /// </summary>
    public async Task<string?> VerifyAsync(CustomerUser user, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            return InputRules.Required("承認パスワード");
        }

        if (user.ApprovalLockedAt is not null)
        {
            return LockedMessage(user);
        }

        if (user.ApprovalPasswordHash is not null && hasher.Verify(user.ApprovalPasswordHash, password))
        {
            // A parallel failure may have locked it since the row was read.
            return await FailureCounter.ResetAsync(db, user, FailureKind.ApprovalPassword, cancellationToken) ? null : LockedMessage(user);
        }

        var counted = await FailureCounter.CountAsync(db, user, FailureKind.ApprovalPassword, settings.Value.ApprovalLockoutThreshold, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (counted.AlreadyLocked)
        {
            return LockedMessage(user);
        }

        if (counted.LockedNow)
        {
            audit.Add(user.LoginId, "approval-password.locked", user.LoginId, $"failures={counted.Count}");
        }
        else
        {
            audit.Add(user.LoginId, "approval-password.failed", user.LoginId, $"failures={counted.Count}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return counted.LockedNow ? LockedMessage(user) : WrongMessage;
    }

    public DateTime? ExpiresAt(CustomerUser user) =>
        user.ApprovalPasswordChangedAt?.AddDays(settings.Value.ApprovalPasswordValidityDays);

    public bool IsExpired(CustomerUser user) =>
        user.ApprovalPasswordHash is not null && !user.ApprovalPasswordIsInitial && ExpiresAt(user) is { } at && time.GetUtcNow().UtcDateTime >= at;

    public bool IsNearExpiry(CustomerUser user) =>
        user.ApprovalPasswordHash is not null && !user.ApprovalPasswordIsInitial && ExpiresAt(user) is { } at
        && time.GetUtcNow().UtcDateTime >= at.AddDays(-settings.Value.ApprovalPasswordWarningDays);

    /// <summary>What the user must do at entry to the service, given the rights of the session.</summary>
    public ApprovalSetup RequiredSetup(CustomerUser user, PermissionSet rights)
    {
        if (user.IsMaster)
        {
            if (user.ApprovalPasswordHash is null)
            {
                return ApprovalSetup.SetNew;
            }
        }
        else
        {
            if (!rights.HasAnyApprover)
            {
                return ApprovalSetup.None;
            }

            if (user.ApprovalPasswordHash is null)
            {
                return ApprovalSetup.SetNew;
            }

            if (user.ApprovalPasswordIsInitial)
            {
                return ApprovalSetup.ReplaceInitial;
            }
        }

        return IsExpired(user) ? ApprovalSetup.Expired : ApprovalSetup.None;
    }

    /// <summary>Whether this user has (or must have) an approval password at all.</summary>
    public static bool Applies(CustomerUser user, PermissionSet rights) => user.IsMaster || rights.HasAnyApprover || user.ApprovalPasswordHash is not null;
}
