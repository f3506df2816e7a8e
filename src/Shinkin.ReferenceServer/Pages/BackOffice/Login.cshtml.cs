using Microsoft.AspNetCore.Mvc;
using Shinkin.ReferenceServer.Security;
using Shinkin.ReferenceServer.Sessions;

namespace Shinkin.ReferenceServer.Pages.BackOffice;

[PasswordAttempt(nameof(BackOfficeLoginModel.StaffId))]
public sealed class BackOfficeLoginModel(StaffLogins staffLogins, StaffSessions staffSessions) : BackOfficePageModel
{
    protected override bool RequiresStaff => false;

    [BindProperty]
    public string? StaffId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    /// <summary>credentials or locked.</summary>
    public string? ErrorReason { get; private set; }

    public string? Message { get; private set; }

    public void OnGet(string? timeout)
    {
        if (timeout == "1")
        {
            Message = "一定時間操作がなかったため、ログアウトしました。再度ログインしてください。";
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        switch (await staffLogins.CheckAsync(StaffId, Password, ct))
        {
            // The failure that locks reads like any other: unknown IDs never lock, so "locked" would confirm the ID.
            case StaffLoginCheck.Wrong or StaffLoginCheck.LockedNow:
                Error = "職員IDまたはパスワードが正しくありません。";
                ErrorReason = "credentials";
                return Page();
            case StaffLoginCheck.Locked:
                Error = staffLogins.LockedMessage();
                ErrorReason = "locked";
                return Page();
        }

        var existing = await staffSessions.FindAsync(HttpContext);
        if (existing is not null)
        {
            staffSessions.End(HttpContext, existing);
        }

        var session = staffSessions.Start(HttpContext, StaffId!);
        Audit.Add("staff:" + session.StaffId, "staff.login");
        await Db.SaveChangesAsync(ct);
        return Redirect("/backoffice");
    }
}
