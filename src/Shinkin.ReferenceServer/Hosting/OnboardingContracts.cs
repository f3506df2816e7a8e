namespace Shinkin.ReferenceServer;

/// <summary>
/// A company to register with its master user (back office and test-data API).
/// <see cref="MasterState"/> "initial": fresh from the back office (通知書面 only).
/// "ready": the master changed the login password to <see cref="MasterLoginPassword"/>, set
/// <see cref="MasterApprovalPassword"/>, holds every right on every account and has a certificate.
/// </summary>
public sealed record OnboardRequest
{
    public string? CompanyName { get; init; }

    public string MasterState { get; init; } = "initial";

    public string? MasterLoginPassword { get; init; }

    public string? MasterApprovalPassword { get; init; }

    public string? MasterUserName { get; init; }

    /// <summary>Accounts to open; when empty, one 当座 and one 普通 account at 本店.</summary>
    public IReadOnlyList<AccountSpec>? Accounts { get; init; }
}

public sealed record AccountSpec
{
    public required string Kind { get; init; }

    public string BranchName { get; init; } = "本店";

    public string BranchCode { get; init; } = "001";

    public required string AccountNumber { get; init; }
}

public sealed record AccountInfo(int Id, string Kind, string BranchName, string BranchCode, string AccountNumber);

/// <summary>The 通知書面 plus, for a "ready" master, the certificate (PKCS#12) and its password.</summary>
public sealed record CompanyNotice
{
    public required string CompanyNumber { get; init; }

    public required string CompanyName { get; init; }

    public required string MasterLoginId { get; init; }

    public required string InitialPassword { get; init; }

    public required IReadOnlyList<AccountInfo> Accounts { get; init; }

    public string? MasterCertificatePfxBase64 { get; init; }

    public string? MasterCertificatePassword { get; init; }
}

/// <summary>A general user created directly as if registered and already through ユーザ更新 (test-data API).</summary>
public sealed record CreateUserRequest
{
    /// <summary>With or without the "d-" prefix; generated when empty.</summary>
    public string? LoginId { get; init; }

    public string? UserName { get; init; }

    public string? Email { get; init; }

    /// <summary>初回ログインパスワード; generated when empty.</summary>
    public string? InitialPassword { get; init; }

    /// <summary>"none", "clerk" (担当者 only), "approver" (承認者 only) or "all".</summary>
    public string Rights { get; init; } = "none";

    /// <summary>初期承認パスワード; required when <see cref="Rights"/> includes 承認者.</summary>
    public string? InitialApprovalPassword { get; init; }

    /// <summary>"none", "issued" (the master ran 電子証明書管理) or "pfx" (also obtained: PKCS#12 returned).</summary>
    public string Certificate { get; init; } = "none";
}

public sealed record CreatedUser
{
    public required string LoginId { get; init; }

    public required string InitialPassword { get; init; }

    public string? InitialApprovalPassword { get; init; }

    public string? CertificatePfxBase64 { get; init; }

    public string? CertificatePassword { get; init; }
}
