using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>
/// 電子証明書ログイン (manual 2-2 / 4-2). Steps 2–4 are the browser's own dialogs (certificate choice,
/// confirmation, アクセス許可の付与); the manual says they may not appear. Here the harness presents
/// the user's certificate itself, so they do not appear and the user goes straight on to step 5.
/// </summary>
[Binding]
public sealed class CertificateLoginSteps
{
    private readonly Navigation navigation;
    private readonly CompanyContext company;
    private readonly BrowserCertificates certificates;
    private readonly UserJourneys journeys;

    public CertificateLoginSteps(Navigation navigation, CompanyContext company, BrowserCertificates certificates, UserJourneys journeys)
    {
        this.navigation = navigation;
        this.company = company;
        this.certificates = certificates;
        this.journeys = journeys;
    }

    [When("［電子証明書ログイン］ボタンをクリックする")]
    public async Task WhenCertificateLoginIsClicked()
    {
        if (company.Actor.Certificate is not null)
        {
            await certificates.PresentAsync(company.Actor);
        }

        navigation.Show(await navigation.At<LoginPage>().ClickCertificateLoginAsync());
    }

    [When("証明書の選択画面が表示された場合は、ログイン ID（お客様 ID）が表示されている証明書を選択し、［OK］ボタンをクリックする")]
    public void WhenTheCertificateIsChosen() =>
        Assert.That(certificates.PresentedLoginId, Is.EqualTo(company.Actor.LoginId), "ブラウザが提示した電子証明書のログイン ID（お客様 ID）");

    [When("確認の画面が表示された場合は［OK］ボタンをクリックする（表示されない場合はそのまま次の手順へ進む）")]
    [When("「アクセス許可の付与」の画面が表示された場合は「アクセス許可の付与」を選択し、［OK］ボタンをクリックする（表示されない場合はそのまま次の手順へ進む）")]
    public async Task WhenTheBrowserDialogDidNotAppear() =>
        await navigation.At<CertificateLoginPage>().WaitUntilLoadedAsync();

    [Then("「電子証明書ログイン」画面に自分のログイン ID（お客様 ID）が表示される")]
    public async Task ThenTheOwnLoginIdIsShown() =>
        Assert.That(await navigation.At<CertificateLoginPage>().LoginIdAsync(), Is.EqualTo(company.Actor.LoginId));

    [When("ログインパスワードを入力し、［ログイン］ボタンをクリックする")]
    public async Task WhenThePasswordIsEntered() =>
        navigation.Show(await navigation.At<CertificateLoginPage>().LoginAsync(company.Actor.LoginPassword));

    [When("^ログインパスワードに「(.*)」を入力し、［ログイン］ボタンをクリックする$")]
    public async Task WhenAPasswordIsEntered(string password) =>
        navigation.Show(await navigation.At<CertificateLoginPage>().LoginAsync(CredentialWords.Resolve(password, company.Actor)));

    [When("^誤ったログインパスワードでのログインを (\\d+) 回繰り返す$")]
    public async Task WhenWrongPasswordsAreEntered(int times)
    {
        for (var attempt = 1; attempt <= times; attempt++)
        {
            var page = await navigation.At<CertificateLoginPage>().LoginAsync(TestData.WrongPassword);
            Assert.That(page, Is.InstanceOf<CertificateLoginPage>(), $"{attempt} 回目の誤ったログインパスワード");
            navigation.Show(page);
        }
    }

    [When("ログアウトして、もう一度［電子証明書ログイン］ボタンをクリックする")]
    public async Task WhenLoggedOutAndBackToCertificateLogin()
    {
        await journeys.LogoutToLoginScreenAsync();
        await WhenCertificateLoginIsClicked();
    }
}
