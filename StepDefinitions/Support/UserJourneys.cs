using Shinkin.PageObjects.Pages;
using Shinkin.ReferenceServer;
using Shinkin.Settings;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// Brings a scenario to where its procedure starts: the back office's test data, and the earlier
/// procedures walked through the page objects without a step each (the scenarios that encode those
/// procedures show every step). Each method leaves <see cref="Navigation"/> on the screen it reached.
/// </summary>
public sealed class UserJourneys
{
    private readonly RunEnvironment run;
    private readonly ScenarioBrowser browser;
    private readonly Navigation navigation;
    private readonly CompanyContext company;
    private readonly BrowserCertificates certificates;
    private readonly TargetAccounts accounts;
    private readonly EngineGaps gaps;

    public UserJourneys(RunEnvironment run, ScenarioBrowser browser, Navigation navigation, CompanyContext company, BrowserCertificates certificates, TargetAccounts accounts, EngineGaps gaps)
    {
        this.accounts = accounts;
        this.gaps = gaps;
        this.run = run;
        this.browser = browser;
        this.navigation = navigation;
        this.company = company;
        this.certificates = certificates;
    }

    /// <summary>The bank registers the company; "ready": the master's initial setup is done and its certificate is in the browser.</summary>
    public async Task<UserAccount> RegisterCompanyAsync(bool ready, CancellationToken cancellationToken = default)
    {
        if (company.Master is { } existing)
        {
            return existing;
        }

        if (!await HasTestDataApiAsync(cancellationToken))
        {
            return company.ActAs(accounts.LeaseMaster(ready, company));
        }

        return await OnboardAsync(ready ? MasterStage.Ready : MasterStage.Initial, cancellationToken);
    }

    /// <summary>Whether the target offers the test-data API (the embedded server always does).</summary>
    public async Task<bool> HasTestDataApiAsync(CancellationToken cancellationToken = default) =>
        (await run.SystemAsync(cancellationToken)).BackOfficeKey is not null;

    /// <summary>
    /// The master as the chapter-2 procedures up to <paramref name="stage"/> leave it, set by the test-data API rather than
    /// walked (its certificate in the browser's store, nobody logged in); null on a target without the API, whose pool
    /// has only fresh and ready masters, so the caller walks the procedures in between.
    /// </summary>
    public async Task<UserAccount?> MasterFromTestDataAsync(MasterStage stage, CancellationToken cancellationToken = default)
    {
        if (company.Master is { } existing)
        {
            return existing;
        }

        return await HasTestDataApiAsync(cancellationToken) ? await OnboardAsync(stage, cancellationToken) : null;
    }

    private async Task<UserAccount> OnboardAsync(MasterStage stage, CancellationToken cancellationToken)
    {
        var passwordChanged = stage >= MasterStage.PasswordChanged;
        var approvalSet = stage >= MasterStage.ApprovalSet;
        var request = new OnboardRequest
        {
            CompanyName = "参照商事株式会社",
            MasterState = stage.StateName(),
            MasterLoginPassword = passwordChanged ? TestData.MasterNewLoginPassword : null,
            MasterApprovalPassword = approvalSet ? TestData.MasterApprovalPassword : null,
        };
        var notice = await BackOfficeAsync((backOffice, ct) => backOffice.OnboardCompanyAsync(request, ct), cancellationToken);
        var master = company.RegisterMaster(
            notice,
            passwordChanged ? TestData.MasterNewLoginPassword : null,
            approvalSet ? TestData.MasterApprovalPassword : null);
        if (notice.MasterCertificatePfxBase64 is { } pfx)
        {
            master.Certificate = await certificates.SaveAsync(master.LoginId, pfx, notice.MasterCertificatePassword ?? "", cancellationToken);
        }

        company.ActAs(master);
        return master;
    }

