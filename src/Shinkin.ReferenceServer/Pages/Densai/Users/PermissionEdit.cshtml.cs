using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Pages.Densai.Users;

/// <summary>
/// 変更 (permissions): ① 利用 ② 担当者/承認者 ③ 口座 → [変更内容の確認へ] → (初期承認パスワード when a
/// general user gets a 承認者 right) → master's 承認パスワード → [変更の実行]. Takes effect at the user's next login.
/// </summary>
public sealed class PermissionEditModel(InputRules rules, PasswordHasher hasher) : DensaiPageModel
{
    private const string DraftPurpose = "permissions";

    public enum Steps
    {
        Edit,
        InitialApproval,
        Confirm,
    }

    public sealed record PermissionDraft(string LoginId, int Version, PermissionSet Rights, string? InitialApprovalHash);

    protected override bool MasterOnly => true;

    public Steps Step { get; private set; } = Steps.Edit;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public List<string> Use { get; set; } = [];

    [BindProperty]
    public List<string> Clerk { get; set; } = [];

    [BindProperty]
    public List<string> Approver { get; set; } = [];

    [BindProperty]
    public List<int> Accounts { get; set; } = [];

    [BindProperty]
    public string? Draft { get; set; }

    [BindProperty]
    public string? InitialApproval { get; set; }

    [BindProperty]
    public string? InitialApprovalConfirm { get; set; }

    [BindProperty]
    public string? ApprovalPassword { get; set; }

    public CustomerUser Target { get; private set; } = null!;

    public IReadOnlyList<BankAccount> CompanyAccounts { get; private set; } = [];

    public PermissionSet Selected { get; private set; } = PermissionSet.Empty;

    public Dictionary<string, string> Errors { get; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? loginId)
    {
        if (!await LoadAsync(loginId))
        {
            return Redirect("/densai/admin/users/permissions");
        }

        Selected = PermissionSet.FromJson(Target.PermissionsJson);
        Version = Target.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? loginId)
    {
        if (!await LoadAsync(loginId))
        {
            return Redirect("/densai/admin/users/permissions");
        }

        var validAccounts = CompanyAccounts.Select(a => a.Id).ToHashSet();
        Selected = new PermissionSet
        {
            Use = Use.Where(c => PermissionCatalog.NoApprovalBusinesses.Any(b => b.Code == c)).Distinct().ToList(),
            Clerk = Clerk.Where(c => PermissionCatalog.ApprovalBusinesses.Any(b => b.Code == c)).Distinct().ToList(),
            Approver = Approver.Where(c => PermissionCatalog.ApprovalBusinesses.Any(b => b.Code == c)).Distinct().ToList(),
            Accounts = Accounts.Where(validAccounts.Contains).Distinct().ToList(),
        };
        if (Selected.Use.Count + Selected.Clerk.Count + Selected.Approver.Count > 0 && Selected.Accounts.Count == 0)
        {
            Errors["Form"] = "利用する口座を1つ以上選択してください。";
            return Page();
        }

        var draft = new PermissionDraft(Target.LoginId, Version, Selected, null);
        Draft = Drafts.Protect(draft, DraftPurpose, DraftBinding);
        Step = NeedsInitialApproval(Target, Selected) ? Steps.InitialApproval : Steps.Confirm;
        return Page();
    }

    public async Task<IActionResult> OnPostInitialApprovalAsync(string? loginId)
    {
        if (!await LoadAsync(loginId) || !TryDraft(out var draft))
        {
            return Redirect("/densai/admin/users/permissions");
        }

        Selected = draft.Rights;
        Step = Steps.InitialApproval;
        if (rules.CheckNewPassword(InitialApproval, "初期承認パスワード", Target.LoginId) is { } error)
        {
            Errors["InitialApproval"] = error;
            return Page();
        }

        if (InputRules.CheckConfirmation(InitialApproval, InitialApprovalConfirm, "初期承認パスワード") is { } confirmError)
        {
            Errors["InitialApprovalConfirm"] = confirmError;
            return Page();
        }

        Draft = Drafts.Protect(draft with { InitialApprovalHash = hasher.Hash(InitialApproval!) }, DraftPurpose, DraftBinding);
        Step = Steps.Confirm;
        return Page();
    }

    public async Task<IActionResult> OnPostExecuteAsync(string? loginId)
    {
        var ct = HttpContext.RequestAborted;
        if (!await LoadAsync(loginId) || !TryDraft(out var draft))
        {
            return Redirect("/densai/admin/users/permissions");
        }

        Selected = draft.Rights;
        Step = Steps.Confirm;
        if (NeedsInitialApproval(Target, Selected) && draft.InitialApprovalHash is null)
        {
            Step = Steps.InitialApproval;
            return Page();
        }

        if (Target.Version != draft.Version)
        {
            Error = ConcurrencyMessage;
            Step = Steps.Edit;
            return Page();
        }

        if (await ApprovalPasswords.VerifyAsync(CurrentUser, ApprovalPassword, ct) is { } approvalError)
        {
            Errors["ApprovalPassword"] = approvalError;
            return Page();
        }

        var now = Time.GetUtcNow().UtcDateTime;
        Target.PermissionsJson = Selected.ToJson();
        if (draft.InitialApprovalHash is not null)
        {
            Target.ApprovalPasswordHash = draft.InitialApprovalHash;
            Target.ApprovalPasswordIsInitial = true;
            Target.ApprovalPasswordChangedAt = now;
            Target.FailedApprovalCount = 0;
            Target.ApprovalLockedAt = null;
        }

        Target.UpdatedAt = now;
        Audit.Add(CurrentUser.LoginId, "user.permissions-changed", Target.LoginId, Selected.Describe() + (draft.InitialApprovalHash is null ? "" : " +initial-approval-password"));
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = ConcurrencyMessage;
            return Page();
        }

        return Redirect("/densai/admin/users/permissions/done?loginId=" + Uri.EscapeDataString(Target.LoginId));
    }

    public string ConcurrencyMessage => "このユーザの情報は他の操作により更新されています。最新の内容を表示しなおしてから、もう一度操作してください。";

    private static bool NeedsInitialApproval(CustomerUser target, PermissionSet rights) =>
        !target.IsMaster && rights.HasAnyApprover && (target.ApprovalPasswordHash is null || target.ApprovalPasswordIsInitial);

    private bool TryDraft(out PermissionDraft draft)
    {
        if (Drafts.TryUnprotect<PermissionDraft>(Draft, DraftPurpose, DraftBinding, out var value) && value.LoginId == Target.LoginId)
        {
            draft = value;
            return true;
        }

        draft = null!;
        return false;
    }

    private async Task<bool> LoadAsync(string? loginId)
    {
        var target = await UserDirectory.FindAsync(Db, CurrentUser.CompanyId, loginId, HttpContext.RequestAborted);
        if (target is null)
        {
            return false;
        }

        Target = target;
        CompanyAccounts = await Db.Accounts.Where(a => a.CompanyId == CurrentUser.CompanyId).OrderBy(a => a.Id).ToListAsync(HttpContext.RequestAborted);
        return true;
    }
}
