using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.Sessions;

public enum SessionState
{
    None,
    Active,
    TimedOut,
}

public sealed record SessionLookup(SessionState State, CustomerSession? Session);

/// <summary>
/// Server-side customer sessions: the cookie holds a random token, the database its hash. Cookies on
/// 127.0.0.1 are shared by both ports, so names carry the __Host- prefix and the customer and staff
/// cookies differ; each origin only honours its own.
/// </summary>
public sealed class CustomerSessions(ShinkinDbContext db, TimeProvider time, IOptions<SecuritySettings> settings, AuditTrail audit)
{
    public const string CookieName = "__Host-shinkin-session";

    public async Task<SessionLookup> FindAsync(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var token) || string.IsNullOrEmpty(token))
        {
            return new SessionLookup(SessionState.None, null);
        }

        var hash = SecretTokens.HashToken(token);
        var session = await db.CustomerSessions.Include(s => s.User).ThenInclude(u => u!.Company)
            .SingleOrDefaultAsync(s => s.TokenHash == hash, context.RequestAborted);
        if (session is null || session.EndedAt is not null)
        {
            return new SessionLookup(SessionState.None, null);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var expired = now - session.CreatedAt > TimeSpan.FromMinutes(settings.Value.SessionAbsoluteLifetimeMinutes);
        if (expired || now - session.LastSeenAt > TimeSpan.FromMinutes(settings.Value.SessionIdleTimeoutMinutes))
        {
            session.EndedAt = now;
            session.EndReason = expired ? "lifetime" : "timeout";
            context.Items[AuditTrail.SessionRefItem] = SecretTokens.SessionRef(session.TokenHash);
            audit.Add(session.User?.LoginId ?? "system", expired ? "session.lifetime-ended" : "session.timeout", session.User?.LoginId);
            await db.SaveChangesAsync(context.RequestAborted);
            return new SessionLookup(SessionState.TimedOut, null);
        }

        // Writing on every request would serialise all traffic on SQLite's single writer.
        if (now - session.LastSeenAt > TimeSpan.FromSeconds(15))
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(context.RequestAborted);
        }

        context.Items[AuditTrail.SessionRefItem] = SecretTokens.SessionRef(session.TokenHash);
        return new SessionLookup(SessionState.Active, session);
    }

    /// <summary>A fresh session (new token) at every login; any session the cookie pointed at ends.</summary>
    public async Task<CustomerSession> StartAsync(HttpContext context, CustomerUser user, string certificateThumbprint, bool passwordChangeRequired)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (context.Request.Cookies.TryGetValue(CookieName, out var oldToken) && !string.IsNullOrEmpty(oldToken))
        {
            var oldHash = SecretTokens.HashToken(oldToken);
            var old = await db.CustomerSessions.SingleOrDefaultAsync(s => s.TokenHash == oldHash && s.EndedAt == null, context.RequestAborted);
            if (old is not null)
            {
                old.EndedAt = now;
                old.EndReason = "replaced-by-login";
            }
        }

        var token = SecretTokens.NewToken();
        var session = new CustomerSession
        {
            TokenHash = SecretTokens.HashToken(token),
            UserId = user.Id,
            CertificateThumbprint = certificateThumbprint,
            CreatedAt = now,
            LastSeenAt = now,
            PasswordChangeRequired = passwordChangeRequired,
            PermissionsJson = user.PermissionsJson,
        };
        db.CustomerSessions.Add(session);
        context.Items[AuditTrail.SessionRefItem] = SecretTokens.SessionRef(session.TokenHash);
        context.Response.Cookies.Append(CookieName, token, CookieOptions());
        return session;
    }

    /// <summary>Ends every other open session of the user (after a password change: whoever else was in is out).</summary>
    public async Task<int> EndOthersAsync(CustomerSession current, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var now = time.GetUtcNow().UtcDateTime;
        var others = await db.CustomerSessions.Where(s => s.UserId == current.UserId && s.EndedAt == null && s.Id != current.Id).ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            other.EndedAt = now;
            other.EndReason = reason;
        }

        return others.Count;
    }

    public void End(HttpContext context, CustomerSession session, string reason)
    {
        session.EndedAt = time.GetUtcNow().UtcDateTime;
        session.EndReason = reason;
        context.Response.Cookies.Delete(CookieName, CookieOptions());
    }

    public static CookieOptions CookieOptions() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    };
}
