using System.Net;
using Shinkin.ReferenceServer.Domain;
using Shinkin.ReferenceServer.Hosting;
using Shinkin.ReferenceServer.Security;

namespace Shinkin.ReferenceServer.BackOffice;

/// <summary>
/// Test-data API of the back office: JSON, loopback only, header X-BackOffice-Key. No antiforgery:
/// it takes no cookies, so a browser cannot be tricked into calling it.
/// </summary>
public static class BackOfficeApi
{
    public const string KeyHeader = "X-BackOffice-Key";

    public static void MapBackOfficeApi(this WebApplication app)
    {
        var api = app.MapGroup("/backoffice/api").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var secrets = http.RequestServices.GetRequiredService<ServerSecrets>();
            if (http.GetOrigin() != ServerOrigin.Public)
            {
                return Results.NotFound();
            }

            var remote = http.Connection.RemoteIpAddress;
            if (remote is not null && !IPAddress.IsLoopback(remote))
            {
                return Results.Problem("loopback only", statusCode: StatusCodes.Status403Forbidden);
            }

            var key = http.Request.Headers[KeyHeader].ToString();
            if (string.IsNullOrEmpty(key) || !SecretTokens.FixedTimeEquals(key, secrets.BackOfficeApiKey))
            {
                return Results.Problem($"missing or wrong {KeyHeader}", statusCode: StatusCodes.Status401Unauthorized);
            }

            try
            {
                return await next(context);
            }
            catch (OnboardingException e)
            {
                return Results.Problem(
                    e.Message,
                    statusCode: e.StatusCode,
                    extensions: e.Field is null ? null : new Dictionary<string, object?> { ["field"] = e.Field });
            }
        });

        api.MapPost("/companies", async (OnboardRequest request, CompanyOnboarding onboarding, CancellationToken ct) =>
            Results.Ok(await onboarding.OnboardAsync(request, "api", ct)));

        api.MapPost("/companies/{companyNumber}/users", async (string companyNumber, CreateUserRequest request, CompanyOnboarding onboarding, CancellationToken ct) =>
            Results.Ok(await onboarding.CreateUserAsync(companyNumber, request, "api", ct)));
    }
}
