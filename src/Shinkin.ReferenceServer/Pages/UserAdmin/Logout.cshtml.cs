using Microsoft.AspNetCore.Mvc;

namespace Shinkin.ReferenceServer.Pages.UserAdmin;

/// <summary>
/// [ログアウト] at the top right of the ユーザ管理業務 window (manual 5-1 steps 1–2, as in the service window):
/// closes the ユーザ管理業務 part only. The session stays, so サービス一覧's [ログアウト] (steps 4–6) still works and ends it.
/// </summary>
public sealed class UserAdminLogoutModel : UserAdminPageModel
{
    protected override bool MasterOnly => false;

    protected override bool AllowedWhenLoggedOut => true;

    public IActionResult OnGet() => Redirect("/useradmin");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CustomerSession.UserAdminClosed)
        {
            CustomerSession.UserAdminClosed = true;
            Audit.Add(CurrentUser.LoginId, "useradmin.logout", CurrentUser.LoginId);
            await Db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        return Redirect("/useradmin/logged-out");
    }
}
