namespace Shinkin.ReferenceServer;

/// <summary>
/// A company to register with its master user (back office and test-data API). <see cref="MasterState"/> is how far
/// the master got through manual chapter 2, each state including the ones before it:
/// "initial": fresh from the back office (通知書面 only);
/// "certificate": 2-1 done, the master holds a certificate (returned as PKCS#12) and still the initial password;
/// "password-changed": 2-2/2-3 done, the login password is <see cref="MasterLoginPassword"/>;
/// "approval-set": 2-4 done, the approval password is <see cref="MasterApprovalPassword"/>, no rights yet;
/// "ready": 2-5 done, the master holds every right on every account.
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

/// <summary>The 通知書面 plus, for a master past 電子証明書取得, the certificate (PKCS#12) and its password.</summary>
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

    /// <summary>
    /// "updated" (default): registered and through ユーザ更新. "registered": the master registered the user on the
    /// screens (3-1) and ユーザ更新 is still to do; such a user has no rights, no certificate and cannot log in yet.
    /// </summary>
    public string Registration { get; init; } = "updated";

    /// <summary>The login password after the user's first login (4-2/4-3); when empty the initial password is still the valid one.</summary>
    public string? LoginPassword { get; init; }

    /// <summary>The approval password the user set (4-4) in place of the initial one; needs a 承認者 right.</summary>
    public string? ApprovalPassword { get; init; }
}

public sealed record CreatedUser
{
    public required string LoginId { get; init; }

    public required string InitialPassword { get; init; }

    public string? InitialApprovalPassword { get; init; }

    public string? CertificatePfxBase64 { get; init; }

    public string? CertificatePassword { get; init; }
}
