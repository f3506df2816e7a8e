namespace Shinkin.Targets;

/// <summary>
/// Every property name the loader knows, per object. <c>targets/target-profile.schema.json</c> must list the
/// same names (checked by a test).
/// </summary>
internal static class ProfileProperties
{
    public static readonly string[] Root =
        ["$schema", "name", "description", "publicUrl", "certificateUrl", "trust", "capabilities", "backOfficeKeyEnv", "words", "accounts"];

    public static readonly string[] Trust = ["caFile", "systemStore"];

    public static readonly string[] Capabilities = ["testDataApi", "backOffice"];

    public static readonly string[] MasterInitial = ["id", "state", "loginId", "initialPassword", "companyName", "accountNumbers"];

    public static readonly string[] MasterReady =
        ["id", "state", "loginId", "loginPassword", "approvalPassword", "pkcs12File", "pkcs12Password", "companyName", "accountNumbers"];

    public static readonly string[] GeneralReady =
        ["id", "state", "loginId", "loginPassword", "approvalPassword", "pkcs12File", "pkcs12Password", "rights", "master", "companyName"];

    /// <summary>Required fields per account state (besides id and state).</summary>
    public static readonly IReadOnlyDictionary<AccountState, string[]> Required = new Dictionary<AccountState, string[]>
    {
        [AccountState.MasterInitial] = ["loginId", "initialPassword"],
        [AccountState.MasterReady] = ["loginId", "loginPassword", "approvalPassword", "pkcs12File", "pkcs12Password"],
        [AccountState.GeneralReady] = ["loginId", "loginPassword", "pkcs12File", "pkcs12Password", "rights", "master"],
    };

    /// <summary>Fields whose value may be written <c>env:VAR_NAME</c>.</summary>
    public static readonly string[] Secrets = ["initialPassword", "loginPassword", "approvalPassword", "pkcs12Password"];

    public static string[] ForState(AccountState state) => state switch
    {
        AccountState.MasterInitial => MasterInitial,
        AccountState.MasterReady => MasterReady,
        _ => GeneralReady,
    };

    public static readonly string[] AnyAccount = MasterInitial.Union(MasterReady).Union(GeneralReady).ToArray();
}
