using Microsoft.AspNetCore.Mvc;
using Shinkin.ReferenceServer.Domain;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Pages.Password;

/// <summary>ログインパスワード変更, forced at first login (manual 「ログインパスワードを設定する」).</summary>
[PasswordAttempt]
public sealed class PasswordChangeModel(InputRules rules, LoginPasswords loginPasswords, PasswordHasher hasher) : CustomerPageModel
{
    protected override bool AllowedBeforePasswordChange => true;

    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    public int MinLength => rules.Security.PasswordMinLength;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var user = CurrentUser;
        if (string.IsNullOrEmpty(Current))
        {
            Errors["Current"] = InputRules.Required("現ログインパスワード");
        }

        if (rules.CheckNewPassword(New, "新ログインパスワード", user.LoginId) is { } newError)
        {
            Errors["New"] = newError;
        }
        else if (InputRules.CheckConfirmation(New, Confirm, "新ログインパスワード") is { } confirmError)
        {
            Errors["Confirm"] = confirmError;
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        switch (await loginPasswords.CheckAsync(user, Current!, "password-change", ct))
        {
            case LoginCheck.Wrong:
                Errors["Current"] = "現ログインパスワードが正しくありません。";
                return Page();
            case LoginCheck.Locked or LoginCheck.LockedNow:
                Sessions.End(HttpContext, CustomerSession, "locked");
                await Db.SaveChangesAsync(ct);
                Errors["Current"] = LoginPasswords.LockedMessage(user);
                return Page();
        }

        if (string.Equals(Current, New, StringComparison.Ordinal))
        {
            Errors["New"] = "新ログインパスワードには、現ログインパスワードと異なるものを設定してください。";
            await Db.SaveChangesAsync(ct);
            return Page();
        }

        var now = Time.GetUtcNow().UtcDateTime;
        user.LoginPasswordHash = hasher.Hash(New!);
        user.LoginPasswordIsInitial = false;
        user.UpdatedAt = now;
        CustomerSession.PasswordChangeRequired = false;
        var ended = await Sessions.EndOthersAsync(CustomerSession, "password-changed", ct);
        Audit.Add(user.LoginId, "login-password.changed", user.LoginId, ended > 0 ? $"other sessions ended={ended}" : null);
        await Db.SaveChangesAsync(ct);
        return Redirect("/services?changed=1");
    }
}
