using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>一般ユーザの電子証明書を発行する (manual 3-4): ユーザ情報管理 → サービス一覧 → ユーザ管理業務 → 電子証明書管理.</summary>
[Binding]
public sealed class CertificateManagementSteps
{
    private readonly Navigation navigation;
    private readonly CompanyContext company;
    private readonly UserJourneys journeys;

    public CertificateManagementSteps(Navigation navigation, CompanyContext company, UserJourneys journeys)
    {
        this.navigation = navigation;
        this.company = company;
        this.journeys = journeys;
    }

    [When("［電子証明書管理］ボタンをクリックする")]
    public async Task WhenCertificateManagementIsClicked() =>
        navigation.Show(await navigation.At<UserManagementMenuPage>().ClickCertificateManagementAsync());

    [When("「サービス一覧」画面が表示されたら、［ユーザ管理業務］ボタンをクリックする")]
    public async Task WhenUserAdminIsClicked() =>
        navigation.Show(await navigation.At<ServiceListPage>().ClickUserAdminAsync());

    [When("［電子証明書管理］タブをクリックする")]
    public async Task WhenTheCertificatesTabIsClicked() =>
        navigation.Show(await navigation.At<UserAdminPage>().ClickCertificatesTabAsync());

    [When("［電子証明書管理］をクリックする")]
    public async Task WhenCertificateManagementEntryIsClicked() =>
        navigation.Show(await navigation.At<CertificateMenuPage>().ClickCertificateManagementAsync());

    [When("電子証明書を発行する一般ユーザを選択し、［次へ］ボタンをクリックする")]
    public async Task WhenTheUserIsSelected() =>
        navigation.Show(await navigation.At<CertificateManagePage>().SelectAndClickNextAsync(company.RequiredGeneralUser.LoginId));

    [Then("^変更内容に「(.*)」と表示される$")]
    public async Task ThenTheOperationIsShown(string operation) =>
        Assert.That(await navigation.At<CertificateConfirmPage>().OperationAsync(), Is.EqualTo(operation));

    [When("変更内容を確認し、［確定］ボタンをクリックする")]
    public async Task WhenCommitted() =>
        navigation.Show(await navigation.At<CertificateConfirmPage>().ClickCommitAsync());

    [When("［電子証明書管理へ］ボタンをクリックする")]
    public async Task WhenBackToManagement() =>
        navigation.Show(await navigation.At<CertificateDonePage>().ClickBackToManagementAsync());

    [Then("^一般ユーザの電子証明書の状態が「(.*)」と表示される$")]
    public async Task ThenTheCertificateStateIs(string state) =>
        Assert.That(await navigation.At<CertificateManagePage>().CertificateStateAsync(company.RequiredGeneralUser.LoginId), Does.Contain(state));

    [When("マスターユーザが電子証明書管理の画面を閉じて「サービス一覧」画面からログアウトし、一般ユーザに交代する")]
    public Task WhenTheGeneralUserTakesOver() => journeys.HandOverAsync(company.RequiredGeneralUser);
}
