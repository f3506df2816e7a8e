using Reqnroll;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>
/// Preconditions that walk earlier procedures in the browser (without a step each) so a scenario
/// starts where its own procedure starts. The scenarios of those procedures show every step.
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
    public async Task GivenTheMasterHoldsACertificate()
    {
        var master = await journeys.RegisterCompanyAsync(ready: false);
        await journeys.AcquireCertificateAsync(master);
    }

    [Given("マスターユーザが初めてログインし、「ログインパスワード変更」画面を表示している")]
    public async Task GivenTheMasterLoggedInForTheFirstTime()
    {
        var master = await journeys.RegisterCompanyAsync(ready: false);
        await journeys.AcquireCertificateAsync(master);
        await journeys.LoginExpectingPasswordChangeAsync(master);
    }

    [Given("マスターユーザがログインパスワードを変更し、「サービス一覧」画面を表示している")]
    public async Task GivenTheMasterChangedTheLoginPassword()
    {
        var master = await journeys.RegisterCompanyAsync(ready: false);
        await journeys.AcquireCertificateAsync(master);
        await journeys.LoginChangingInitialPasswordAsync(master, TestData.MasterNewLoginPassword);
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

        var user = await journeys.CreateGeneralUserAsync("clerk", "pfx");
        await journeys.LoginChangingInitialPasswordAsync(user, TestData.GeneralNewLoginPassword);
        await journeys.EnterServiceAsync(user, TestData.GeneralApprovalPassword);
    }

    [Given("マスターユーザが承認パスワードを設定し、「トップ」画面を表示している")]
    public async Task GivenTheMasterSetTheApprovalPassword()
    {
        var master = await journeys.RegisterCompanyAsync(ready: false);
        await journeys.AcquireCertificateAsync(master);
        await journeys.LoginChangingInitialPasswordAsync(master, TestData.MasterNewLoginPassword);
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
        await MasterOnTopAsync();
        await journeys.RegisterGeneralUserAsync(TestData.NewGeneralUser());
    }

    [Given("一般ユーザが電子証明書を取得し、「ログイン」画面を表示している")]
    public async Task GivenTheGeneralUserHoldsACertificate()
    {
        await journeys.CreateGeneralUserAsync("all", "pfx");
        await journeys.OpenLoginPageAsync();
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
        var user = await journeys.CreateGeneralUserAsync(RightsChoice.Parse(rights).BackOfficeCode, "pfx");
        await journeys.LoginChangingInitialPasswordAsync(user, TestData.GeneralNewLoginPassword);
    }

    private async Task MasterOnTopAsync()
    {
        var master = company.ActAs(company.RequiredMaster);
        await journeys.LoginToServiceListAsync(master);
        await journeys.EnterServiceAsync(master, TestData.MasterApprovalPassword);
    }
}
