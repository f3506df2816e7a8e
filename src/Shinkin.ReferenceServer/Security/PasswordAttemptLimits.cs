using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Shinkin.ReferenceServer.Configuration;

namespace Shinkin.ReferenceServer.Security;

/// <summary>
/// Marks a page whose form post checks a password before the user is fully logged in. Only the page's
/// default POST handler counts. <see cref="AccountField"/> names the form field that holds the account
/// (login ID, staff ID); without it the client certificate names the account.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PasswordAttemptAttribute(string? accountField = null) : Attribute
{
    public string? AccountField { get; } = accountField;
}

/// <summary>
/// Rate limits on the password posts of <see cref="PasswordAttemptAttribute"/> pages. PBKDF2 is slow on purpose,
/// so unthrottled those posts let one client keep the CPU busy; lockout does not help, since unknown IDs never lock.
/// Two fixed windows, chained: per client address and account, and per client address. A refused post
/// never reaches the page: 429 with Retry-After, shown as the status screen.
/// </summary>
public static class PasswordAttemptLimits
{
    private const int MaxAccountKeyLength = 64;

    public static IServiceCollection AddPasswordAttemptLimits(this IServiceCollection services, RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var window = TimeSpan.FromSeconds(settings.WindowSeconds);
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per account first: posts it refuses do not use up the client's allowance, which others behind the same address share.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(settings.PasswordAttemptsPerAccount, window, (context, attempt) => ClientKey(context) + " " + AccountKey(context, attempt)),
                Partitioned(settings.PasswordAttemptsPerClient, window, (context, _) => ClientKey(context)));
            limiter.OnRejected = (rejected, _) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PasswordAttemptLimits))
                    .LogWarning("Too many password attempts from {Client} on {Path}: refused with 429", ClientKey(context), context.Request.Path);

                // No body: the status-code pages show the Japanese status screen for 429.
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>Reads the form of a limited post (for the account), then applies the limits.</summary>
    public static IApplicationBuilder UsePasswordAttemptLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            // The limiter picks its partition synchronously, so a form holding the account is read (and buffered) first;
            // the page reads the same buffered form for antiforgery and binding.
            if (Attempt(context) is { AccountField: not null } && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    // A malformed form: still limited per client (empty account); the page refuses it.
                }
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static PartitionedRateLimiter<HttpContext> Partitioned(int permits, TimeSpan window, Func<HttpContext, PasswordAttemptAttribute, string> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => Attempt(context) is { } attempt
            ? RateLimitPartition.GetFixedWindowLimiter(key(context, attempt), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(string.Empty));

    private static PasswordAttemptAttribute? Attempt(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<PasswordAttemptAttribute>() is { } attempt
        && string.IsNullOrEmpty(context.GetRouteValue("handler") as string)
        && string.IsNullOrEmpty(context.Request.Query["handler"])
            ? attempt
            : null;

    /// <summary>The client's address; IPv6 by its /64, which one subscriber usually holds whole.</summary>
    private static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The account as the form names it (already read), or the presented certificate; bounded, so junk IDs stay small.</summary>
    private static string AccountKey(HttpContext context, PasswordAttemptAttribute attempt)
    {
        var account = attempt.AccountField is { } field
            ? context.Features.Get<IFormFeature>()?.Form?[field].ToString() ?? ""
            : context.Connection.ClientCertificate?.Thumbprint ?? "";
        account = account.Trim().ToUpperInvariant();
        return account.Length > MaxAccountKeyLength ? account[..MaxAccountKeyLength] : account;
    }
}
