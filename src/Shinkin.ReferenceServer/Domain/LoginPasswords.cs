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

    /// <summary>Checks and records the attempt; failures are saved at once, success resets the count (saved by the caller).</summary>
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
            user.FailedLoginCount = 0;
            return LoginCheck.Success;
        }

        user.FailedLoginCount++;
        var result = LoginCheck.Wrong;
        if (user.FailedLoginCount >= settings.Value.LockoutThreshold)
        {
            user.LoginLockedAt = time.GetUtcNow().UtcDateTime;
            audit.Add(user.LoginId, "login-password.locked", user.LoginId, $"{where} failures={user.FailedLoginCount}");
            result = LoginCheck.LockedNow;
        }
        else
        {
            audit.Add(user.LoginId, "login-password.failed", user.LoginId, $"{where} failures={user.FailedLoginCount}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
