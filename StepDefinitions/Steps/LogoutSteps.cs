using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>ログアウト (manual chapter 5): the service window's [ログアウト], then サービス一覧's.</summary>
[Binding]
public sealed class LogoutSteps
{
    private readonly Navigation navigation;

    public LogoutSteps(Navigation navigation)
    {
        this.navigation = navigation;
    }

    [When("画面右上の［ログアウト］ボタンをクリックする")]
    public async Task WhenTheServiceLogoutIsClicked() =>
        navigation.Show(await navigation.At<DensaiPage>().ClickLogoutAsync());

    [When("ウィンドウの［閉じる］ボタンをクリックする")]
    public async Task WhenTheServiceWindowIsClosed() =>
        navigation.Show(await navigation.At<DensaiLoggedOutPage>().ClickCloseAsync());

    [Then("「サービス一覧」画面が表示され、まだログインしたままである")]
    public async Task ThenTheServiceListStillShowsTheUser() =>
        Assert.That(await navigation.At<ServiceListPage>().LoggedInUserAsync(), Is.Not.Empty, "ログイン中のユーザ");

    [When("「サービス一覧」画面の［ログアウト］ボタンをクリックする")]
    public async Task WhenTheServiceListLogoutIsClicked() =>
        navigation.Show(await navigation.At<ServiceListPage>().ClickLogoutAsync());

    [When("［閉じる］ボタンをクリックする")]
    public async Task WhenCloseIsClicked() =>
        navigation.Show(await navigation.At<LoggedOutPage>().ClickCloseAsync());

    [Then("ウィンドウを閉じるかどうかを確認される")]
    public async Task ThenClosingIsConfirmed() =>
        Assert.That(await navigation.At<LoggedOutPage>().AsksToCloseWindowAsync(), Is.True);

    [When("［はい］ボタンをクリックする")]
    public async Task WhenYesIsClicked() =>
        navigation.Show(await navigation.At<LoggedOutPage>().ClickYesAsync());

    [Then("ウィンドウが閉じ、ログアウトが完了する")]
    public void ThenTheWindowIsClosed()
    {
        var page = navigation.At<LoggedOutPage>();
        Assert.Multiple(() =>
        {
            Assert.That(page.WindowClosed, Is.True, "［はい］でウィンドウが閉じた");
            Assert.That(page.Session.WindowCount, Is.Zero, "開いているウィンドウ");
        });
    }
}
