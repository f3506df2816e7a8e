using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>一般ユーザを最新の状態にする: ユーザ更新 (manual 3-2).</summary>
[Binding]
public sealed class UserUpdateSteps
{
    private readonly Navigation navigation;
    private readonly CompanyContext company;

    public UserUpdateSteps(Navigation navigation, CompanyContext company)
    {
        this.navigation = navigation;
        this.company = company;
    }

    [When("ユーザ検索条件は入力せずに、そのまま［ユーザ更新の確認へ］ボタンをクリックする")]
    public async Task WhenUpdateConfirmationIsOpened() =>
        navigation.Show(await navigation.At<UserUpdateSearchPage>().ClickToConfirmAsync());

    [Then("^登録したユーザ情報を確認する（登録した一般ユーザが更新内容「(.*)」で表示されている）$")]
    public async Task ThenTheRegisteredUserIsListed(string change)
    {
        var confirm = navigation.At<UserUpdateConfirmPage>();
        var user = company.RequiredGeneralUser;
        Assert.That(await confirm.ListsUserAsync(user.LoginId), Is.True, $"{user.LoginId} が一覧に表示される");
        Assert.That(await confirm.ChangeKindAsync(user.LoginId), Is.EqualTo(change), "更新内容");
    }
}
