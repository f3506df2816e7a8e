using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.Services;

/// <summary>サービス一覧: [しんきん電子記録債権サービス] twice (same destination, new window), [ユーザ管理業務], [ログアウト].</summary>
public sealed class ServicesModel(ApprovalPasswords approvalPasswords) : CustomerPageModel
{
    public bool PasswordChanged { get; private set; }

    public string? ApprovalWarning { get; private set; }

    public void OnGet(string? changed)
    {
        PasswordChanged = changed == "1";
        if (approvalPasswords.IsExpired(CurrentUser))
        {
            ApprovalWarning = "承認パスワードの有効期限が切れています。しんきん電子記録債権サービスで承認パスワードを変更してください。";
        }
        else if (approvalPasswords.IsNearExpiry(CurrentUser))
        {
            ApprovalWarning = $"承認パスワードの有効期限（{approvalPasswords.ExpiresAt(CurrentUser):yyyy年MM月dd日}）が近づいています。承認パスワードを変更してください。";
        }
    }
}
