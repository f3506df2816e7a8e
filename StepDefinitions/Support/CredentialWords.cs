namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// The words the features use for values only the scenario knows ("通知書面のログインパスワード"):
/// resolved against the user at the keyboard; any other text is taken as typed.
/// </summary>
public static class CredentialWords
{
    public static string Resolve(string word, UserAccount user) => word switch
    {
        "ログイン ID" or "通知書面のログイン ID" => user.LoginId,
        "先頭の d- を除いたログイン ID" => user.LoginIdWithoutPrefix,
        "通知書面のログインパスワード" or "初回ログインパスワード" => user.InitialPassword,
        "新しいログインパスワード" or "ログインパスワード" => user.LoginPassword,
        "初期承認パスワード" => user.InitialApprovalPassword ?? throw new InvalidOperationException($"{user.LoginId} was given no 初期承認パスワード"),
        "承認パスワード" => user.ApprovalPassword ?? throw new InvalidOperationException($"{user.LoginId} has no 承認パスワード yet"),
        "誤ったパスワード" => TestData.WrongPassword,
        _ => word,
    };
}
