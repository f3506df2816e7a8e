namespace Shinkin.ReferenceServer.Pages.Densai;

/// <summary>トップ画面 with tabs for the rights of the session.</summary>
public sealed class TopModel : DensaiPageModel
{
    public string? ApprovalWarning { get; private set; }

    public void OnGet()
    {
        if (ApprovalPasswords.IsNearExpiry(CurrentUser))
        {
            ApprovalWarning = $"承認パスワードの有効期限（{ApprovalPasswords.ExpiresAt(CurrentUser):yyyy年MM月dd日}）が近づいています。承認パスワードを変更してください。";
        }
    }
}
