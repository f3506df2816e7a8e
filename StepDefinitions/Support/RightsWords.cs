namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// The rights the features name (取引権限「担当者と承認者」…): which boxes of the 権限リスト are
/// checked, and the back office's code for a ready-made user with the same rights.
/// </summary>
public sealed record RightsChoice(bool Use, bool Clerk, bool Approver, string BackOfficeCode)
{
    public static RightsChoice Parse(string words) => words switch
    {
        "すべての業務と口座" or "担当者と承認者" => new(Use: true, Clerk: true, Approver: true, "all"),
        "担当者のみ" => new(Use: true, Clerk: true, Approver: false, "clerk"),
        "承認者のみ" => new(Use: true, Clerk: false, Approver: true, "approver"),
        "なし" => new(Use: false, Clerk: false, Approver: false, "none"),
        _ => throw new ArgumentException($"「{words}」 is not a rights choice the steps know (すべての業務と口座, 担当者と承認者, 担当者のみ, 承認者のみ, なし)", nameof(words)),
    };
}
