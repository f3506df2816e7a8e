using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>承認用パスワードを設定する (manual 2-4 / 4-4).</summary>
[Binding]
public sealed class ApprovalPasswordSteps
{
    private readonly Navigation navigation;
    private readonly CompanyContext company;

    public ApprovalPasswordSteps(Navigation navigation, CompanyContext company)
    {
        this.navigation = navigation;
        this.company = company;
    }

    [When("［しんきん電子記録債権サービス］ボタンをクリックする")]
    public async Task WhenTheServiceIsOpened() =>
        navigation.Show(await navigation.At<ServiceListPage>().OpenDensaiServiceAsync(1));

    [When("^(1|2) 箇所目の［しんきん電子記録債権サービス］ボタンをクリックする$")]
    public async Task WhenTheServiceIsOpenedWith(int which) =>
        navigation.Show(await navigation.At<ServiceListPage>().OpenDensaiServiceAsync(which));

    [Then("「承認パスワード変更」画面で、現在の承認パスワード（初期承認パスワード）の入力を求められる")]
    public async Task ThenTheInitialApprovalPasswordIsAskedFor() =>
        Assert.That(await navigation.At<ApprovalPasswordPage>().AsksCurrentPasswordAsync(), Is.True, Ui.ApprovalPassword.Current.Description);

    [When("新しい承認パスワードを 2 回入力し、［実行］ボタンをクリックする")]
    public Task WhenTheNewApprovalPasswordIsEnteredTwice() =>
        SetAsync(current: null, TestData.MasterApprovalPassword, TestData.MasterApprovalPassword);

    [When("現在の承認パスワードと新しい承認パスワード（2 箇所）を入力し、［実行］ボタンをクリックする")]
    public Task WhenTheInitialApprovalPasswordIsReplaced() =>
        SetAsync(company.Actor.ApprovalPassword, TestData.GeneralApprovalPassword, TestData.GeneralApprovalPassword);

    [When("^新しい承認パスワードに「(.*)」、確認用に「(.*)」を入力し、［実行］ボタンをクリックする$")]
    public Task WhenApprovalPasswordsAreEntered(string newPassword, string confirmation) =>
        SetAsync(current: null, Resolve(newPassword), Resolve(confirmation));

    [When("^現在の承認パスワードに「(.*)」、新しい承認パスワードに「(.*)」、確認用に「(.*)」を入力し、［実行］ボタンをクリックする$")]
    public Task WhenApprovalPasswordsAreEntered(string current, string newPassword, string confirmation) =>
        SetAsync(Resolve(current), Resolve(newPassword), Resolve(confirmation));

    [When("［トップへ］ボタンをクリックする")]
    public async Task WhenTopIsClicked() =>
        navigation.Show(await navigation.At<ApprovalPasswordCompletePage>().ClickTopAsync());

    private string Resolve(string word) => CredentialWords.Resolve(word, company.Actor);

    private async Task SetAsync(string? current, string newPassword, string confirmation)
    {
        var screen = await navigation.At<ApprovalPasswordPage>().EnterAsync(current, newPassword, confirmation);
        var next = navigation.Show(await screen.ClickExecuteAsync());
        if (next is ApprovalPasswordCompletePage)
        {
            company.Actor.ApprovalPassword = newPassword;
        }
    }
}
