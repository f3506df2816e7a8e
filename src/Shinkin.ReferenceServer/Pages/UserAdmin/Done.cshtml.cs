namespace Shinkin.ReferenceServer.Pages.UserAdmin;

public sealed class CertificateDoneModel : UserAdminPageModel
{
    public string Operation { get; private set; } = "issue";

    public string? LoginId { get; private set; }

    public void OnGet(string? operation, string? loginId)
    {
        Operation = operation == "revoke" ? "revoke" : "issue";
        LoginId = loginId;
    }
}
