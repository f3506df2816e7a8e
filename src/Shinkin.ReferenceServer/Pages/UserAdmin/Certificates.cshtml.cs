namespace Shinkin.ReferenceServer.Pages.UserAdmin;

public sealed class CertificatesMenuModel : UserAdminPageModel
{
    public void OnGet()
    {
    }
}
