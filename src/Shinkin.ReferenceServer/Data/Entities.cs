namespace Shinkin.ReferenceServer.Data;

public sealed class Company
{
    public int Id { get; set; }

    /// <summary>利用者番号.</summary>
    public required string CompanyNumber { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<BankAccount> Accounts { get; set; } = [];

    public List<CustomerUser> Users { get; set; } = [];
}

public sealed class BankAccount
{
    public int Id { get; set; }

    public int CompanyId { get; set; }

    public Company? Company { get; set; }

    /// <summary>当座 or 普通.</summary>
    public required string Kind { get; set; }

    public required string BranchName { get; set; }

    public required string BranchCode { get; set; }

    public required string AccountNumber { get; set; }
}

public enum UserStatus
{
    /// <summary>Registered by the master; usable only after ユーザ更新.</summary>
    Pending,
    Active,
    /// <summary>解除 requested; takes effect at ユーザ更新.</summary>
    DeletionPending,
    Deleted,
}

public sealed class CustomerUser
{
    public int Id { get; set; }

    public int CompanyId { get; set; }

    public Company? Company { get; set; }

    public required string LoginId { get; set; }

    public required string UserName { get; set; }

    public string Email { get; set; } = "";

    public bool IsMaster { get; set; }

    public UserStatus Status { get; set; }

    public required string LoginPasswordHash { get; set; }

    /// <summary>The login password is the one handed out (通知書面 or 初回ログインパスワード) and must be changed at first login.</summary>
    public bool LoginPasswordIsInitial { get; set; } = true;

    public int FailedLoginCount { get; set; }

    public DateTime? LoginLockedAt { get; set; }

    public string? ApprovalPasswordHash { get; set; }

    /// <summary>The approval password is the 初期承認パスワード chosen by the master and must be replaced at first entry.</summary>
    public bool ApprovalPasswordIsInitial { get; set; }

    public DateTime? ApprovalPasswordChangedAt { get; set; }

    public int FailedApprovalCount { get; set; }

    public DateTime? ApprovalLockedAt { get; set; }

    /// <summary>JSON of <see cref="Domain.PermissionSet"/>; read into a session only at login.</summary>
    public string PermissionsJson { get; set; } = "{}";

    /// <summary>The master (or the bank for a master) allowed one 電子証明書取得.</summary>
    public bool CertificateAcquisitionAllowed { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    public int Version { get; set; }

    public List<IssuedCertificate> Certificates { get; set; } = [];
}

public sealed class IssuedCertificate
{
    public int Id { get; set; }

    public int UserId { get; set; }

    public CustomerUser? User { get; set; }

    public required string SerialNumber { get; set; }

    /// <summary>SHA-256 of the DER certificate, upper-case hex.</summary>
    public required string Thumbprint { get; set; }

    public DateTime NotBefore { get; set; }

    public DateTime NotAfter { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>"revoked" (電子証明書管理) or "replaced" (a newer certificate was obtained).</summary>
    public string? RevocationReason { get; set; }
}

public sealed class CertificateAcquisition
{
    public int Id { get; set; }

    public required string TokenHash { get; set; }

    public int UserId { get; set; }

    public CustomerUser? User { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>The PKCS#12 (encrypted with the one-time password shown once on screen), deleted after download.</summary>
    public byte[]? PfxData { get; set; }

    public int? CertificateId { get; set; }

    public DateTime? IssuedAt { get; set; }

    public DateTime? DownloadedAt { get; set; }
}

public sealed class CustomerSession
{
    public int Id { get; set; }

    public required string TokenHash { get; set; }

    public int UserId { get; set; }

    public CustomerUser? User { get; set; }

    public required string CertificateThumbprint { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public string? EndReason { get; set; }

    public bool PasswordChangeRequired { get; set; }

    /// <summary>Rights as they were at login: changes take effect only at the next login (manual chapter 2).</summary>
    public string PermissionsJson { get; set; } = "{}";

    /// <summary>The しんきん電子記録債権サービス window is open (its own [ログアウト] closes it).</summary>
    public bool ServiceOpen { get; set; }

    /// <summary>
    /// The ユーザ管理業務 window's own [ログアウト] was used: its pages show the logged-out screen until
    /// サービス一覧's [ユーザ管理業務] opens it again. The session itself stays (manual 5-1 steps 4–6 end it).
    /// </summary>
    public bool UserAdminClosed { get; set; }

    public bool ApprovalWarningShown { get; set; }
}

public sealed class StaffSession
{
    public int Id { get; set; }

    public required string TokenHash { get; set; }

    public required string StaffId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }
}

/// <summary>Login state of a back-office staff account (the accounts themselves come from configuration).</summary>
public sealed class StaffAccount
{
    public int Id { get; set; }

    public required string StaffId { get; set; }

    public int FailedLoginCount { get; set; }

    public DateTime? LockedAt { get; set; }
}

public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>Login ID, "staff:&lt;id&gt;", "api" or "system".</summary>
    public required string Actor { get; set; }

    /// <summary>Short, non-secret reference of the session (first characters of its token hash).</summary>
    public string? SessionRef { get; set; }

    public required string Action { get; set; }

    public string? Target { get; set; }

    public string? Detail { get; set; }

    public string? RemoteAddress { get; set; }
}
