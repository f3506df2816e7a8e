using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>The bank's public pages that lead to the login screen (manual 2-1 / 4-1 steps 1–3).</summary>
[Binding]
public sealed class PublicSiteSteps
{
    private readonly RunEnvironment run;
    private readonly ScenarioBrowser browser;
    private readonly Navigation navigation;

    public PublicSiteSteps(RunEnvironment run, ScenarioBrowser browser, Navigation navigation)
    {
        this.run = run;
        this.browser = browser;
        this.navigation = navigation;
    }

    [When("当金庫のホームページを表示する")]
    public async Task WhenTheBankHomepageIsShown()
    {
        var system = await run.SystemAsync();
        navigation.Show(await HomePage.OpenAsync(await browser.SessionAsync(), system.PublicUrl));
    }

    [When("しんきん電子記録債権システムサービス画面を表示する")]
    public async Task WhenTheServiceScreenIsShown() =>
        navigation.Show(await navigation.At<HomePage>().OpenServiceAsync());

    [When("しんきん電子記録債権システムの案内画面を表示し［ログイン］ボタンをクリックする")]
    public async Task WhenTheGuideIsShownAndLoginClicked()
    {
        var guide = navigation.Show(await navigation.At<ServicePage>().OpenGuideAsync());
        navigation.Show(await guide.ClickLoginAsync());
    }

    [Then("［電子証明書取得］ボタンと［電子証明書ログイン］ボタンが表示されている")]
    public async Task ThenBothCertificateButtonsAreShown()
    {
        var login = navigation.At<LoginPage>();
        var acquire = await login.OffersCertificateAcquisitionAsync();
        var certificateLogin = await login.OffersCertificateLoginAsync();
        Assert.Multiple(() =>
        {
            Assert.That(acquire, Is.True, "［電子証明書取得］ボタン");
            Assert.That(certificateLogin, Is.True, "［電子証明書ログイン］ボタン");
        });
    }
}
