using Microsoft.AspNetCore.Mvc;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;
using Shinkin.ReferenceServer.Security;
using Shinkin.ReferenceServer.Sessions;

namespace Shinkin.ReferenceServer.Pages.CertificateLogin;

/// <summary>
/// 電子証明書ログイン (manual chapter 2 and 4, 「ログインする」 step 5): the TLS client certificate
/// names the user, the login password proves it. A fresh session is issued at every login.
/// </summary>
[PasswordAttempt]
public sealed class CertificateLoginModel(
    ShinkinDbContext db,
    ClientCertificateValidator validator,
    LoginPasswords loginPasswords,
    CustomerSessions sessions,
    AuditTrail audit) : CertificateOriginPageModel
{
    [BindProperty]
    public string? Password { get; set; }

    public string LoginId { get; private set; } = "";

    public string? PasswordError { get; private set; }

    public string? Error { get; private set; }

    public string? ErrorReason { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var check = await validator.CheckAsync(HttpContext);
        if (!check.IsValid)
        {
            return Redirect("/certificate-error?reason=" + check.Problem);
        }

        LoginId = check.User!.LoginId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var check = await validator.CheckAsync(HttpContext);
        if (!check.IsValid)
        {
            return Redirect("/certificate-error?reason=" + check.Problem);
        }

        var user = check.User!;
        LoginId = user.LoginId;
        if (string.IsNullOrEmpty(Password))
        {
            PasswordError = InputRules.Required("ログインパスワード");
            return Page();
        }

        switch (await loginPasswords.CheckAsync(user, Password, "certificate-login", ct))
        {
            case LoginCheck.Wrong:
                PasswordError = "ログインパスワードが正しくありません。";
                ErrorReason = "wrong-password";
                return Page();
            case LoginCheck.Locked or LoginCheck.LockedNow:
                Error = LoginPasswords.LockedMessage(user);
                ErrorReason = "locked";
                return Page();
        }

        var session = await sessions.StartAsync(HttpContext, user, check.Thumbprint!, passwordChangeRequired: user.LoginPasswordIsInitial);
        audit.Add(user.LoginId, "login", user.LoginId, session.PasswordChangeRequired ? "initial password: change required" : null);
        await db.SaveChangesAsync(ct);
        return Redirect(session.PasswordChangeRequired ? "/password/change" : "/services");
    }
}
