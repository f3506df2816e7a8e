using Reqnroll;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>
/// What the bank (当金庫) and the master did before the scenario's first step, through the back
/// office's test-data API: the company, its master user and ready-made general users.
/// </summary>
[Binding]
public sealed class OnboardingSteps
{
    private readonly UserJourneys journeys;

    public OnboardingSteps(UserJourneys journeys)
    {
        this.journeys = journeys;
    }

    [Given("当金庫が契約先企業とマスターユーザを登録し通知書面を発行している")]
    public Task GivenTheBankRegisteredTheCompany() => journeys.RegisterCompanyAsync(ready: false);

    [Given("マスターユーザが一般ユーザを作成し、ユーザ更新・取引権限の設定・電子証明書の発行を済ませている")]
    public Task GivenAGeneralUserWithIssuedCertificate() => journeys.CreateGeneralUserAsync("all", "issued");

    [Given("マスターユーザが一般ユーザを作成しユーザ更新を済ませたが、電子証明書はまだ発行していない")]
    public Task GivenAGeneralUserWithoutCertificate() => journeys.CreateGeneralUserAsync("all", "none");
}
