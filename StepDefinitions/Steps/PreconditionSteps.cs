using Reqnroll;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>
/// Preconditions that bring a scenario to where its own procedure starts. What earlier procedures leave behind (a
/// certificate obtained, a password changed, a user registered) is set through the test-data API, not replayed; the
/// scenarios of those procedures walk them step by step. Logging in stays in the browser, since the session is the
/// browser's. A target without the API gets masters from its account pool (fresh or ready) and walks the procedures in
/// between, without a step each.
/// </summary>
[Binding]
public sealed class PreconditionSteps
{
    private readonly UserJourneys journeys;
    private readonly CompanyContext company;

    public PreconditionSteps(UserJourneys journeys, CompanyContext company)
    {
        this.journeys = journeys;
        this.company = company;
    }

    [Given("「ログイン」画面を表示している")]
    public Task GivenTheLoginScreenIsShown() => journeys.OpenLoginPageAsync();

    [Given("^(マスターユーザ|一般ユーザ)がログイン画面から［電子証明書取得］ボタンをクリックしている$")]
    public async Task GivenTheAcquisitionIsOpen(string who)
    {
        company.ActAs(who == "マスターユーザ" ? await journeys.RegisterCompanyAsync(ready: false) : company.RequiredGeneralUser);
        await journeys.OpenAcquisitionAsync();
    }

    [Given("マスターユーザが電子証明書を取得し、「ログイン」画面を表示している")]
    public async Task GivenTheMasterHoldsACertificate() => await MasterHoldingACertificateAsync();

    [Given("マスターユーザが初めてログインし、「ログインパスワード変更」画面を表示している")]
    public async Task GivenTheMasterLoggedInForTheFirstTime()
    {
        var master = await MasterHoldingACertificateAsync();
        await journeys.LoginExpectingPasswordChangeAsync(master);
    }

    [Given("マスターユーザがログインパスワードを変更し、「サービス一覧」画面を表示している")]
    public async Task GivenTheMasterChangedTheLoginPassword()
    {
        if (await journeys.MasterFromTestDataAsync(MasterStage.PasswordChanged) is { } master)
        {
            await journeys.LoginToServiceListAsync(master);
            return;
        }

        var fresh = await MasterHoldingACertificateAsync();
        await journeys.LoginChangingInitialPasswordAsync(fresh, TestData.MasterNewLoginPassword);
    }

    [Given("^(マスターユーザ|一般ユーザ)がログインし、しんきん電子記録債権サービスの「トップ」画面を表示している$")]
    public async Task GivenTheUserIsOnTheTopScreen(string who)
    {
        if (who == "マスターユーザ")
        {
            await journeys.RegisterCompanyAsync(ready: true);
            await MasterOnTopAsync();
            return;
        }

        var user = await journeys.CreateGeneralUserAsync("clerk", "pfx", progress: GeneralUserProgress.PasswordChanged);
        await journeys.LoginToServiceListAsync(user);
        await journeys.EnterServiceAsync(user, TestData.GeneralApprovalPassword);
    }

    [Given("マスターユーザが承認パスワードを設定し、「トップ」画面を表示している")]
    public async Task GivenTheMasterSetTheApprovalPassword()
    {
        if (await journeys.MasterFromTestDataAsync(MasterStage.ApprovalSet) is { } master)
        {
            await journeys.LoginToServiceListAsync(master);
        }
        else
        {
            master = await MasterHoldingACertificateAsync();
            await journeys.LoginChangingInitialPasswordAsync(master, TestData.MasterNewLoginPassword);
        }

        await journeys.EnterServiceAsync(master, TestData.MasterApprovalPassword);
    }

    [Given("マスターユーザが一般ユーザを作成しユーザ更新を済ませ、「トップ」画面を表示している")]
    public async Task GivenTheMasterCreatedAGeneralUser()
    {
        await journeys.RegisterCompanyAsync(ready: true);
        await journeys.CreateGeneralUserAsync("none", "none", "電債　太郎");
        await MasterOnTopAsync();
    }

