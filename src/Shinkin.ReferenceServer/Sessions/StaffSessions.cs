using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Sessions;

public sealed record StaffSessionLookup(StaffSession? Session, bool TimedOut);

/// <summary>Back-office (当金庫 staff) sessions; a customer session never counts here and vice versa.</summary>
public sealed class StaffSessions(ShinkinDbContext db, TimeProvider time, IOptions<BackOfficeSettings> settings, AuditTrail audit)
{
    public const string CookieName = "__Host-shinkin-staff";

    public async Task<StaffSession?> FindAsync(HttpContext context) => (await LookupAsync(context)).Session;

    /// <summary>The live staff session of the request, or whether it just ended by idle timeout.</summary>
    public async Task<StaffSessionLookup> LookupAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var token) || string.IsNullOrEmpty(token))
        {
            return new StaffSessionLookup(null, false);
        }

        var hash = SecretTokens.HashToken(token);
        var session = await db.StaffSessions.SingleOrDefaultAsync(s => s.TokenHash == hash && s.EndedAt == null, context.RequestAborted);
        if (session is null)
        {
            return new StaffSessionLookup(null, false);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (now - session.LastSeenAt > TimeSpan.FromMinutes(settings.Value.SessionIdleTimeoutMinutes)
            || now - session.CreatedAt > TimeSpan.FromMinutes(settings.Value.SessionAbsoluteLifetimeMinutes))
        {
            session.EndedAt = now;
            context.Items[AuditTrail.SessionRefItem] = SecretTokens.SessionRef(session.TokenHash);
            audit.Add("staff:" + session.StaffId, "staff.session-timeout", session.StaffId);
            context.Response.Cookies.Delete(CookieName, CustomerSessions.CookieOptions());
            await db.SaveChangesAsync(context.RequestAborted);
            return new StaffSessionLookup(null, true);
        }

        if (now - session.LastSeenAt > TimeSpan.FromSeconds(15))
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(context.RequestAborted);
        }

        context.Items[AuditTrail.SessionRefItem] = SecretTokens.SessionRef(session.TokenHash);
        return new StaffSessionLookup(session, false);
    }

    public StaffSession Start(HttpContext context, string staffId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = SecretTokens.NewToken();
        var session = new StaffSession { TokenHash = SecretTokens.HashToken(token), StaffId = staffId, CreatedAt = now, LastSeenAt = now };
        db.StaffSessions.Add(session);
        context.Items[AuditTrail.SessionRefItem] = SecretTokens.SessionRef(session.TokenHash);
        context.Response.Cookies.Append(CookieName, token, CustomerSessions.CookieOptions());
        return session;
    }

    public void End(HttpContext context, StaffSession session)
    {
        session.EndedAt = time.GetUtcNow().UtcDateTime;
        context.Response.Cookies.Delete(CookieName, CustomerSessions.CookieOptions());
    }
}
