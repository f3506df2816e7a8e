using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.UserAdmin;

/// <summary>
/// 電子証明書管理 for one user (manual chapter 3, steps 9–11): [変更] → confirmation → [確定] → completion.
/// 発行 lets the user obtain one certificate (電子証明書取得); 失効 revokes the current one.
/// </summary>
public sealed class UserCertificateModel : UserAdminPageModel
{
    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string Operation { get; set; } = "issue";

    public CustomerUser Target { get; private set; } = null!;

    public string State { get; private set; } = "";

    public bool Confirming { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? loginId)
    {
        if (string.IsNullOrEmpty(loginId))
        {
            return Redirect("/useradmin/certificates/manage?error=select");
        }

        if (!await LoadAsync(loginId))
        {
            return Redirect("/useradmin/certificates/manage");
        }

        Version = Target.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(string? loginId)
    {
        if (!await LoadAsync(loginId))
        {
            return Redirect("/useradmin/certificates/manage");
        }

        Operation = Operation == "revoke" ? "revoke" : "issue";
        if (Validate() is { } error)
        {
            Error = error;
            return Page();
        }

        Confirming = true;
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string? loginId)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(loginId))
        {
            return Redirect("/useradmin/certificates/manage");
        }

        Operation = Operation == "revoke" ? "revoke" : "issue";
        if (Target.Version != Version)
        {
            Error = "このユーザの情報は他の操作により更新されています。もう一度操作してください。";
            Version = Target.Version;
            return Page();
        }

        if (Validate() is { } error)
        {
            Error = error;
            return Page();
        }

        var now = Time.GetUtcNow().UtcDateTime;
        if (Operation == "issue")
        {
            Target.CertificateAcquisitionAllowed = true;
            Audit.Add(CurrentUser.LoginId, "certificate.issue-allowed", Target.LoginId);
        }
        else
        {
            Target.CertificateAcquisitionAllowed = false;
            foreach (var certificate in Target.Certificates.Where(c => c.RevokedAt is null))
            {
                certificate.RevokedAt = now;
                certificate.RevocationReason = "revoked";
            }

            Audit.Add(CurrentUser.LoginId, "certificate.revoked", Target.LoginId);
        }

        Target.UpdatedAt = now;
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "このユーザの情報は他の操作により更新されています。もう一度操作してください。";
            return Page();
        }

        return Redirect($"/useradmin/certificates/done?operation={Operation}&loginId={Uri.EscapeDataString(Target.LoginId)}");
    }

    private string? Validate()
    {
        if (Target.Status == UserStatus.Pending)
        {
            return "ユーザ更新が完了していないため、電子証明書を発行できません。先に［管理業務］の［ユーザ情報管理］で［更新］を行ってください。";
        }

        if (Target.Status != UserStatus.Active)
        {
            return "解除されたユーザの電子証明書は変更できません。";
        }

        if (Operation == "revoke" && !Target.CertificateAcquisitionAllowed && Target.Certificates.All(c => c.RevokedAt is not null))
        {
            return "失効する電子証明書がありません。";
        }

        return null;
    }

    private async Task<bool> LoadAsync(string? loginId)
    {
        var target = await Db.Users.Include(u => u.Certificates)
            .SingleOrDefaultAsync(u => u.CompanyId == CurrentUser.CompanyId && u.LoginId == loginId && !u.IsMaster && u.Status != UserStatus.Deleted, HttpContext.RequestAborted);
        if (target is null)
        {
            return false;
        }

        Target = target;
        State = UserDirectory.CertificateState(target, target.Certificates, Time.GetUtcNow().UtcDateTime);
        return true;
    }
}
