using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Pages.BackOffice;

public sealed class CompanyModel(TimeProvider time) : BackOfficePageModel
{
    public Company Company { get; private set; } = null!;

    public CustomerUser? Master => Company.Users.FirstOrDefault(u => u.IsMaster);

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string companyNumber) =>
        await LoadAsync(companyNumber) ? Page() : NotFound();

    /// <summary>The bank unlocks a master (login and approval password); general users are unlocked by their master.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string companyNumber)
    {
        if (!await LoadAsync(companyNumber) || Master is null)
        {
            return NotFound();
        }

        Master.FailedLoginCount = 0;
        Master.LoginLockedAt = null;
        Master.FailedApprovalCount = 0;
        Master.ApprovalLockedAt = null;
        Master.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Audit.Add("staff:" + Staff.StaffId, "master.unlock", Master.LoginId);
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        Message = "マスターユーザのロックを解除しました。";
        return Page();
    }

    /// <summary>Lets the master obtain a new certificate (the current one is replaced when it is obtained).</summary>
    public async Task<IActionResult> OnPostAllowCertificateAsync(string companyNumber)
    {
        if (!await LoadAsync(companyNumber) || Master is null)
        {
            return NotFound();
        }

        Master.CertificateAcquisitionAllowed = true;
        Master.UpdatedAt = time.GetUtcNow().UtcDateTime;
        Audit.Add("staff:" + Staff.StaffId, "master.certificate-reissue", Master.LoginId);
        await Db.SaveChangesAsync(HttpContext.RequestAborted);
        Message = "マスターユーザの電子証明書を再発行しました。電子証明書取得画面から取得してください。";
        return Page();
    }

    private async Task<bool> LoadAsync(string companyNumber)
    {
        var company = await Db.Companies.Include(c => c.Accounts).Include(c => c.Users)
            .SingleOrDefaultAsync(c => c.CompanyNumber == companyNumber, HttpContext.RequestAborted);
        if (company is null)
        {
            return false;
        }

        Company = company;
        return true;
    }
}
