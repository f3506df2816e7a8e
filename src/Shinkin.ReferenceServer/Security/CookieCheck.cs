using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Shinkin.ReferenceServer.Security;

/// <summary>
/// Login needs cookies (manual chapter 1, 「Cookie の設定」). Every GET hands out a small, persistent,
/// non-secret probe cookie; a form POST that fails antiforgery and carries neither the probe nor any
/// other cookie of this server comes from a browser that blocks cookies, and gets a screen that says
/// so instead of a bare 400. A POST that does carry cookies but no token stays a plain 400.
/// </summary>
public static class CookieCheck
{
    public const string ProbeCookieName = "__Host-shinkin-cookie-check";

    /// <summary>Set on the request when the status page should explain the missing cookies.</summary>
    public const string CookiesMissingItem = "shinkin.cookies-missing";

    public const string Message = "Cookie（クッキー）が無効になっています。マニュアル「1 事前準備」の手順で Cookie を許可してください。";

    /// <summary>All cookies of this server share the prefix (the probe, antiforgery, customer and staff sessions).</summary>
    private const string OwnCookiePrefix = "__Host-shinkin-";

    public static bool CameBack(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.Keys.Any(name => name.StartsWith(OwnCookiePrefix, StringComparison.Ordinal));
    }

    public static bool IsMissing(HttpContext context) => context.Items.ContainsKey(CookiesMissingItem);

    /// <summary>
    /// Persistent so that a browser restart (which drops the session-only antiforgery cookie) is not
    /// mistaken for blocked cookies; 400 days is the longest lifetime Chromium keeps.
    /// </summary>
    public static CookieOptions ProbeOptions() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
        MaxAge = TimeSpan.FromDays(400),
    };
}

/// <summary>Hands out the probe cookie on page GETs that arrive without it.</summary>
public sealed class CookieProbeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method)
            && !request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
            && !request.Path.StartsWithSegments("/backoffice/api", StringComparison.Ordinal)
            && !request.Cookies.ContainsKey(CookieCheck.ProbeCookieName))
        {
            context.Response.Cookies.Append(CookieCheck.ProbeCookieName, "1", CookieCheck.ProbeOptions());
        }

        return next(context);
    }
}

/// <summary>
/// Marks antiforgery failures of cookieless requests; the 400 status page (re-executed by the
/// status-code pages middleware) then shows the cookie screen. The handler never ran, so nothing changed.
/// </summary>
public sealed class CookieRequiredFilter : IAsyncAlwaysRunResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Result is IAntiforgeryValidationFailedResult && !CookieCheck.CameBack(context.HttpContext.Request))
        {
            context.HttpContext.Items[CookieCheck.CookiesMissingItem] = true;
        }

        return next();
    }
}