    /// <summary>
    /// A general user as the master leaves it after 一般ユーザの作成 (registered, ユーザ更新 done, rights
    /// granted): rights "none", "clerk", "approver" or "all"; certificate "none", "issued" or "pfx" (already obtained).
    /// <paramref name="progress"/> says how far the user itself got (chapter 4), or that ユーザ更新 is still to do.
    /// </summary>
    public async Task<UserAccount> CreateGeneralUserAsync(
        string rights,
        string certificate,
        string? userName = null,
        char loginIdLead = 'g',
        GeneralUserProgress progress = GeneralUserProgress.Created,
        CancellationToken cancellationToken = default)
    {
        await RegisterCompanyAsync(ready: false, cancellationToken);
        var withApprover = rights is "approver" or "all";
        var notice = company.RequiredNotice;
        CreatedUser? created = null;
        for (var attempt = 0; created is null; attempt++)
        {
            var request = new CreateUserRequest
            {
                LoginId = TestData.NewLoginIdBody(loginIdLead),
                UserName = userName,
                InitialPassword = TestData.GeneralInitialPassword,
                Rights = rights,
                InitialApprovalPassword = withApprover ? TestData.GeneralInitialApprovalPassword : null,
                Certificate = certificate,
                Registration = progress == GeneralUserProgress.AwaitingUpdate ? "registered" : "updated",
                LoginPassword = progress == GeneralUserProgress.PasswordChanged ? TestData.GeneralNewLoginPassword : null,
            };
            try
            {
                created = await BackOfficeAsync((backOffice, ct) => backOffice.CreateUserAsync(notice.CompanyNumber, request, ct), cancellationToken);
            }
            catch (InvalidOperationException) when (attempt < 2)
            {
                // A login ID drawn twice across the run; draw again.
            }
        }

        var user = company.AddGeneralUser(new UserAccount(created.LoginId, isMaster: false, created.InitialPassword)
        {
            UserName = userName,
            InitialApprovalPassword = created.InitialApprovalPassword,
            ApprovalPassword = created.InitialApprovalPassword,
        });
        if (progress == GeneralUserProgress.PasswordChanged)
        {
            user.LoginPassword = TestData.GeneralNewLoginPassword;
        }

        if (created.CertificatePfxBase64 is { } pfx)
        {
            user.Certificate = await certificates.SaveAsync(user.LoginId, pfx, created.CertificatePassword ?? "", cancellationToken);
        }

        company.ActAs(user);
        return user;
    }

    public async Task<LoginPage> OpenLoginPageAsync(CancellationToken cancellationToken = default)
    {
        var system = await run.SystemAsync(cancellationToken);
        return navigation.Show(await LoginPage.OpenAsync(await browser.SessionAsync(cancellationToken), system.PublicUrl, cancellationToken));
    }

