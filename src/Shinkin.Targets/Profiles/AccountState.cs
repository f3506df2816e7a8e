namespace Shinkin.Targets;

/// <summary>What an account of the pool is ready for (the <c>state</c> field of an account).</summary>
public enum AccountState
{
    /// <summary><c>master-initial</c>: fresh from the bank's 通知書面 (login id + initial password); its first login uses it up.</summary>
    MasterInitial,

    /// <summary><c>master-ready</c>: a master user past its first login, with approval password and 電子証明書 (PKCS#12).</summary>
    MasterReady,

    /// <summary><c>general-ready</c>: a general user with 電子証明書, its rights and its company's master.</summary>
    GeneralReady,
}

/// <summary>A general user's right (the <c>rights</c> array of a <c>general-ready</c> account).</summary>
public enum AccountRight
{
    /// <summary><c>use</c>: 利用権限.</summary>
    Use,

    /// <summary><c>clerk</c>: 担当者権限.</summary>
    Clerk,

    /// <summary><c>approver</c>: 承認者権限.</summary>
    Approver,
}

/// <summary>The spelling of <see cref="AccountState"/> and <see cref="AccountRight"/> in profiles and pool-state files.</summary>
public static class AccountNames
{
    public const string MasterInitial = "master-initial";
    public const string MasterReady = "master-ready";
    public const string GeneralReady = "general-ready";

    public static IReadOnlyList<string> States { get; } = [MasterInitial, MasterReady, GeneralReady];

    public static IReadOnlyList<string> Rights { get; } = ["use", "clerk", "approver"];

    public static string ToJsonName(this AccountState state) => state switch
    {
        AccountState.MasterInitial => MasterInitial,
        AccountState.MasterReady => MasterReady,
        AccountState.GeneralReady => GeneralReady,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string ToJsonName(this AccountRight right) => right switch
    {
        AccountRight.Use => "use",
        AccountRight.Clerk => "clerk",
        AccountRight.Approver => "approver",
        _ => throw new ArgumentOutOfRangeException(nameof(right), right, null),
    };

    public static bool TryParseState(string? text, out AccountState state)
    {
        switch (text)
        {
            case MasterInitial: state = AccountState.MasterInitial; return true;
            case MasterReady: state = AccountState.MasterReady; return true;
            case GeneralReady: state = AccountState.GeneralReady; return true;
            default: state = default; return false;
        }
    }

    public static bool TryParseRight(string? text, out AccountRight right)
    {
        switch (text)
        {
            case "use": right = AccountRight.Use; return true;
            case "clerk": right = AccountRight.Clerk; return true;
            case "approver": right = AccountRight.Approver; return true;
            default: right = default; return false;
        }
    }
}
