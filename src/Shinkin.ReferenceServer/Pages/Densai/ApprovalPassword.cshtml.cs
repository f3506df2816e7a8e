using Microsoft.AspNetCore.Mvc;
using Shinkin.ReferenceServer.Domain;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Pages.Densai;

/// <summary>
/// 承認パスワード: set by the master at first entry (new twice), replaced by a general user holding a
/// 承認者 right (current = 初期承認パスワード, new twice), forced after expiry, or changed at will.
/// </summary>
[PasswordAttempt]
public sealed class ApprovalPasswordModel(InputRules rules, PasswordHasher hasher) : DensaiPageModel
{
    protected override bool AllowedBeforeApprovalSetup => true;

    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public bool Done { get; private set; }

    public ApprovalSetup Setup => ApprovalPasswords.RequiredSetup(CurrentUser, Rights);

    public string Mode => Setup switch
    {
        ApprovalSetup.SetNew => "set",
        ApprovalSetup.ReplaceInitial => "initial",
        ApprovalSetup.Expired => "expired",
        _ => "change",
    };

    public bool AsksCurrent => Setup != ApprovalSetup.SetNew;

    /// <summary>The manual's field name (4-4 step 2); a general user's hint says it is the initial approval password.</summary>
    public string CurrentLabel => "現在の承認パスワード";

    public string? CurrentHint => Setup == ApprovalSetup.ReplaceInitial ? "マスターユーザから通知された初期承認パスワードを入力してください。" : null;

    public int MinLength => rules.Security.PasswordMinLength;

    public string Reason => Setup switch
    {
        ApprovalSetup.SetNew => "取引を確定する際に使用する承認パスワードを設定してください。",
        ApprovalSetup.ReplaceInitial => "初回のご利用のため、マスターユーザから通知された初期承認パスワードを、ご自身の承認パスワードに変更してください。",
        ApprovalSetup.Expired => "承認パスワードの有効期限が切れています。承認パスワードを変更してください。",
        _ => "承認パスワードを変更します。",
    };

    public IActionResult OnGet()
    {
        if (!ApprovalPasswords.Applies(CurrentUser, Rights))
        {
            return Redirect("/densai/top");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var user = CurrentUser;
        if (!ApprovalPasswords.Applies(user, Rights))
        {
            return Redirect("/densai/top");
        }

        if (AsksCurrent && string.IsNullOrEmpty(Current))
        {
            Errors["Current"] = InputRules.Required(CurrentLabel);
        }

        if (rules.CheckNewPassword(New, "新しい承認パスワード", user.LoginId) is { } newError)
        {
            Errors["New"] = newError;
        }
        else if (InputRules.CheckConfirmation(New, Confirm, "新しい承認パスワード") is { } confirmError)
        {
            Errors["Confirm"] = confirmError;
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        if (AsksCurrent)
        {
            if (await ApprovalPasswords.VerifyAsync(user, Current, ct) is { } currentError)
            {
                Errors["Current"] = currentError;
                return Page();
            }

            if (string.Equals(Current, New, StringComparison.Ordinal))
            {
                Errors["New"] = "新しい承認パスワードには、現在の承認パスワードと異なるものを設定してください。";
                return Page();
            }
        }

        var setup = Setup;
        var now = Time.GetUtcNow().UtcDateTime;
        user.ApprovalPasswordHash = hasher.Hash(New!);
        user.ApprovalPasswordIsInitial = false;
        user.ApprovalPasswordChangedAt = now;
        user.FailedApprovalCount = 0;
        user.UpdatedAt = now;
        Audit.Add(user.LoginId, "approval-password.changed", user.LoginId, setup.ToString());
        await Db.SaveChangesAsync(ct);
        Done = true;
        return Page();
    }
}
