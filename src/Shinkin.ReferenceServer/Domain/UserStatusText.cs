using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Domain;

public static class UserStatusText
{
    public static string Of(UserStatus status) => status switch
    {
        UserStatus.Pending => "登録（ユーザ更新待ち）",
        UserStatus.Active => "利用可",
        UserStatus.DeletionPending => "解除（ユーザ更新待ち）",
        UserStatus.Deleted => "解除済",
        _ => status.ToString(),
    };
}
