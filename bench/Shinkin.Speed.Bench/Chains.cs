using Shinkin.ReferenceServer;

namespace Shinkin.Speed.Bench;

/// <summary>
/// The two chains the harness's end-to-end scenarios walk, written straight against the test ids: the master through
/// manual 2-1 to 2-5 (and logging in again), and a general user the master creates through 3-1 to 4-4. Like the
/// harness, the chains start from the back office's test data and walk every screen after it.
/// </summary>
internal static class Chains
{
    private const string MasterPassword = "Master2468a";
    private const string MasterApproval = "Shonin2468m";
    private const string GeneralInitial = "Syokai2468";
    private const string GeneralPassword = "Ippan2468a";
    private const string GeneralInitialApproval = "Shokai2468g";
    private const string GeneralApproval = "Shonin2468g";

    public static async Task MasterAsync(IChainDriver d, RunningReferenceServer server)
    {
        var notice = await server.OnboardCompanyAsync(new OnboardRequest { CompanyName = "参照商事株式会社" });
        await d.OpenAsync(server.PublicUrl);
        await d.ClickAsync("home-densai-service");
        await d.ClickAsync("service-guide");
        await d.ClickAsync("guide-login");
        await AcquireCertificateAsync(d, notice.MasterLoginId, notice.InitialPassword);
        await LoginAsync(d, notice.InitialPassword);
        await ChangePasswordAsync(d, notice.InitialPassword, MasterPassword);

        await d.ClickOpeningWindowAsync("services-densai-1");
        await d.FillAsync("approval-new", MasterApproval);
        await d.FillAsync("approval-confirm", MasterApproval);
        await d.ClickAsync("approval-submit");
        await d.ClickAsync("approval-top");

        await OpenUserManagementAsync(d, "users-menu-permissions");
        await d.ClickAsync("perm-search");
        await d.ClickAsync("perm-edit-" + notice.MasterLoginId);
        await d.CheckAllInAsync("perm-form");
        await d.ClickAsync("perm-to-confirm");
        await d.FillAsync("perm-approval-password", MasterApproval);
        await d.ClickAsync("perm-execute");
        await d.ClickAsync("perm-done-top");

        // 5-1 both logouts, then log in again: the business tabs are there now.
        await d.ClickAsync("densai-logout");
        await d.ClickAsync("densai-logout-ok");
        await d.ClickClosingWindowAsync("densai-logged-out-close");
        await d.ClickAsync("services-logout");
        await d.OpenAsync(new Uri(server.PublicUrl, "/login"));
        await LoginAsync(d, MasterPassword);
        await d.ClickOpeningWindowAsync("services-densai-1");
        await ExpectBusinessTabsAsync(d);
    }

