namespace Shinkin.Targets;

/// <summary>
/// One account of a profile's pool, as loaded: <c>env:</c> secrets are already read from the environment and
/// <see cref="Pkcs12File"/> is a full path. <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class PoolAccount
{
    internal PoolAccount()
    {
    }

    /// <summary>Unique within the profile; the key of the pool-state file.</summary>
    public string Id { get; internal init; } = "";

    public AccountState State { get; internal init; }

    /// <summary>ログインID.</summary>
    public string LoginId { get; internal init; } = "";

    /// <summary>会社名 (optional, for reports).</summary>
    public string? CompanyName { get; internal init; }

    /// <summary>The company's 口座番号 as its screens list them (masters only; for ③ 口座 of manual 2-5).</summary>
    public IReadOnlyList<string> AccountNumbers { get; internal init; } = [];

    /// <summary>初期ログインパスワード from the 通知書面 (<c>master-initial</c> only).</summary>
    public string? InitialPassword { get; internal init; }

    /// <summary>ログインパスワード (<c>master-ready</c>, <c>general-ready</c>).</summary>
    public string? LoginPassword { get; internal init; }

    /// <summary>承認パスワード (<c>master-ready</c>; optional for <c>general-ready</c>).</summary>
    public string? ApprovalPassword { get; internal init; }

    /// <summary>Full path of the 電子証明書 PKCS#12 file (<c>master-ready</c>, <c>general-ready</c>).</summary>
    public string? Pkcs12File { get; internal init; }

    public string? Pkcs12Password { get; internal init; }

    /// <summary>A general user's rights (empty for masters).</summary>
    public IReadOnlyList<AccountRight> Rights { get; internal init; } = [];

    /// <summary>Id of the company's <c>master-ready</c> account (<c>general-ready</c> only; JSON <c>master</c>).</summary>
    public string? MasterId { get; internal init; }

    public override string ToString() => $"{Id} ({State.ToJsonName()}, {LoginId})";
}
