namespace Shinkin.ReferenceServer.Pages.Public;

public sealed class LoginModel : PublicPageModel
{
    public string CertificateLoginUrl { get; private set; } = "";

    public void OnGet()
    {
        CertificateLoginUrl = CertificateOriginUrl("/certificate-login");
    }
}
