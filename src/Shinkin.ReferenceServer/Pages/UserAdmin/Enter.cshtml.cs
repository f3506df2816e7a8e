using Microsoft.AspNetCore.Mvc;

namespace Shinkin.ReferenceServer.Pages.UserAdmin;

/// <summary>[ユーザ管理業務] of サービス一覧: opens the ユーザ管理業務 part again (after its own [ログアウト]), then its first screen.</summary>
public sealed class UserAdminEnterModel : UserAdminPageModel
{
    protected override bool MasterOnly => false;

    protected override bool AllowedWhenLoggedOut => true;

    public async Task<IActionResult> OnGetAsync()
    {
        if (CustomerSession.UserAdminClosed)
        {
            CustomerSession.UserAdminClosed = false;
            Audit.Add(CurrentUser.LoginId, "useradmin.enter", CurrentUser.LoginId);
            await Db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        return Redirect("/useradmin");
    }
}
