using Microsoft.AspNetCore.Mvc;

namespace Shinkin.ReferenceServer.Pages.Densai;

/// <summary>[ログアウト] at the top right of the service window (manual chapter 5, steps 1–2): closes the service part only.</summary>
public sealed class DensaiLogoutModel : CustomerPageModel
{
    public IActionResult OnGet() => Redirect("/densai/top");

    public async Task<IActionResult> OnPostAsync()
    {
        if (CustomerSession.ServiceOpen)
        {
            CustomerSession.ServiceOpen = false;
            Audit.Add(CurrentUser.LoginId, "service.logout", CurrentUser.LoginId);
            await Db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        return Redirect("/densai/logged-out");
    }
}
