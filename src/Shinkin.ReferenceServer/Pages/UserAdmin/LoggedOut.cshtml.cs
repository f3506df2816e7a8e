namespace Shinkin.ReferenceServer.Pages.UserAdmin;

/// <summary>After the ユーザ管理業務 window's [ログアウト]: [閉じる] closes the window (manual 5-1 step 3).</summary>
public sealed class UserAdminLoggedOutModel : CertificateOriginPageModel
{
    public void OnGet()
    {
    }
}