    /// <summary>The login screen in a browser that holds <paramref name="user"/>'s certificate already (電子証明書取得 done before).</summary>
    public async Task<LoginPage> OpenLoginPageHoldingCertificateAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        await certificates.PresentAsync(user, cancellationToken);
        return await OpenLoginPageAsync(cancellationToken);
    }

    /// <summary>The login screen's [電子証明書取得] (step 4); ends on the acquisition's first screen.</summary>
    public async Task<CertificateAcquirePage> OpenAcquisitionAsync(CancellationToken cancellationToken = default)
    {
        var login = await OpenLoginPageAsync(cancellationToken);
        return navigation.Show(await login.ClickCertificateAcquireAsync(cancellationToken));
    }

    /// <summary>電子証明書取得 (2-1 / 4-1 steps 4–8) from the login screen; ends on the login screen.</summary>
    public async Task<LoginPage> AcquireCertificateAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        var login = await OpenLoginPageAsync(cancellationToken);
        var input = await login.ClickCertificateAcquireAsync(cancellationToken);
        await input.EnterCredentialsAsync(user.LoginId, user.LoginPassword, cancellationToken);
        var confirm = await ExpectAsync<CertificateAcquireConfirmPage>(await input.ClickAcquireAsync(cancellationToken), "電子証明書取得");
        var complete = await confirm.ClickAcquireAsync(cancellationToken);
        user.Certificate = await complete.ClickYesAsync(cancellationToken);
        return navigation.Show(await complete.ClickCloseWindowAsync(cancellationToken));
    }

    /// <summary>電子証明書ログイン with the user's certificate and current login password; returns the screen after [ログイン].</summary>
    public async Task<Page> LoginAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        await certificates.PresentAsync(user, cancellationToken);
        var login = navigation.CurrentOrNull as LoginPage ?? await OpenLoginPageAsync(cancellationToken);
        var passwordScreen = await ExpectAsync<CertificateLoginPage>(await login.ClickCertificateLoginAsync(cancellationToken), "電子証明書ログイン");
        return navigation.Show(await passwordScreen.LoginAsync(user.LoginPassword, cancellationToken));
    }

    /// <summary>The first login (2-2 / 4-2); ends on ログインパスワード変更.</summary>
    public async Task<PasswordChangePage> LoginExpectingPasswordChangeAsync(UserAccount user, CancellationToken cancellationToken = default) =>
        await ExpectAsync<PasswordChangePage>(await LoginAsync(user, cancellationToken), "初回ログイン");

    /// <summary>First login and the forced login-password change (2-2 / 2-3, 4-2 / 4-3); ends on サービス一覧.</summary>
    public async Task<ServiceListPage> LoginChangingInitialPasswordAsync(UserAccount user, string newPassword, CancellationToken cancellationToken = default)
    {
        var change = await LoginExpectingPasswordChangeAsync(user, cancellationToken);
        await change.EnterAsync(user.LoginPassword, newPassword, newPassword, cancellationToken);
        var services = await ExpectAsync<ServiceListPage>(await change.ClickChangeAsync(cancellationToken), "ログインパスワード変更");
        user.LoginPassword = newPassword;
        return navigation.Show(services);
    }

    /// <summary>Logs in after the first login; ends on サービス一覧.</summary>
    public async Task<ServiceListPage> LoginToServiceListAsync(UserAccount user, CancellationToken cancellationToken = default) =>
        await ExpectAsync<ServiceListPage>(await LoginAsync(user, cancellationToken), "電子証明書ログイン");

    /// <summary>
    /// Opens the service from サービス一覧 and, when the approval-password screen comes first, sets the
    /// approval password as 2-4 / 4-4 do; ends on the top screen.
    /// </summary>
    public async Task<TopPage> EnterServiceAsync(UserAccount user, string newApprovalPassword, CancellationToken cancellationToken = default)
    {
        var services = navigation.At<ServiceListPage>();
        var landed = await services.OpenDensaiServiceAsync(1, cancellationToken);
        if (landed is ApprovalPasswordPage approval)
        {
            var current = await approval.AsksCurrentPasswordAsync(cancellationToken) ? user.ApprovalPassword : null;
            await approval.EnterAsync(current, newApprovalPassword, newApprovalPassword, cancellationToken);
            var complete = await ExpectAsync<ApprovalPasswordCompletePage>(await approval.ClickExecuteAsync(cancellationToken), "承認パスワード変更");
            user.ApprovalPassword = newApprovalPassword;
            landed = await complete.ClickTopAsync(cancellationToken);
        }

        return navigation.Show(await ExpectAsync<TopPage>(landed, "しんきん電子記録債権サービス"));
    }

    /// <summary>
    /// Both logouts of chapter 5 (service window, then サービス一覧) and back to the login screen in the
    /// remaining window, so the same user can log in again.
    /// </summary>
    public async Task<LoginPage> LogoutToLoginScreenAsync(CancellationToken cancellationToken = default)
    {
        if (navigation.Current is DensaiPage densai)
        {
            var confirmation = await densai.ClickLogoutAsync(cancellationToken);
            var loggedOut = await confirmation.ClickOkAsync(cancellationToken);
            navigation.Show(await loggedOut.ClickCloseAsync(cancellationToken));
        }

        await navigation.At<ServiceListPage>().ClickLogoutAsync(cancellationToken);
        return await OpenLoginPageAsync(cancellationToken);
    }

    /// <summary>From the top screen to ユーザ新規登録 (3-1 steps 1–4).</summary>
    public async Task<RegistrationNewPage> OpenRegistrationAsync(CancellationToken cancellationToken = default)
    {
        var admin = await navigation.At<DensaiPage>().ClickAdminTabAsync(cancellationToken);
        var menu = await admin.ClickUserManagementAsync(cancellationToken);
        var search = await menu.ClickRegistrationAsync(cancellationToken);
        return navigation.Show(await search.ClickNewAsync(cancellationToken));
    }

    /// <summary>The master registers a general user on the screens (3-1) without ユーザ更新; ends on the top screen.</summary>
    public async Task<UserAccount> RegisterGeneralUserAsync(NewUserInput input, CancellationToken cancellationToken = default)
    {
        var master = company.RequiredMaster;
        var form = await (await OpenRegistrationAsync(cancellationToken)).EnterAsync(input, cancellationToken);
        var confirm = await ExpectAsync<RegistrationConfirmPage>(await form.ClickConfirmAsync(cancellationToken), "ユーザ新規登録");
        var done = await ExpectAsync<RegistrationDonePage>(await confirm.ExecuteWithApprovalPasswordAsync(master.ApprovalPassword ?? "", cancellationToken), "ユーザ新規登録（確認）");
        navigation.Show(await done.ClickBackToTopAsync(cancellationToken));
        return company.AddGeneralUser(new UserAccount(TestData.LoginIdPrefix + input.LoginIdBody, isMaster: false, input.InitialPassword) { UserName = input.UserName });
    }

    /// <summary>Logs out (both logouts) and in again with the same certificate; ends on the top screen.</summary>
    public async Task<TopPage> LogInAgainAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        await LogoutToLoginScreenAsync(cancellationToken);
        await LoginToServiceListAsync(user, cancellationToken);
        return await EnterServiceAsync(user, user.ApprovalPassword ?? "", cancellationToken);
    }

    /// <summary>
    /// After 電子証明書管理 the master closes that window and logs out of サービス一覧; the next user
    /// takes over the browser (in the manual, on another PC).
    /// </summary>
    public async Task HandOverAsync(UserAccount next, CancellationToken cancellationToken = default)
    {
        var services = await navigation.At<CertificateManagePage>().CloseWindowAsync(cancellationToken);
        await services.ClickLogoutAsync(cancellationToken);
        company.ActAs(next);
    }

    private static async Task<TPage> ExpectAsync<TPage>(Page page, string action)
        where TPage : Page
    {
        if (page is TPage expected)
        {
            return expected;
        }

        var messages = page is IShowsMessages screen ? string.Join(" / ", await screen.MessagesAsync()) : "";
        throw new InvalidOperationException($"{action}: expected the {typeof(TPage).Name} screen, but the system shows {page.ScreenId}: {messages}");
    }

    private async Task<T> BackOfficeAsync<T>(Func<BackOfficeClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var system = await run.SystemAsync(cancellationToken);
        if (system.BackOfficeKey is null)
        {
            gaps.Declare(TargetAccounts.NoTestDataApi("一般ユーザや会社の試験データ"));
        }

        using var backOffice = new BackOfficeClient(system, run.BrowserOptions.TrustedCaPemPath);
        return await call(backOffice, cancellationToken);
    }
}

