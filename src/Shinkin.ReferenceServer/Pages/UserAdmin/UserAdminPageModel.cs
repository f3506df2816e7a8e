using Microsoft.AspNetCore.Mvc;

namespace Shinkin.ReferenceServer.Pages.UserAdmin;

/// <summary>ユーザ管理業務 (from サービス一覧); certificate management is the master's.</summary>
public abstract class UserAdminPageModel : CustomerPageModel
{
    protected virtual bool MasterOnly => true;

    protected override Task<IActionResult?> OnCustomerRequestAsync() =>
        Task.FromResult<IActionResult?>(MasterOnly && !CurrentUser.IsMaster ? Redirect("/useradmin?denied=1") : null);
}
