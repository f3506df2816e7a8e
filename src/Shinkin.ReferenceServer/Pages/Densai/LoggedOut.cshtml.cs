namespace Shinkin.ReferenceServer.Pages.Densai;

public sealed class DensaiLoggedOutModel : CertificateOriginPageModel
{
    public void OnGet()
    {
    }
}
