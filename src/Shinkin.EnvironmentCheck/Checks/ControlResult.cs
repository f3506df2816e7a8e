using Shinkin.EnvironmentCheck.Settings;

namespace Shinkin.EnvironmentCheck.Checks;

/// <summary>How one control fares under one profile.</summary>
/// <param name="Expected">The expected value in words, e.g. "有効" or "1 (許可)".</param>
/// <param name="Reason">Why the verdict is what it is.</param>
/// <param name="Fix">What to do, in Japanese; null when nothing needs doing.</param>
public sealed record ProfileResult(string Expected, Verdict Verdict, string Reason, string? Fix);

/// <summary>The judged state of one Internet Options control.</summary>
/// <param name="Actual">The effective value for machines: a number (DWORD, zone), a bool (SecureProtocols bit) or null when unset.</param>
/// <param name="SourceText">Where <paramref name="Actual"/> came from (registry location, or the built-in default).</param>
/// <param name="Explanation">Why the two profiles expect different things, when they do.</param>
public sealed record ControlResult(
    string Id,
    string Title,
    string ManualStep,
    object? Actual,
    string ActualText,
    SettingSource? Source,
    string? SourceText,
    IReadOnlyList<OverriddenValue> Overridden,
    ProfileResult Manual,
    ProfileResult Secure,
    string? Explanation)
{
    public ProfileResult For(CheckProfile profile) => profile == CheckProfile.Manual ? Manual : Secure;

    /// <summary>The plain-words sentence shown when one profile passes and the other does not.</summary>
    public string? Disagreement => (Manual.Verdict, Secure.Verdict) switch
    {
        (Verdict.Pass, Verdict.Fail) => "マニュアルには適合していますが、安全ではありません。" + Explanation,
        (Verdict.Fail, Verdict.Pass) => "安全な設定ですが、マニュアルの指示とは異なります。" + Explanation,
        _ => null,
    };
}

/// <summary>Everything one check-env run found.</summary>
public sealed record CheckReport(OsInfo Os, IReadOnlyList<string> Inputs, bool SecurityHklmOnly, IReadOnlyList<ControlResult> Controls)
{
    /// <summary>The manual's closing advice (chapter 1, end of 詳細設定).</summary>
    public const string RestartAdvice = "「インターネットオプション」の設定を反映するために、すべての Internet Explorer を閉じて、Internet Explorer を開き直してください。";

    public Verdict Overall(CheckProfile profile) =>
        Controls.Any(c => c.For(profile).Verdict == Verdict.Fail) ? Verdict.Fail : Verdict.Pass;

    public ControlResult this[string id] => Controls.Single(c => c.Id == id);

    public int ExitCode(CheckProfile profile) => Overall(profile) == Verdict.Pass ? 0 : 1;
}
