using Microsoft.EntityFrameworkCore;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;

namespace Shinkin.ReferenceServer.Pages.UserAdmin;

/// <summary>電子証明書管理 (manual chapter 3, step 8): select a general user → [次へ].</summary>
public sealed class CertificateManageModel : UserAdminPageModel
{
    public sealed record Row(CustomerUser User, string State);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? error)
    {
        Error = error == "select" ? "ユーザを選択してください。" : null;
        var now = Time.GetUtcNow().UtcDateTime;
        var users = await Db.Users.Include(u => u.Certificates)
            .Where(u => u.CompanyId == CurrentUser.CompanyId && !u.IsMaster && u.Status != UserStatus.Deleted)
            .OrderBy(u => u.LoginId).ToListAsync(HttpContext.RequestAborted);
        Rows = users.Select(u => new Row(u, UserDirectory.CertificateState(u, u.Certificates, now))).ToList();
    }
}
