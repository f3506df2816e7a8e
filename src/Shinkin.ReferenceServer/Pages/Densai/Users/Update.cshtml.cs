using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.Densai.Users;

/// <summary>
/// 更新 (ユーザ更新, manual chapter 3): lists pending registrations and 解除 → master's 承認パスワード →
/// [ユーザ更新の実行]. Only then can a new user obtain a certificate and log in.
/// </summary>
public sealed class UserUpdateModel : DensaiPageModel
{
    private const string DraftPurpose = "user-update";

    public enum Steps
    {
        Search,
        Confirm,
        Done,
    }

    public sealed record UpdateItem(string LoginId, int Version);

    public sealed record UpdateDraft(IReadOnlyList<UpdateItem> Items);

    protected override bool MasterOnly => true;

    public Steps Step { get; private set; } = Steps.Search;

    public string? LoginId { get; private set; }

    public string? UserName { get; private set; }

    [BindProperty]
    public string? Draft { get; set; }

    [BindProperty]
    public string? ApprovalPassword { get; set; }

    public IReadOnlyList<CustomerUser> Pending { get; private set; } = [];

    public IReadOnlyList<string> Applied { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnGetConfirmAsync(string? loginId, string? userName)
    {
        LoginId = loginId;
        UserName = userName;
        var users = await UserDirectory.SearchAsync(Db, CurrentUser.CompanyId, loginId, userName, HttpContext.RequestAborted);
        Pending = users.Where(u => u.Status is UserStatus.Pending or UserStatus.DeletionPending).ToList();
        Draft = Drafts.Protect(new UpdateDraft(Pending.Select(u => new UpdateItem(u.LoginId, u.Version)).ToList()), DraftPurpose, DraftBinding);
        Step = Steps.Confirm;
    }

    public async Task<IActionResult> OnPostExecuteAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!Drafts.TryUnprotect<UpdateDraft>(Draft, DraftPurpose, DraftBinding, out var draft))
        {
            Error = "確認画面の有効期限が切れました。もう一度操作してください。";
            return Page();
        }

        var logins = draft.Items.Select(i => i.LoginId).ToList();
        var users = await Db.Users.Where(u => u.CompanyId == CurrentUser.CompanyId && logins.Contains(u.LoginId)).ToListAsync(ct);
        Pending = users;
        Step = Steps.Confirm;
        foreach (var item in draft.Items)
        {
            var user = users.SingleOrDefault(u => u.LoginId == item.LoginId);
            if (user is null || user.Version != item.Version || user.Status is not (UserStatus.Pending or UserStatus.DeletionPending))
            {
                Error = "ユーザ情報が他の操作により更新されています。もう一度［ユーザ更新の確認へ］から操作してください。";
                return Page();
            }
        }

        if (await ApprovalPasswords.VerifyAsync(CurrentUser, ApprovalPassword, ct) is { } approvalError)
        {
            Errors["ApprovalPassword"] = approvalError;
            return Page();
        }

        var now = Time.GetUtcNow().UtcDateTime;
        foreach (var user in users)
        {
            if (user.Status == UserStatus.Pending)
            {
                user.Status = UserStatus.Active;
                Audit.Add(CurrentUser.LoginId, "user.update-applied", user.LoginId, "registered → active");
            }
            else
            {
                user.Status = UserStatus.Deleted;
                user.CertificateAcquisitionAllowed = false;
                foreach (var certificate in await Db.Certificates.Where(c => c.UserId == user.Id && c.RevokedAt == null).ToListAsync(ct))
                {
                    certificate.RevokedAt = now;
                    certificate.RevocationReason = "revoked";
                }

                foreach (var session in await Db.CustomerSessions.Where(s => s.UserId == user.Id && s.EndedAt == null).ToListAsync(ct))
                {
                    session.EndedAt = now;
                    session.EndReason = "user-deleted";
                }

                Audit.Add(CurrentUser.LoginId, "user.update-applied", user.LoginId, "deletion → deleted");
            }

            user.UpdatedAt = now;
        }

        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = "ユーザ情報が他の操作により更新されています。もう一度［ユーザ更新の確認へ］から操作してください。";
            return Page();
        }

        Applied = users.Select(u => u.LoginId).ToList();
        Step = Steps.Done;
        return Page();
    }
}
