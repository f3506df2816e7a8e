namespace Shinkin.ReferenceServer.Configuration;

/// <summary>
/// Test hooks ("ReferenceServer:TestHooks", default true): the <c>data-testid</c> and <c>data-screen</c> attributes
/// and the hidden render-id input. Off, the pages carry none of them, so drivers must find controls the way a
/// person does (headings, labels, button texts).
/// </summary>
public sealed class TestHookSettings
{
    public const string Section = "ReferenceServer";

    public bool TestHooks { get; set; } = true;
}

/// <summary>Security limits. Defaults are the manual's values (初期設定編) where the manual gives one.</summary>
public sealed class SecuritySettings
{
    public const string Section = "Security";

    /// <summary>Manual: 「パスワードは 6 回入力を間違えるとロックがかかり」.</summary>
    public int LockoutThreshold { get; set; } = 6;

    public int ApprovalLockoutThreshold { get; set; } = 6;

    /// <summary>Manual: 「6 文字以上」 for login and approval passwords.</summary>
    public int PasswordMinLength { get; set; } = 6;

    /// <summary>The manual names no maximum for self-chosen passwords; bounded to keep hashing cheap.</summary>
    public int PasswordMaxLength { get; set; } = 32;

    /// <summary>OWASP ASVS 5 asks for at least 210,000 PBKDF2-HMAC-SHA512 iterations.</summary>
    public int Pbkdf2Iterations { get; set; } = 210_000;

    public int ApprovalPasswordValidityDays { get; set; } = 180;

    public int ApprovalPasswordWarningDays { get; set; } = 14;

    public int SessionIdleTimeoutMinutes { get; set; } = 20;

    /// <summary>A session ends this long after login however busy it is (a stolen cookie is not good forever): 8 hours, a working day.</summary>
    public int SessionAbsoluteLifetimeMinutes { get; set; } = 480;

    /// <summary>How long a multi-step form (confirmation screens) may stay open.</summary>
    public int DraftLifetimeMinutes { get; set; } = 30;
}

/// <summary>
/// Rate limits on the posts that check a password before the user is fully logged in (電子証明書取得,
/// 電子証明書ログイン, the first-login password and approval-password screens, the back-office login).
/// Fixed windows. The defaults sit far above what a person, or the feature suite on loopback, ever does
/// (its busiest minute in the audit trails of three full runs: 26 such posts in all, 6 for one login ID).
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Password posts one client address (IPv6: its /64) may make per window, whatever the accounts.</summary>
    public int PasswordAttemptsPerClient { get; set; } = 100;

    /// <summary>Password posts one client address may make for one account (login ID, staff ID or certificate) per window.</summary>
    public int PasswordAttemptsPerAccount { get; set; } = 20;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>A limit of 0 or less would refuse every login: refuse to start instead.</summary>
    public void Validate()
    {
        if (PasswordAttemptsPerClient < 1 || PasswordAttemptsPerAccount < 1 || WindowSeconds < 1)
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(PasswordAttemptsPerClient)}, {nameof(PasswordAttemptsPerAccount)} and {nameof(WindowSeconds)} must be at least 1.");
        }
    }
}

/// <summary>ユーザ基本情報の設定条件 (manual chapter 3).</summary>
public sealed class UserRuleSettings
{
    public const string Section = "Users";

    public string LoginIdPrefix { get; set; } = "d-";

    public int LoginIdMinLength { get; set; } = 6;

    public int LoginIdMaxLength { get; set; } = 12;

    public int InitialPasswordMinLength { get; set; } = 6;

    public int InitialPasswordMaxLength { get; set; } = 12;

    /// <summary>In text elements (what a person counts as characters: 👨‍👩‍👧 is one).</summary>
    public int UserNameMaxLength { get; set; } = 40;

    /// <summary>Hard cap in UTF-16 code units, so combining marks cannot stack a "40-character" name to any size.</summary>
    public int UserNameMaxCodeUnits { get; set; } = 160;

    /// <summary>Company names (test-data API), in text elements; the database column holds 100.</summary>
    public int CompanyNameMaxLength { get; set; } = 100;

    public int EmailMaxLength { get; set; } = 128;
}

public sealed class CertificateSettings
{
    public const string Section = "Certificates";

    /// <summary>Client certificates are valid for one year (issue 3).</summary>
    public int ClientValidityDays { get; set; } = 365;

    /// <summary>How long the acquisition confirmation and the PKCS#12 download stay available.</summary>
    public int AcquisitionLifetimeMinutes { get; set; } = 10;
}

public sealed class BackOfficeSettings
{
    public const string Section = "BackOffice";

    public const string DefaultStaffId = "bo-admin";

    /// <summary>The staff ID of the one back-office account.</summary>
    public string StaffId { get; set; } = DefaultStaffId;

    /// <summary>
    /// Empty (the default): a password is generated for the data folder at its first start, shown once
    /// (<c>shinkin serve</c>, <c>dotnet run</c>) and kept only as a hash in <c>staff-password.hash</c>.
    /// </summary>
    public string? StaffPassword { get; set; }

    /// <summary>Test-data API key; a random key is generated at start when empty.</summary>
    public string? ApiKey { get; set; }

    public int SessionIdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A staff session ends this long after login however busy it is.</summary>
    public int SessionAbsoluteLifetimeMinutes { get; set; } = 480;

    /// <summary>Consecutive wrong staff passwords that lock the staff ID; the customers' count (manual: 6).</summary>
    public int LockoutThreshold { get; set; } = 6;

    /// <summary>
    /// Staff accounts come from configuration and nobody above them can unlock one, so a staff lock
    /// ends by itself after this many minutes.
    /// </summary>
    public int LockoutMinutes { get; set; } = 30;
}
