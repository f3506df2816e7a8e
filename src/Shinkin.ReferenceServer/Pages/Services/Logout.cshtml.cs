using Microsoft.AspNetCore.Mvc;

namespace Shinkin.ReferenceServer.Pages.Services;

/// <summary>[ログアウト] of サービス一覧 (manual chapter 5, step 4): ends the whole session.</summary>
public sealed class LogoutModel : CustomerPageModel
{
    protected override bool AllowedBeforePasswordChange => true;

    public IActionResult OnGet() => Redirect("/services");

    public async Task<IActionResult> OnPostAsync()
    {
        Sessions.End(HttpContext, CustomerSession, "logout");
        Audit.Add(CurrentUser.LoginId, "logout", CurrentUser.LoginId);
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        return Redirect("/logged-out");
    }
}
