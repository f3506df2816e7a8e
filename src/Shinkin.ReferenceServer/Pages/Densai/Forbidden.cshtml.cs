namespace Shinkin.ReferenceServer.Pages.Densai;

public sealed class ForbiddenModel : DensaiPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