/// <summary>How far the master got through manual chapter 2; the test-data API's masterState names.</summary>
public enum MasterStage
{
    /// <summary>Fresh from the bank: the 通知書面 only.</summary>
    Initial,

    /// <summary>2-1 done: holds a certificate, the initial password still valid.</summary>
    Certificate,

    /// <summary>2-3 done: the login password is <see cref="TestData.MasterNewLoginPassword"/>.</summary>
    PasswordChanged,

    /// <summary>2-4 done: the approval password is <see cref="TestData.MasterApprovalPassword"/>; no rights yet.</summary>
    ApprovalSet,

    /// <summary>2-5 done: every right on every account.</summary>
    Ready,
}

/// <summary>How far a general user the test-data API creates has got.</summary>
public enum GeneralUserProgress
{
    /// <summary>Registered by the master on the screens (3-1); ユーザ更新 still to do.</summary>
    AwaitingUpdate,

    /// <summary>Through ユーザ更新 with the rights and certificate asked for; the first login still to do.</summary>
    Created,

    /// <summary>Also logged in once and changed the initial password to <see cref="TestData.GeneralNewLoginPassword"/> (4-2/4-3).</summary>
    PasswordChanged,
}

public static class MasterStages
{
    /// <summary>The test-data API's masterState for <paramref name="stage"/>.</summary>
    public static string StateName(this MasterStage stage) => stage switch
    {
        MasterStage.Initial => "initial",
        MasterStage.Certificate => "certificate",
        MasterStage.PasswordChanged => "password-changed",
        MasterStage.ApprovalSet => "approval-set",
        _ => "ready",
    };
}