    [Given("マスターユーザが一般ユーザを作成し、ユーザ更新と取引権限の設定を済ませ、「トップ」画面を表示している")]
    public async Task GivenTheMasterCreatedAUserWithRights()
    {
        await journeys.RegisterCompanyAsync(ready: true);
        await journeys.CreateGeneralUserAsync("all", "none", "電債　太郎");
        await MasterOnTopAsync();
    }

    [Given("マスターユーザが一般ユーザ 2 人を作成しユーザ更新を済ませ、「トップ」画面を表示している")]
    public async Task GivenTheMasterCreatedTwoGeneralUsers()
    {
        await journeys.RegisterCompanyAsync(ready: true);
        await journeys.CreateGeneralUserAsync("none", "none", "電債　太郎", loginIdLead: 'a');
        await journeys.CreateGeneralUserAsync("none", "none", "手形　花子", loginIdLead: 'b');
        await MasterOnTopAsync();
    }

    [Given("マスターユーザが［新規登録］ボタンをクリックし、「ユーザ新規登録」画面を表示している")]
    public async Task GivenTheRegistrationFormIsOpen()
    {
        await journeys.RegisterCompanyAsync(ready: true);
        await MasterOnTopAsync();
        await journeys.OpenRegistrationAsync();
    }

    [Given("マスターユーザが一般ユーザを新規登録したが、ユーザ更新はまだ行っていない")]
    public async Task GivenAGeneralUserWaitsForTheUpdate()
    {
        await journeys.RegisterCompanyAsync(ready: true);
        if (!await journeys.HasTestDataApiAsync())
        {
            await MasterOnTopAsync();
            await journeys.RegisterGeneralUserAsync(TestData.NewGeneralUser());
            return;
        }

        var input = TestData.NewGeneralUser();
        await journeys.CreateGeneralUserAsync("none", "none", input.UserName, progress: GeneralUserProgress.AwaitingUpdate);
        await MasterOnTopAsync();
    }

    [Given("一般ユーザが電子証明書を取得し、「ログイン」画面を表示している")]
    public async Task GivenTheGeneralUserHoldsACertificate()
    {
        var user = await journeys.CreateGeneralUserAsync("all", "pfx");
        await journeys.OpenLoginPageHoldingCertificateAsync(user);
    }

    [Given("一般ユーザが初めてログインし、「ログインパスワード変更」画面を表示している")]
    public async Task GivenTheGeneralUserLoggedInForTheFirstTime()
    {
        var user = await journeys.CreateGeneralUserAsync("all", "pfx");
        await journeys.LoginExpectingPasswordChangeAsync(user);
    }

    [Given("^取引権限が「(担当者と承認者|担当者のみ|承認者のみ|なし)」の一般ユーザがログインパスワードを変更し、「サービス一覧」画面を表示している$")]
    public async Task GivenTheGeneralUserChangedTheLoginPassword(string rights)
    {
        var user = await journeys.CreateGeneralUserAsync(RightsChoice.Parse(rights).BackOfficeCode, "pfx", progress: GeneralUserProgress.PasswordChanged);
        await journeys.LoginToServiceListAsync(user);
    }

    /// <summary>2-1 done: from the test-data API, or (without it) a fresh pool master walking 電子証明書取得; ends on the login screen.</summary>
    private async Task<UserAccount> MasterHoldingACertificateAsync()
    {
        if (await journeys.MasterFromTestDataAsync(MasterStage.Certificate) is { } master)
        {
            await journeys.OpenLoginPageHoldingCertificateAsync(master);
            return master;
        }

        var fresh = await journeys.RegisterCompanyAsync(ready: false);
        await journeys.AcquireCertificateAsync(fresh);
        return fresh;
    }

    private async Task MasterOnTopAsync()
    {
        var master = company.ActAs(company.RequiredMaster);
        await journeys.LoginToServiceListAsync(master);
        await journeys.EnterServiceAsync(master, TestData.MasterApprovalPassword);
    }
}
