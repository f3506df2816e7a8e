using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>ログインパスワードを設定する (manual 2-3 / 4-3): the change forced at the first login.</summary>
[Binding]
public sealed class LoginPasswordSteps
{
    private readonly Navigation navigation;
    private readonly CompanyContext company;

    public LoginPasswordSteps(Navigation navigation, CompanyContext company)
    {
        this.navigation = navigation;
        this.company = company;
    }

    [When("現ログインパスワードと新ログインパスワード（2 箇所）を入力し、［変更］ボタンをクリックする")]
    public Task WhenThePasswordIsChanged()
    {
        var newPassword = company.Actor.IsMaster ? TestData.MasterNewLoginPassword : TestData.GeneralNewLoginPassword;
        return ChangeAsync(company.Actor.LoginPassword, newPassword, newPassword);
    }

    [When("^現ログインパスワードに「(.*)」、新ログインパスワード（2 箇所）に「(.*)」を入力し、［変更］ボタンをクリックする$")]
    public Task WhenThePasswordIsChangedTo(string current, string newPassword) =>
        ChangeAsync(Resolve(current), Resolve(newPassword), Resolve(newPassword));

    [When("^現ログインパスワードに「(.*)」、新ログインパスワードに「(.*)」、確認用に「(.*)」を入力し、［変更］ボタンをクリックする$")]
    public Task WhenThePasswordsAreEntered(string current, string newPassword, string confirmation) =>
        ChangeAsync(Resolve(current), Resolve(newPassword), Resolve(confirmation));

    private string Resolve(string word) => CredentialWords.Resolve(word, company.Actor);

    private async Task ChangeAsync(string current, string newPassword, string confirmation)
    {
        var change = await navigation.At<PasswordChangePage>().EnterAsync(current, newPassword, confirmation);
        var next = navigation.Show(await change.ClickChangeAsync());
        if (next is ServiceListPage)
        {
            company.Actor.LoginPassword = newPassword;
        }
    }
}
