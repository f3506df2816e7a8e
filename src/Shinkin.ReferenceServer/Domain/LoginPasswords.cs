using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Domain;

public enum LoginCheck
{
    Success,
    /// <summary>Unknown login ID or wrong password: one message for both (no user enumeration).</summary>
    Wrong,
    /// <summary>Already locked before this attempt.</summary>
    Locked,
    /// <summary>This attempt reached the lockout count.</summary>
    LockedNow,
}

/// <summary>Login-password checks shared by 電子証明書取得, 電子証明書ログイン and the password change, with lockout.</summary>
public sealed class LoginPasswords(ShinkinDbContext db, PasswordHasher hasher, IOptions<SecuritySettings> settings, AuditTrail audit, TimeProvider time)
{
    public static string LockedMessage(CustomerUser user) => user.IsMaster
        ? "ログインパスワードがロックされているため、ご利用いただけません。当金庫にロック解除をご依頼ください。"
        : "ログインパスワードがロックされているため、ご利用いただけません。マスターユーザにロック解除を依頼してください。";

    /// <summary>Checks and records the attempt: failures are counted atomically and saved at once, success resets the count.</summary>
    public async Task<LoginCheck> CheckAsync(CustomerUser? user, string password, string where, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            hasher.VerifyAgainstNothing(password);
            return LoginCheck.Wrong;
        }

        var correct = hasher.Verify(user.LoginPasswordHash, password);
        if (user.LoginLockedAt is not null)
        {
            // Only someone who knows the password learns that the account is locked.
            return correct ? LoginCheck.Locked : LoginCheck.Wrong;
        }

        if (correct)
        {
            // A parallel failure may have locked the account since it was read.
            return await FailureCounter.ResetAsync(db, user, FailureKind.LoginPassword, cancellationToken) ? LoginCheck.Success : LoginCheck.Locked;
        }

        var counted = await FailureCounter.CountAsync(db, user, FailureKind.LoginPassword, settings.Value.LockoutThreshold, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (counted.AlreadyLocked)
        {
            // Locked by a parallel attempt after this one read the row: nothing more to count.
            return LoginCheck.Wrong;
        }

        if (counted.LockedNow)
        {
            audit.Add(user.LoginId, "login-password.locked", user.LoginId, $"{where} failures={counted.Count}");
        }
        else
        {
            audit.Add(user.LoginId, "login-password.failed", user.LoginId, $"{where} failures={counted.Count}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return counted.LockedNow ? LoginCheck.LockedNow : LoginCheck.Wrong;
    }
}
