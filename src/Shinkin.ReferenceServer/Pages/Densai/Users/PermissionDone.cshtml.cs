using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.Densai.Users;

public sealed class PermissionDoneModel : DensaiPageModel
{
    protected override bool MasterOnly => true;

    public CustomerUser Target { get; private set; } = null!;

    public IReadOnlyList<BankAccount> CompanyAccounts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? loginId)
    {
        var target = await UserDirectory.FindAsync(Db, CurrentUser.CompanyId, loginId, HttpContext.RequestAborted);
        if (target is null)
        {
            return Redirect("/densai/admin/users/permissions");
        }

        Target = target;
        CompanyAccounts = await Db.Accounts.Where(a => a.CompanyId == CurrentUser.CompanyId).OrderBy(a => a.Id).ToListAsync(HttpContext.RequestAborted);
        return Page();
    }
}
