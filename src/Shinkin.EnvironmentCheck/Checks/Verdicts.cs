namespace Shinkin.EnvironmentCheck.Checks;

/// <summary><c>manual</c>: what the manual asks. <c>secure</c>: what is safe today.</summary>
public enum CheckProfile
{
    Manual,
    Secure,
}

public enum Verdict
{
    Pass,
    Fail,
    NotApplicable,
}

public static class VerdictNames
{
    public static IReadOnlyList<CheckProfile> Profiles { get; } = [CheckProfile.Manual, CheckProfile.Secure];

    public static string JsonName(this CheckProfile profile) => profile == CheckProfile.Manual ? "manual" : "secure";

    public static string JapaneseName(this CheckProfile profile) => profile == CheckProfile.Manual ? "マニュアル" : "安全";

    public static string JsonName(this Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "fail",
        _ => "na",
    };

    /// <summary>OK / NG as Japanese check sheets write them.</summary>
    public static string Mark(this Verdict verdict) => verdict switch
    {
        Verdict.Pass => "OK",
        Verdict.Fail => "NG",
        _ => "対象外",
    };

    public static bool TryParseProfile(string text, out CheckProfile profile)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "manual":
                profile = CheckProfile.Manual;
                return true;
            case "secure":
                profile = CheckProfile.Secure;
                return true;
            default:
                profile = CheckProfile.Manual;
                return false;
        }
    }
}
