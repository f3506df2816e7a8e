using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>電子証明書取得 (manual 2-1 / 4-1 steps 4–8).</summary>
[Binding]
public sealed class CertificateAcquisitionSteps
{
    private readonly Navigation navigation;
    private readonly CompanyContext company;

    public CertificateAcquisitionSteps(Navigation navigation, CompanyContext company)
    {
        this.navigation = navigation;
        this.company = company;
    }

    [When("［電子証明書取得］ボタンをクリックする")]
    public async Task WhenAcquisitionIsClicked() =>
        navigation.Show(await navigation.At<LoginPage>().ClickCertificateAcquireAsync());

    [When("当金庫からお渡しした通知書面に記載のログイン ID（お客様 ID）とログインパスワードを入力し、［取得］ボタンをクリックする")]
    [When("マスターユーザから受け取ったログイン ID（お客様 ID）と初回ログインパスワードを入力し、［取得］ボタンをクリックする")]
    public Task WhenTheNoticeCredentialsAreEntered() => SubmitAsync(company.Actor.LoginId, company.Actor.InitialPassword);

    [When("^ログイン ID（お客様 ID）に「(.*)」、ログインパスワードに「(.*)」を入力し、［取得］ボタンをクリックする$")]
    public Task WhenCredentialsAreEntered(string loginId, string password) =>
        SubmitAsync(CredentialWords.Resolve(loginId, company.Actor), CredentialWords.Resolve(password, company.Actor));

    [Then("取得する電子証明書のログイン ID（お客様 ID）が表示される")]
    public async Task ThenTheCertificatesLoginIdIsShown() =>
        Assert.That(await navigation.At<CertificateAcquireConfirmPage>().LoginIdAsync(), Is.EqualTo(company.Actor.LoginId));

    [When("［取得］ボタンをクリックする")]
    public async Task WhenAcquireIsConfirmed() =>
        navigation.Show(await navigation.At<CertificateAcquireConfirmPage>().ClickAcquireAsync());

    [When("「Web アクセスの確認」画面が表示された場合は［はい］ボタンをクリックする")]
    public async Task WhenWebAccessIsAllowed()
    {
        var complete = navigation.At<CertificateAcquireCompletePage>();
        Assert.That(await complete.ShowsWebAccessConfirmationAsync(), Is.True, "「Web アクセスの確認」");
        company.Actor.Certificate = await complete.ClickYesAsync();
    }

    [Then("ログイン ID（お客様 ID）の電子証明書が保存される")]
    public void ThenTheCertificateIsSaved()
    {
        var certificate = company.Actor.Certificate;
        Assert.That(certificate, Is.Not.Null, "保存された電子証明書");
        Assert.Multiple(() =>
        {
            Assert.That(certificate!.FileName, Does.StartWith(company.Actor.LoginId), "ファイル名");
            Assert.That(new FileInfo(certificate.PfxPath).Length, Is.GreaterThan(0), "PKCS#12 ファイル");
            Assert.That(certificate.Password, Is.Not.Empty, "ファイルのパスワード");
        });
    }

    [When("［このウィンドウを閉じる］ボタンをクリックする")]
    public async Task WhenTheAcquisitionWindowIsClosed() =>
        navigation.Show(await navigation.At<CertificateAcquireCompletePage>().ClickCloseWindowAsync());

    private async Task SubmitAsync(string loginId, string password)
    {
        var input = await navigation.At<CertificateAcquirePage>().EnterCredentialsAsync(loginId, password);
        navigation.Show(await input.ClickAcquireAsync());
    }
}
