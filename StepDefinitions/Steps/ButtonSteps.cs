using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>
/// Buttons the manual names with the same words in several procedures (［OK］, ［変更］, ［トップへ戻る］,
/// the master's 承認パスワード before an execute button): the screen the scenario is on decides which one is meant.
/// </summary>
[Binding]
public sealed class ButtonSteps
{
    private readonly Navigation navigation;
    private readonly CompanyContext company;

    public ButtonSteps(Navigation navigation, CompanyContext company)
    {
        this.navigation = navigation;
        this.company = company;
    }

    [When("［OK］ボタンをクリックする")]
    public async Task WhenOkIsClicked() => navigation.Show<Page>(navigation.Current switch
    {
        DensaiLogoutConfirmation confirmation => await confirmation.ClickOkAsync(),
        CertificateManagementNotice notice => await notice.ClickOkAsync(),
        var other => throw new InvalidOperationException($"no ［OK］ボタン is expected on the {other.ScreenId} screen"),
    });

    /// <summary>
    /// ユーザ情報管理's [変更]; on the search result the [変更] of the user at the keyboard (2-5 step 5);
    /// on 電子証明書管理（ユーザ情報） the [変更] that issues the certificate (3-4 step 9).
    /// </summary>
    [When("［変更］ボタンをクリックする")]
    public async Task WhenChangeIsClicked() => navigation.Show<Page>(navigation.Current switch
    {
        UserManagementMenuPage menu => await menu.ClickChangeAsync(),
        PermissionSearchPage search => await search.ClickChangeAsync(company.Actor.LoginId),
        CertificateUserPage certificate => await certificate.ClickChangeToIssueAsync(),
        var other => throw new InvalidOperationException($"no ［変更］ボタン is expected on the {other.ScreenId} screen"),
    });

    [When("［トップへ戻る］ボタンをクリックする")]
    public async Task WhenBackToTopIsClicked() =>
        navigation.Show(await (navigation.Current as IReturnsToTop
            ?? throw new InvalidOperationException($"no ［トップへ戻る］ボタン on the {navigation.Current.ScreenId} screen")).ClickBackToTopAsync());

    [When("承認パスワードを入力し、［変更の実行］ボタンをクリックする")]
    [When("マスターユーザの承認パスワードを入力し、［実行］ボタンをクリックする")]
    [When("マスターユーザの承認パスワードを入力し、［ユーザ更新の実行］ボタンをクリックする")]
    [When("マスターユーザの承認パスワードを入力し、［変更の実行］ボタンをクリックする")]
    public Task WhenTheMastersApprovalPasswordIsEntered() =>
        ExecuteAsync(company.RequiredMaster.ApprovalPassword ?? throw new InvalidOperationException("the master has no 承認パスワード yet"));

    [When("^承認パスワードに「(.*)」を入力し、［(?:実行|変更の実行|ユーザ更新の実行)］ボタンをクリックする$")]
    public Task WhenAnApprovalPasswordIsEntered(string password) =>
        ExecuteAsync(password == "（未入力）" ? "" : CredentialWords.Resolve(password, company.RequiredMaster));

    private async Task ExecuteAsync(string approvalPassword)
    {
        var screen = navigation.Current as IAsksApprovalPassword
            ?? throw new InvalidOperationException($"the {navigation.Current.ScreenId} screen asks for no 承認パスワード");
        navigation.Show(await screen.ExecuteWithApprovalPasswordAsync(approvalPassword));
    }
}
