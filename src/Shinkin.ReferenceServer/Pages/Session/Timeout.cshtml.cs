namespace Shinkin.ReferenceServer.Pages.Session;

public sealed class SessionTimeoutModel : CertificateOriginPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status401Unauthorized;
}
