using Microsoft.AspNetCore.Mvc;
using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.Densai;

/// <summary>A business tab; reachable only when the session's rights grant it.</summary>
public sealed class TabModel : DensaiPageModel
{
    public BusinessTab Tab { get; private set; } = null!;

    public IReadOnlyList<Business> Businesses { get; private set; } = [];

    public IActionResult OnGet(string code)
    {
        var tab = PermissionCatalog.Tabs.FirstOrDefault(t => t.Code == code);
        if (tab is null)
        {
            return NotFound();
        }

        if (!Rights.GrantsTab(code))
        {
            return Redirect("/densai/forbidden");
        }

        Tab = tab;
        Businesses = PermissionCatalog.All.Where(b => b.Tab == code && Rights.Grants(b.Code)).ToList();
        return Page();
    }
}
