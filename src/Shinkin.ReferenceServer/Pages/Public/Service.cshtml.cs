namespace Shinkin.ReferenceServer.Pages.Public;

public sealed class ServiceModel : PublicPageModel
{
    public void OnGet()
    {
    }
}
