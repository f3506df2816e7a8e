using Microsoft.AspNetCore.Mvc;

namespace Shinkin.ReferenceServer.Pages.UserAdmin;

/// <summary>
/// ユーザ管理業務 (from サービス一覧); certificate management is the master's. After the window's own [ログアウト]
/// its pages show the logged-out screen until サービス一覧's [ユーザ管理業務] opens it again.
/// </summary>
public abstract class UserAdminPageModel : CustomerPageModel
{
    protected virtual bool MasterOnly => true;

    /// <summary>Entry and logout stay reachable after the window's logout.</summary>
    protected virtual bool AllowedWhenLoggedOut => false;

    protected override Task<IActionResult?> OnCustomerRequestAsync()
    {
        if (CustomerSession.UserAdminClosed && !AllowedWhenLoggedOut)
        {
            return Task.FromResult<IActionResult?>(Redirect("/useradmin/logged-out"));
        }

        return Task.FromResult<IActionResult?>(MasterOnly && !CurrentUser.IsMaster ? Redirect("/useradmin?denied=1") : null);
    }
}
