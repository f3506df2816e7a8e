namespace Shinkin.ReferenceServer.Pages.Densai.Users;

public sealed class RegistrationDoneModel : DensaiPageModel
{
    protected override bool MasterOnly => true;

    public string Kind { get; private set; } = "register";

    public string? LoginId { get; private set; }

    public void OnGet(string? kind, string? loginId)
    {
        Kind = kind is "unlock" or "delete" ? kind : "register";
        LoginId = loginId;
    }
}
