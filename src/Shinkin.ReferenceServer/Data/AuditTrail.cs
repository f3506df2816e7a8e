namespace Shinkin.ReferenceServer.Data;

/// <summary>
/// Adds an audit row to the same unit of work as the change it describes, so both commit or neither does.
/// </summary>
public sealed class AuditTrail(ShinkinDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    public const string SessionRefItem = "shinkin.session-ref";

    /// <summary>Longest text kept from what a client typed (e.g. an unknown staff ID); the rest is cut off.</summary>
    public const int MaxTypedLength = 64;

    /// <summary>Client-typed text for the audit table: at most <see cref="MaxTypedLength"/> characters, never a split surrogate pair.</summary>
    public static string? Truncate(string? typed)
    {
        if (typed is null || typed.Length <= MaxTypedLength)
        {
            return typed;
        }

        var cut = char.IsHighSurrogate(typed[MaxTypedLength - 1]) ? MaxTypedLength - 1 : MaxTypedLength;
        return typed[..cut];
    }

    public void Add(string actor, string action, string? target = null, string? detail = null)
    {
        var context = http.HttpContext;
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            Target = target,
            Detail = detail,
            SessionRef = context?.Items[SessionRefItem] as string,
            RemoteAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}
