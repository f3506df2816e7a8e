using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;
using Shinkin.ReferenceServer.Hosting;
using Shinkin.ReferenceServer.Security;
using Shinkin.ReferenceServer.Sessions;

namespace Shinkin.ReferenceServer.Pages;

/// <summary>Pages of the public origin (no client certificate): homepage, guidance, login, 電子証明書取得.</summary>
public abstract class PublicPageModel : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpContext.GetOrigin() != ServerOrigin.Public)
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }

    protected ServerEndpoints Endpoints => HttpContext.RequestServices.GetRequiredService<ServerEndpoints>();

    /// <summary>The certificate origin's URL for a path, on the host name the browser used.</summary>
    public string CertificateOriginUrl(string path) => Endpoints.Url(ServerOrigin.Certificate, HttpContext.Request.Host.Host, path);
}

/// <summary>Session-less pages of the certificate origin (login, error and logged-out screens).</summary>
public abstract class CertificateOriginPageModel : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpContext.GetOrigin() != ServerOrigin.Certificate)
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }

    public string PublicOriginUrl(string path) =>
        HttpContext.RequestServices.GetRequiredService<ServerEndpoints>().Url(ServerOrigin.Public, HttpContext.Request.Host.Host, path);
}

/// <summary>
/// Pages after 電子証明書ログイン. Every request re-checks that the presented client certificate is
/// valid and is the one the session was opened with; otherwise the session ends.
/// </summary>
public abstract class CustomerPageModel : PageModel
{
    private CustomerSession? _session;

    /// <summary>Pages reachable while the first-login password change is still pending.</summary>
    protected virtual bool AllowedBeforePasswordChange => false;

    public CustomerSession CustomerSession => _session ?? throw new InvalidOperationException("No session");

    public CustomerUser CurrentUser => CustomerSession.User ?? throw new InvalidOperationException("No user");

    /// <summary>Rights as of login (changes take effect only after logging in again).</summary>
    public PermissionSet Rights { get; private set; } = PermissionSet.Empty;

    protected ShinkinDbContext Db => HttpContext.RequestServices.GetRequiredService<ShinkinDbContext>();

    protected AuditTrail Audit => HttpContext.RequestServices.GetRequiredService<AuditTrail>();

    protected TimeProvider Time => HttpContext.RequestServices.GetRequiredService<TimeProvider>();

    protected CustomerSessions Sessions => HttpContext.RequestServices.GetRequiredService<CustomerSessions>();

    public string PublicOriginUrl(string path) =>
        HttpContext.RequestServices.GetRequiredService<ServerEndpoints>().Url(ServerOrigin.Public, HttpContext.Request.Host.Host, path);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpContext.GetOrigin() != ServerOrigin.Certificate)
        {
            context.Result = NotFound();
            return;
        }

        var lookup = await Sessions.FindAsync(HttpContext);
        if (lookup.State == SessionState.TimedOut)
        {
            context.Result = Redirect("/session/timeout");
            return;
        }

        if (lookup.Session?.User is null)
        {
            context.Result = Redirect("/session/required");
            return;
        }

        var session = lookup.Session;
        var check = await HttpContext.RequestServices.GetRequiredService<ClientCertificateValidator>().CheckAsync(HttpContext);
        var problem = check.Problem;
        if (problem == CertificateProblem.None && !string.Equals(check.Thumbprint, session.CertificateThumbprint, StringComparison.Ordinal))
        {
            problem = CertificateProblem.OtherUser;
        }

        if (problem != CertificateProblem.None)
        {
            Sessions.End(HttpContext, session, "certificate:" + problem);
            Audit.Add(session.User.LoginId, "session.ended", session.User.LoginId, "certificate " + problem);
            await Db.SaveChangesAsync(HttpContext.RequestAborted);
            context.Result = Redirect("/certificate-error?reason=" + problem);
            return;
        }

        if (session.User.Status != UserStatus.Active || session.User.LoginLockedAt is not null)
        {
            Sessions.End(HttpContext, session, "user-unavailable");
            await Db.SaveChangesAsync(HttpContext.RequestAborted);
            context.Result = Redirect("/session/required");
            return;
        }

        _session = session;
        Rights = PermissionSet.FromJson(session.PermissionsJson);
        if (session.PasswordChangeRequired && !AllowedBeforePasswordChange)
        {
            context.Result = Redirect("/password/change");
            return;
        }

        var early = await OnCustomerRequestAsync();
        if (early is not null)
        {
            context.Result = early;
            return;
        }

        await next();
    }

    /// <summary>Further gates of a page family; a result stops the request.</summary>
    protected virtual Task<IActionResult?> OnCustomerRequestAsync() => Task.FromResult<IActionResult?>(null);
}

/// <summary>Pages of the しんきん電子記録債権サービス window (top screen, tabs, 管理業務).</summary>
public abstract class DensaiPageModel : CustomerPageModel
{
    /// <summary>The approval-password screens themselves must stay reachable while a setup is pending.</summary>
    protected virtual bool AllowedBeforeApprovalSetup => false;

    protected virtual bool MasterOnly => false;

    public ApprovalPasswords ApprovalPasswords => HttpContext.RequestServices.GetRequiredService<ApprovalPasswords>();

    protected override async Task<IActionResult?> OnCustomerRequestAsync()
    {
        if (!CustomerSession.ServiceOpen)
        {
            return Redirect("/densai/logged-out");
        }

        if (!AllowedBeforeApprovalSetup && ApprovalPasswords.RequiredSetup(CurrentUser, Rights) != ApprovalSetup.None)
        {
            return Redirect("/densai/approval-password");
        }

        if (MasterOnly && !CurrentUser.IsMaster)
        {
            return Redirect("/densai/forbidden");
        }

        return await base.OnCustomerRequestAsync();
    }

    /// <summary>Binds multi-step drafts to this session.</summary>
    protected string DraftBinding => CustomerSession.TokenHash;

    protected DraftProtector Drafts => HttpContext.RequestServices.GetRequiredService<DraftProtector>();
}

/// <summary>Back-office (当金庫 staff) pages: public origin and a staff session only.</summary>
public abstract class BackOfficePageModel : PageModel
{
    private StaffSession? _staff;

    protected virtual bool RequiresStaff => true;

    public StaffSession Staff => _staff ?? throw new InvalidOperationException("No staff session");

    protected ShinkinDbContext Db => HttpContext.RequestServices.GetRequiredService<ShinkinDbContext>();

    protected AuditTrail Audit => HttpContext.RequestServices.GetRequiredService<AuditTrail>();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpContext.GetOrigin() != ServerOrigin.Public)
        {
            context.Result = NotFound();
            return;
        }

        if (RequiresStaff)
        {
            var lookup = await HttpContext.RequestServices.GetRequiredService<StaffSessions>().LookupAsync(HttpContext);
            _staff = lookup.Session;
            if (_staff is null)
            {
                context.Result = Redirect(lookup.TimedOut ? "/backoffice/login?timeout=1" : "/backoffice/login");
                return;
            }
        }

        await next();
    }
}
