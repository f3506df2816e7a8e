namespace Shinkin.ReferenceServer.Pages.Session;

public sealed class SessionRequiredModel : CertificateOriginPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status401Unauthorized;
}
