using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Sessions;

namespace Shinkin.ReferenceServer.Pages.BackOffice;

public sealed class BackOfficeIndexModel(StaffSessions staffSessions) : BackOfficePageModel
{
    public sealed record Row(string CompanyNumber, string Name, string? MasterLoginId, bool MasterLocked);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Rows = await Db.Companies.OrderByDescending(c => c.Id).Take(200)
            .Select(c => new Row(
                c.CompanyNumber,
                c.Name,
                c.Users.Where(u => u.IsMaster).Select(u => u.LoginId).FirstOrDefault(),
                c.Users.Any(u => u.IsMaster && (u.LoginLockedAt != null || u.ApprovalLockedAt != null))))
            .ToListAsync(HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostLogoutAsync()
    {
        staffSessions.End(HttpContext, Staff);
        Audit.Add("staff:" + Staff.StaffId, "staff.logout");
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect("/backoffice/login");
    }
}
