namespace Shinkin.ReferenceServer.Pages.Densai.Users;

/// <summary>ユーザ情報管理 menu: [変更] [登録・解除] [更新] [電子証明書管理] (master only).</summary>
public sealed class UsersMenuModel : DensaiPageModel
{
    protected override bool MasterOnly => true;

    public void OnGet()
    {
    }
}
