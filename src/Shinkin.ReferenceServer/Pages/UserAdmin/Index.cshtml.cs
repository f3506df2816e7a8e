namespace Shinkin.ReferenceServer.Pages.UserAdmin;

public sealed class UserAdminIndexModel : UserAdminPageModel
{
    protected override bool MasterOnly => false;

    public bool Denied { get; private set; }

    public void OnGet(string? denied) => Denied = denied == "1";
}
