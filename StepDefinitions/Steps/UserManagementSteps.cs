using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>管理業務 → ユーザ情報管理 and its user search (manual 2-5, 3-1 … 3-4 steps 1–4).</summary>
[Binding]
public sealed class UserManagementSteps
{
    private readonly Navigation navigation;
    private readonly CompanyContext company;

    public UserManagementSteps(Navigation navigation, CompanyContext company)
    {
        this.navigation = navigation;
        this.company = company;
    }

    [When("［管理業務］タブをクリックする")]
    public async Task WhenTheAdminTabIsClicked() =>
        navigation.Show(await navigation.At<DensaiPage>().ClickAdminTabAsync());

    [When("［ユーザ情報管理］ボタンをクリックする")]
    public async Task WhenUserManagementIsClicked() =>
        navigation.Show(await navigation.At<AdminMenuPage>().ClickUserManagementAsync());

    [When("［登録・解除］ボタンをクリックする")]
    public async Task WhenRegistrationIsClicked() =>
        navigation.Show(await navigation.At<UserManagementMenuPage>().ClickRegistrationAsync());

    [When("［更新］ボタンをクリックする")]
    public async Task WhenUpdateIsClicked() =>
        navigation.Show(await navigation.At<UserManagementMenuPage>().ClickUpdateAsync());

    [When("ユーザ検索条件は入力せずに、そのまま［検索］ボタンをクリックする")]
    [When("ユーザ検索条件は入力せずに、［検索］ボタンをクリックする")]
    public async Task WhenSearchedWithoutCriteria() =>
        navigation.Show(await navigation.At<PermissionSearchPage>().SearchAsync());

    [When("^ユーザ検索条件に(ログイン ID|ユーザ名)の最初の数文字を入力し、［検索］ボタンをクリックする$")]
    public async Task WhenSearchedByPrefix(string field)
    {
        var user = company.RequiredGeneralUser;
        var search = navigation.At<PermissionSearchPage>();
        navigation.Show(field == "ログイン ID"
            ? await search.SearchAsync(loginId: user.LoginId[..5])
            : await search.SearchAsync(userName: user.UserName![..3]));
    }

    [Then("すべてのユーザが表示される")]
    public async Task ThenEveryUserIsListed()
    {
        var search = navigation.At<PermissionSearchPage>();
        foreach (var user in company.GeneralUsers.Prepend(company.RequiredMaster))
        {
            Assert.That(await search.ListsUserAsync(user.LoginId), Is.True, $"{user.LoginId} が検索結果に表示される");
        }
    }

    [Then("該当する一般ユーザだけが表示される")]
    public async Task ThenOnlyTheMatchingUserIsListed()
    {
        var search = navigation.At<PermissionSearchPage>();
        var wanted = company.RequiredGeneralUser;
        foreach (var user in company.GeneralUsers.Prepend(company.RequiredMaster))
        {
            Assert.That(await search.ListsUserAsync(user.LoginId), Is.EqualTo(user == wanted), $"{user.LoginId} が検索結果に表示される");
        }
    }
}
