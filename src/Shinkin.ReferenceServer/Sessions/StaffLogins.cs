using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Sessions;

public enum StaffLoginCheck
{
    Success,
    /// <summary>Unknown staff ID or wrong password: one message for both.</summary>
    Wrong,
    /// <summary>Locked before this attempt (only a caller with the right password learns it).</summary>
    Locked,
    /// <summary>This attempt reached the lockout count.</summary>
    LockedNow,
}

/// <summary>Back-office staff login with lockout after the configured count of consecutive failures.</summary>
public sealed class StaffLogins(ShinkinDbContext db, AuditTrail audit, TimeProvider time, IOptions<BackOfficeSettings> settings, StaffCredential credential, PasswordHasher hasher)
{
    public async Task<StaffLoginCheck> CheckAsync(string? staffId, string? password, CancellationToken cancellationToken)
    {
        var configured = settings.Value;
        var idOk = SecretTokens.FixedTimeEquals(staffId ?? "", credential.StaffId);
        // Hashed either way, so a wrong ID costs the same time as a wrong password.
        var passwordOk = idOk ? hasher.Verify(credential.PasswordHash, password ?? "") : hasher.VerifyAgainstNothing(password ?? "");
        if (!idOk)
        {
            // Failures against unknown IDs lock nothing, so guessing IDs cannot lock the real one.
            audit.Add("staff:?", "staff.login-failed", AuditTrail.Truncate(staffId));
            await db.SaveChangesAsync(cancellationToken);
            return StaffLoginCheck.Wrong;
        }

        // One writer at a time (SQLite BEGIN IMMEDIATE), so concurrent failures are all counted.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.StaffId == credential.StaffId, cancellationToken);
        if (account is null)
        {
            account = new StaffAccount { StaffId = credential.StaffId };
            db.StaffAccounts.Add(account);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (account.LockedAt is { } lockedAt && now - lockedAt >= TimeSpan.FromMinutes(configured.LockoutMinutes))
        {
            account.LockedAt = null;
            account.FailedLoginCount = 0;
            audit.Add("system", "staff.unlocked", credential.StaffId, $"after {configured.LockoutMinutes} minutes");
        }

        StaffLoginCheck result;
        if (account.LockedAt is not null)
        {
            audit.Add("staff:" + credential.StaffId, "staff.login-refused", credential.StaffId, "locked");
            result = passwordOk ? StaffLoginCheck.Locked : StaffLoginCheck.Wrong;
        }
        else if (passwordOk)
        {
            account.FailedLoginCount = 0;
            result = StaffLoginCheck.Success;
        }
        else
        {
            account.FailedLoginCount++;
            if (account.FailedLoginCount >= configured.LockoutThreshold)
            {
                account.LockedAt = now;
                audit.Add("staff:" + credential.StaffId, "staff.locked", credential.StaffId, $"failures={account.FailedLoginCount}");
                result = StaffLoginCheck.LockedNow;
            }
            else
            {
                audit.Add("staff:" + credential.StaffId, "staff.login-failed", credential.StaffId, $"failures={account.FailedLoginCount}");
                result = StaffLoginCheck.Wrong;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public string LockedMessage() =>
        $"パスワードを{settings.Value.LockoutThreshold}回続けて間違えたため、職員IDをロックしています。{settings.Value.LockoutMinutes}分後に再度ログインしてください。";
}
