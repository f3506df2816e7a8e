namespace Shinkin.ReferenceServer.Pages.Session;

public sealed class LoggedOutModel : CertificateOriginPageModel
{
    public void OnGet()
    {
    }
}
