using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Configuration;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Pages.Densai.Users;

/// <summary>
/// [新規登録] (manual chapter 3, steps 5–7): ログインID ("d-" prefilled), ユーザ名, メールアドレス ×2,
/// 初回ログインパスワード ×2 → [確認] → master's 承認パスワード → [実行]. The user stays unusable until ユーザ更新.
/// </summary>
public sealed class RegistrationNewModel(InputRules rules, PasswordHasher hasher) : DensaiPageModel
{
    private const string DraftPurpose = "registration";

    public sealed record RegistrationDraft(string LoginIdBody, string UserName, string Email, string PasswordHash);

    protected override bool MasterOnly => true;

    public UserRuleSettings Rules => rules.Users;

    public string Prefix => rules.Users.LoginIdPrefix;

    public bool Confirming { get; private set; }

    [BindProperty]
    public string? LoginIdBody { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? EmailConfirm { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordConfirm { get; set; }

    [BindProperty]
    public string? Draft { get; set; }

    [BindProperty]
    public string? ApprovalPassword { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        Check("LoginIdBody", rules.CheckLoginIdBody(LoginIdBody));
        Check("UserName", rules.CheckUserName(UserName));
        Check("Email", rules.CheckEmail(Email));
        if (!Errors.ContainsKey("Email"))
        {
            Check("EmailConfirm", InputRules.CheckConfirmation(Email, EmailConfirm, "メールアドレス"));
        }

        Check("Password", rules.CheckInitialPassword(Password, "初回ログインパスワード"));
        if (!Errors.ContainsKey("Password"))
        {
            Check("PasswordConfirm", InputRules.CheckConfirmation(Password, PasswordConfirm, "初回ログインパスワード"));
        }

        if (!Errors.ContainsKey("LoginIdBody") && await LoginIdTakenAsync(Prefix + LoginIdBody))
        {
            Errors["LoginIdBody"] = "このログインIDは既に使用されています。別のログインIDを入力してください。";
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        Draft = Drafts.Protect(new RegistrationDraft(LoginIdBody!, UserName!.Trim(), Email!, hasher.Hash(Password!)), DraftPurpose, DraftBinding);
        Confirming = true;
        return Page();
    }

    public async Task<IActionResult> OnPostExecuteAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!Drafts.TryUnprotect<RegistrationDraft>(Draft, DraftPurpose, DraftBinding, out var draft))
        {
            Error = "入力内容の有効期限が切れました。もう一度入力してください。";
            return Page();
        }

        LoginIdBody = draft.LoginIdBody;
        UserName = draft.UserName;
        Email = draft.Email;
        Confirming = true;
        if (await ApprovalPasswords.VerifyAsync(CurrentUser, ApprovalPassword, ct) is { } approvalError)
        {
            Errors["ApprovalPassword"] = approvalError;
            return Page();
        }

        var loginId = Prefix + draft.LoginIdBody;
        if (await LoginIdTakenAsync(loginId))
        {
            Confirming = false;
            Errors["LoginIdBody"] = "このログインIDは既に使用されています。別のログインIDを入力してください。";
            return Page();
        }

        var now = Time.GetUtcNow().UtcDateTime;
        Db.Users.Add(new CustomerUser
        {
            CompanyId = CurrentUser.CompanyId,
            LoginId = loginId,
            UserName = draft.UserName,
            Email = draft.Email,
            IsMaster = false,
            Status = UserStatus.Pending,
            LoginPasswordHash = draft.PasswordHash,
            LoginPasswordIsInitial = true,
            PermissionsJson = PermissionSet.Empty.ToJson(),
            CreatedAt = now,
            UpdatedAt = now,
        });
        Audit.Add(CurrentUser.LoginId, "user.registered", loginId, "pending ユーザ更新");
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            Confirming = false;
            Errors["LoginIdBody"] = "このログインIDは既に使用されています。別のログインIDを入力してください。";
            return Page();
        }

        return Redirect("/densai/admin/users/registration/done?kind=register&loginId=" + Uri.EscapeDataString(loginId));
    }

    private Task<bool> LoginIdTakenAsync(string loginId) => Db.Users.AnyAsync(u => u.LoginId == loginId, HttpContext.RequestAborted);

    private void Check(string field, string? error)
    {
        if (error is not null)
        {
            Errors[field] = error;
        }
    }
}