    public static async Task GeneralAsync(IChainDriver d, RunningReferenceServer server)
    {
        var notice = await server.OnboardCompanyAsync(new OnboardRequest
        {
            CompanyName = "参照商事株式会社",
            MasterState = "ready",
            MasterLoginPassword = MasterPassword,
            MasterApprovalPassword = MasterApproval,
        });
        await d.UseCertificateAsync(Convert.FromBase64String(notice.MasterCertificatePfxBase64!), notice.MasterCertificatePassword!);
        await d.OpenAsync(new Uri(server.PublicUrl, "/login"));
        await LoginAsync(d, MasterPassword);
        await d.ClickOpeningWindowAsync("services-densai-1");

        var body = "g" + Guid.NewGuid().ToString("N")[..9];
        var loginId = "d-" + body;
        await OpenUserManagementAsync(d, "users-menu-registration");
        await d.ClickAsync("reg-new");
        await d.FillAsync("reg-login-id", body);
        await d.FillAsync("reg-user-name", "電債　太郎");
        await d.FillAsync("reg-email", "taro@example.com");
        await d.FillAsync("reg-email-confirm", "taro@example.com");
        await d.FillAsync("reg-password", GeneralInitial);
        await d.FillAsync("reg-password-confirm", GeneralInitial);
        await d.ClickAsync("reg-to-confirm");
        await d.FillAsync("reg-approval-password", MasterApproval);
        await d.ClickAsync("reg-execute");
        await d.ClickAsync("reg-done-top");

        await OpenUserManagementAsync(d, "users-menu-update");
        await d.ClickAsync("update-to-confirm");
        await d.FillAsync("update-approval-password", MasterApproval);
        await d.ClickAsync("update-execute");
        await d.ClickAsync("update-done-top");

        await OpenUserManagementAsync(d, "users-menu-permissions");
        await d.ClickAsync("perm-search");
        await d.ClickAsync("perm-edit-" + loginId);
        await d.CheckAllInAsync("perm-form");
        await d.ClickAsync("perm-to-confirm");
        await d.FillAsync("perm-initial-approval", GeneralInitialApproval);
        await d.FillAsync("perm-initial-approval-confirm", GeneralInitialApproval);
        await d.ClickAsync("perm-initial-to-confirm");
        await d.FillAsync("perm-approval-password", MasterApproval);
        await d.ClickAsync("perm-execute");
        await d.ClickAsync("perm-done-top");

        await OpenUserManagementAsync(d, "users-menu-certificates");
        await d.ClickAsync("users-certificates-ok");
        await d.ClickAsync("services-user-admin");
        await d.ClickAsync("useradmin-tab-certificates");
        await d.ClickAsync("useradmin-certificate-management");
        await d.CheckAsync("certmgmt-select-" + loginId);
        await d.ClickAsync("certmgmt-next");
        await d.ClickAsync("certmgmt-change");
        await d.ClickAsync("certmgmt-commit");
        await d.ClickAsync("certmgmt-done-back");

        // The master closes that window and logs out; the general user takes over the browser.
        await d.CloseWindowAsync();
        await d.ClickAsync("services-logout");
        await d.OpenAsync(server.PublicUrl);
        await d.ClickAsync("home-densai-service");
        await d.ClickAsync("service-guide");
        await d.ClickAsync("guide-login");
        await AcquireCertificateAsync(d, loginId, GeneralInitial);
        await LoginAsync(d, GeneralInitial);
        await ChangePasswordAsync(d, GeneralInitial, GeneralPassword);
        await d.ClickOpeningWindowAsync("services-densai-1");
        await d.FillAsync("approval-current", GeneralInitialApproval);
        await d.FillAsync("approval-new", GeneralApproval);
        await d.FillAsync("approval-confirm", GeneralApproval);
        await d.ClickAsync("approval-submit");
        await d.ClickAsync("approval-top");
        await ExpectBusinessTabsAsync(d);
    }

    /// <summary>電子証明書取得 from the login screen, in the window it opens; ends on the login screen with the certificate in use.</summary>
    private static async Task AcquireCertificateAsync(IChainDriver d, string loginId, string password)
    {
        await d.ClickOpeningWindowAsync("login-certificate-acquire");
        await d.FillAsync("acquire-login-id", loginId);
        await d.FillAsync("acquire-password", password);
        await d.ClickAsync("acquire-submit");
        await d.ClickAsync("acquire-confirm-submit");
        var pfxPassword = await d.TextAsync("acquire-pfx-password");
        var pfx = await d.DownloadAsync("acquire-web-access-yes");
        await d.ClickClosingWindowAsync("acquire-close");
        await d.UseCertificateAsync(pfx, pfxPassword);
    }

    private static async Task LoginAsync(IChainDriver d, string password)
    {
        await d.ClickAsync("login-certificate-login");
        await d.FillAsync("cert-login-password", password);
        await d.ClickAsync("cert-login-submit");
    }

    private static async Task ChangePasswordAsync(IChainDriver d, string current, string next)
    {
        await d.FillAsync("pwchange-current", current);
        await d.FillAsync("pwchange-new", next);
        await d.FillAsync("pwchange-confirm", next);
        await d.ClickAsync("pwchange-submit");
        await d.ExpectAsync("services-densai-1");
    }

    private static async Task OpenUserManagementAsync(IChainDriver d, string menu)
    {
        await d.ClickAsync("tab-admin");
        await d.ClickAsync("admin-user-management");
        await d.ClickAsync(menu);
    }

    /// <summary>Tabs beyond トップ and 管理業務 are the business tabs the rights open.</summary>
    private static async Task ExpectBusinessTabsAsync(IChainDriver d)
    {
        await d.ExpectAsync("tab-top");
        if (await d.CountAsync("tab-") <= 2)
        {
            throw new InvalidOperationException("the business tabs are missing after the rights were set");
        }
    }
}
