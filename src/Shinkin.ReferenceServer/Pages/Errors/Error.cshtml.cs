using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shinkin.ReferenceServer.Pages.Errors;

[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
