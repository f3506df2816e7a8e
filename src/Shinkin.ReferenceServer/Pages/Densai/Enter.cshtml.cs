using Microsoft.AspNetCore.Mvc;
using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.Densai;

/// <summary>
/// [しんきん電子記録債権サービス] of サービス一覧 (opens in a new window): opens the service part of the
/// session, then the approval-password setup if one is due, else the top screen.
/// </summary>
public sealed class EnterModel(ApprovalPasswords approvalPasswords) : CustomerPageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!CustomerSession.ServiceOpen)
        {
            CustomerSession.ServiceOpen = true;
            Audit.Add(CurrentUser.LoginId, "service.enter", CurrentUser.LoginId);
            await Db.SaveChangesAsync(HttpContext.RequestAborted);
        }

        return Redirect(approvalPasswords.RequiredSetup(CurrentUser, Rights) == ApprovalSetup.None ? "/densai/top" : "/densai/approval-password");
    }
}
