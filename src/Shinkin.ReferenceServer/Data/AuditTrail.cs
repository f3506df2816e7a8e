namespace Shinkin.ReferenceServer.Data;

/// <summary>
/// Adds an audit row to the same unit of work as the change it describes, so both commit or neither does.
/// </summary>
public sealed class AuditTrail(ShinkinDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    public const string SessionRefItem = "shinkin.session-ref";

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
