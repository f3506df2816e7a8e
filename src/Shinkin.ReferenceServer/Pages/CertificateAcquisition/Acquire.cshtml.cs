using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Pages.CertificateAcquisition;

/// <summary>
/// 電子証明書取得 (manual chapter 2 and 4, steps 5–8): login ID + login password → confirmation →
/// PKCS#12 download (the "Web アクセスの確認" [はい]) → このウィンドウを閉じる. The PKCS#12 is
/// encrypted with a random one-time password shown only on the completion screen.
/// </summary>
[PasswordAttempt(nameof(AcquireModel.LoginId))]
public sealed class AcquireModel(
    ShinkinDbContext db,
    InputRules rules,
    LoginPasswords loginPasswords,
    CertificateIssuer issuer,
    AuditTrail audit,
    TimeProvider time,
    IOptions<CertificateSettings> settings) : PublicPageModel
{
    public enum Steps
    {
        Input,
        Confirm,
        Done,
    }

    public const string GenericFailure = "ログインID（お客様ID）またはログインパスワードが正しくありません。";

    public Steps Step { get; private set; } = Steps.Input;

    [BindProperty]
    public string? LoginId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Ticket { get; set; }

    public Dictionary<string, string> FieldErrors { get; } = [];

    public string? Error { get; private set; }

    public string? ErrorReason { get; private set; }

    public string? UserName { get; private set; }

    public string? PfxPassword { get; private set; }

    public string? DownloadPath { get; private set; }

    public string? ValidUntil { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (rules.CheckLoginIdFormat(LoginId) is { } idError)
        {
            FieldErrors["LoginId"] = idError;
        }

        if (string.IsNullOrEmpty(Password))
        {
            FieldErrors["Password"] = InputRules.Required("ログインパスワード");
        }

        if (FieldErrors.Count > 0)
        {
            return Page();
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.LoginId == LoginId && u.Status != UserStatus.Deleted, ct);
        var result = await loginPasswords.CheckAsync(user, Password!, "certificate-acquire", ct);
        switch (result)
        {
            // The failure that locks reads like any other: an unknown ID never locks, so saying "locked" would confirm the ID.
            case LoginCheck.Wrong or LoginCheck.LockedNow:
                return Fail(GenericFailure, "credentials");
            case LoginCheck.Locked:
                return Fail(LoginPasswords.LockedMessage(user!), "locked");
        }

        var found = user!;
        if (found.Status == UserStatus.Pending)
        {
            await db.SaveChangesAsync(ct);
            return Fail("ユーザ更新が完了していないため、電子証明書を取得できません。マスターユーザにユーザ更新を依頼してください。", "pending-update");
        }

        if (found.Status != UserStatus.Active)
        {
            await db.SaveChangesAsync(ct);
            return Fail(GenericFailure, "credentials");
        }

        if (!found.CertificateAcquisitionAllowed)
        {
            await db.SaveChangesAsync(ct);
            return found.IsMaster
                ? Fail("電子証明書は取得済みです。再度取得する場合は、当金庫に電子証明書の再発行をご依頼ください。", "already-obtained")
                : Fail("電子証明書が発行されていないため、取得できません。マスターユーザに電子証明書の発行を依頼してください。", "not-issued");
        }

        var ticket = SecretTokens.NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        db.CertificateAcquisitions.Add(new Data.CertificateAcquisition
        {
            TokenHash = SecretTokens.HashToken(ticket),
            UserId = found.Id,
            CreatedAt = now,
            ExpiresAt = now.AddMinutes(settings.Value.AcquisitionLifetimeMinutes),
        });
        audit.Add(found.LoginId, "certificate.acquire-started", found.LoginId);
        await db.SaveChangesAsync(ct);

        Ticket = ticket;
        UserName = found.UserName;
        Step = Steps.Confirm;
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync()
    {
        var ct = HttpContext.RequestAborted;
        var acquisition = await FindTicketAsync(Ticket, ct);
        if (acquisition?.User is null || acquisition.IssuedAt is not null)
        {
            return Fail("電子証明書取得の有効期限が切れたか、既に取得済みです。はじめから操作しなおしてください。", "ticket");
        }

        var user = acquisition.User;
        if (user.Status != UserStatus.Active || !user.CertificateAcquisitionAllowed || user.LoginLockedAt is not null)
        {
            return Fail("電子証明書を取得できません。はじめから操作しなおしてください。", "ticket");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var issued = await issuer.IssueAsync(user, ct);
        acquisition.PfxData = issued.Pfx;
        acquisition.IssuedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(user.LoginId, "certificate.issued", user.LoginId, $"serial={issued.Record.SerialNumber} notAfter={issued.Record.NotAfter:O}");
        await db.SaveChangesAsync(ct);
        acquisition.CertificateId = issued.Record.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        LoginId = user.LoginId;
        PfxPassword = issued.Password;
        ValidUntil = issued.Record.NotAfter.ToString("yyyy年MM月dd日", System.Globalization.CultureInfo.InvariantCulture);
        DownloadPath = "/certificate/acquire/Download?ticket=" + Uri.EscapeDataString(Ticket!);
        Step = Steps.Done;
        return Page();
    }

    /// <summary>The PKCS#12 file, downloadable once.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? ticket)
    {
        var ct = HttpContext.RequestAborted;
        var acquisition = await FindTicketAsync(ticket, ct);
        if (acquisition?.User is null || acquisition.PfxData is null)
        {
            return NotFound();
        }

        var pfx = acquisition.PfxData;
        acquisition.PfxData = null;
        acquisition.DownloadedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(acquisition.User.LoginId, "certificate.downloaded", acquisition.User.LoginId);
        await db.SaveChangesAsync(ct);
        return File(pfx, "application/x-pkcs12", acquisition.User.LoginId + ".p12");
    }

    private async Task<Data.CertificateAcquisition?> FindTicketAsync(string? ticket, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        var hash = SecretTokens.HashToken(ticket);
        var now = time.GetUtcNow().UtcDateTime;
        return await db.CertificateAcquisitions.Include(a => a.User)
            .SingleOrDefaultAsync(a => a.TokenHash == hash && a.ExpiresAt > now, ct);
    }

    private PageResult Fail(string message, string reason)
    {
        Error = message;
        ErrorReason = reason;
        Step = Steps.Input;
        return Page();
    }
}
