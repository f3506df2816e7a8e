namespace Shinkin.ReferenceServer.Pages.Densai;

/// <summary>管理業務 tab.</summary>
public sealed class AdminModel : DensaiPageModel
{
    public void OnGet()
    {
    }
}
