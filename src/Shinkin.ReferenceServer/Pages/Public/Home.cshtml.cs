using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Shinkin.ReferenceServer.Hosting;

namespace Shinkin.ReferenceServer.Pages.Public;

public sealed class HomeModel : PublicPageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The certificate origin's root leads to 電子証明書ログイン.
        if (HttpContext.GetOrigin() == ServerOrigin.Certificate)
        {
            context.Result = Redirect("/certificate-login");
            return;
        }

        await base.OnPageHandlerExecutionAsync(context, next);
    }

    public void OnGet()
    {
    }
}
