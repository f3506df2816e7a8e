using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;
using Shinkin.ReferenceServer.Security;
using Shinkin.ReferenceServer.Sessions;

namespace Shinkin.ReferenceServer.Pages.BackOffice;

public sealed class BackOfficeLoginModel(IOptions<BackOfficeSettings> settings, StaffSessions staffSessions) : BackOfficePageModel
{
    protected override bool RequiresStaff => false;

    [BindProperty]
    public string? StaffId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var idOk = SecretTokens.FixedTimeEquals(StaffId ?? "", settings.Value.StaffId);
        var passwordOk = SecretTokens.FixedTimeEquals(Password ?? "", settings.Value.StaffPassword);
        if (!idOk || !passwordOk)
        {
            Audit.Add("staff:?", "staff.login-failed", StaffId);
            await Db.SaveChangesAsync(HttpContext.RequestAborted);
            Error = "職員IDまたはパスワードが正しくありません。";
            return Page();
        }

        var existing = await staffSessions.FindAsync(HttpContext);
        if (existing is not null)
        {
            staffSessions.End(HttpContext, existing);
        }

        staffSessions.Start(HttpContext, settings.Value.StaffId);
        Audit.Add("staff:" + settings.Value.StaffId, "staff.login");
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect("/backoffice");
    }
}
