using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.Densai.Users;

/// <summary>登録・解除: ユーザ検索, [新規登録], [解除] and [ロック解除] per user.</summary>
public sealed class RegistrationSearchModel : DensaiPageModel
{
    protected override bool MasterOnly => true;

    public string? LoginId { get; private set; }

    public string? UserName { get; private set; }

    public IReadOnlyList<CustomerUser>? Results { get; private set; }

    public async Task OnGetAsync(string? search, string? loginId, string? userName)
    {
        LoginId = loginId;
        UserName = userName;
        if (search == "1")
        {
            Results = await UserDirectory.SearchAsync(Db, CurrentUser.CompanyId, loginId, userName, HttpContext.RequestAborted);
        }
    }
}
