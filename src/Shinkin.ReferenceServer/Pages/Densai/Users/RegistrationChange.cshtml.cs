using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.Densai.Users;

/// <summary>解除 (takes effect at ユーザ更新) and ロック解除 of a general user, each confirmed with the master's 承認パスワード.</summary>
public sealed class RegistrationChangeModel : DensaiPageModel
{
    protected override bool MasterOnly => true;

    [BindProperty]
    public string? LoginId { get; set; }

    [BindProperty]
    public string Kind { get; set; } = "delete";

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? ApprovalPassword { get; set; }

    public CustomerUser? Target { get; private set; }

    public Dictionary<string, string> Errors { get; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? loginId, string? kind)
    {
        Kind = kind == "unlock" ? "unlock" : "delete";
        Target = await UserDirectory.FindAsync(Db, CurrentUser.CompanyId, loginId, HttpContext.RequestAborted);
        if (Target is null || Target.IsMaster)
        {
            return Redirect("/densai/admin/users/registration");
        }

        Version = Target.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        Kind = Kind == "unlock" ? "unlock" : "delete";
        Target = await UserDirectory.FindAsync(Db, CurrentUser.CompanyId, LoginId, ct);
        if (Target is null || Target.IsMaster)
        {
            return Redirect("/densai/admin/users/registration");
        }

        if (Target.Version != Version)
        {
            Error = "このユーザの情報は他の操作により更新されています。最新の内容を表示しなおしてから、もう一度操作してください。";
            Version = Target.Version;
            return Page();
        }

        if (Kind == "delete" && Target.Status is not (UserStatus.Active or UserStatus.Pending))
        {
            Error = "このユーザは既に解除されています。";
            return Page();
        }

        if (await ApprovalPasswords.VerifyAsync(CurrentUser, ApprovalPassword, ct) is { } approvalError)
        {
            Errors["ApprovalPassword"] = approvalError;
            return Page();
        }

        var now = Time.GetUtcNow().UtcDateTime;
        if (Kind == "unlock")
        {
            Target.FailedLoginCount = 0;
            Target.LoginLockedAt = null;
            Target.FailedApprovalCount = 0;
            Target.ApprovalLockedAt = null;
            Audit.Add(CurrentUser.LoginId, "user.unlocked", Target.LoginId);
        }
        else
        {
            Target.Status = UserStatus.DeletionPending;
            Audit.Add(CurrentUser.LoginId, "user.deletion-requested", Target.LoginId, "pending ユーザ更新");
        }

        Target.UpdatedAt = now;
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "このユーザの情報は他の操作により更新されています。最新の内容を表示しなおしてから、もう一度操作してください。";
            return Page();
        }

        return Redirect($"/densai/admin/users/registration/done?kind={Kind}&loginId={Uri.EscapeDataString(Target.LoginId)}");
    }
}
