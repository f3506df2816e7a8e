namespace Shinkin.ReferenceServer.Pages.Public;

public sealed class GuideModel : PublicPageModel
{
    public void OnGet()
    {
    }
}
