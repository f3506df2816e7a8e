using System.Globalization;
using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>新しく一般ユーザを作成する (manual 3-1) and ユーザ基本情報の設定条件.</summary>
[Binding]
public sealed class RegistrationSteps
{
    private readonly Navigation navigation;
    private readonly CompanyContext company;

    public RegistrationSteps(Navigation navigation, CompanyContext company)
    {
        this.navigation = navigation;
        this.company = company;
    }

    [When("ユーザ検索条件は入力せずに、そのまま［新規登録］ボタンをクリックする")]
    public async Task WhenNewIsClicked() =>
        navigation.Show(await navigation.At<RegistrationSearchPage>().ClickNewAsync());

    [Then("ログイン ID の欄の前には「d-」があらかじめ表示されている")]
    public async Task ThenThePrefixIsShown() =>
        Assert.That(await navigation.At<RegistrationNewPage>().LoginIdPrefixAsync(), Is.EqualTo(TestData.LoginIdPrefix));

    [When("以下の一般ユーザの基本情報を入力し、［確認］ボタンをクリックする")]
    public Task WhenTheBasicDataIsEntered(DataTable table)
    {
        var values = table.Rows.ToDictionary(r => r[0], r => r[1]);
        var body = values["ログイン ID"] == "自動採番" ? TestData.NewLoginIdBody() : values["ログイン ID"];
        return SubmitAsync(new NewUserInput(body, values["ユーザ名"], values["メールアドレス（2 箇所）"], values["メールアドレス（2 箇所）"], values["初回ログインパスワード（2 箇所）"], values["初回ログインパスワード（2 箇所）"]));
    }

    [When("^一般ユーザの基本情報を、(.*)を「(.*)」にして入力し、［確認］ボタンをクリックする$")]
    public Task WhenOneItemIsEnteredAs(string item, string value)
    {
        var input = TestData.NewGeneralUser();
        var text = Generate(value);
        input = item switch
        {
            "ログイン ID" => input with { LoginIdBody = text },
            "初回ログインパスワード" => input with { InitialPassword = text, InitialPasswordConfirmation = text },
            "ログイン ID と初回ログインパスワード" => WithPassword(input with { LoginIdBody = text }, Generate(value)),
            "ユーザ名" => input with { UserName = text },
            "メールアドレス" => input with { Email = text, EmailConfirmation = text },
            _ => throw new ArgumentException($"「{item}」 is not an item of ユーザ基本情報", nameof(item)),
        };
        return SubmitAsync(input);
    }

    [Then("入力した基本情報が確認画面に表示される")]
    public async Task ThenTheEnteredDataIsShown()
    {
        var shown = await navigation.At<RegistrationConfirmPage>().ShownUserAsync();
        var input = company.EnteredUser ?? throw new InvalidOperationException("no basic data was entered in this scenario");
        Assert.That(shown, Is.EqualTo((TestData.LoginIdPrefix + input.LoginIdBody, input.UserName, input.Email)));
    }

    [Then("^「ユーザ新規登録（完了）」画面に登録したログイン ID が表示される$")]
    public async Task ThenTheRegisteredLoginIdIsShown()
    {
        var done = navigation.At<RegistrationDonePage>();
        var input = company.EnteredUser ?? throw new InvalidOperationException("no basic data was entered in this scenario");
        Assert.That(await done.RegisteredLoginIdAsync(), Is.EqualTo(TestData.LoginIdPrefix + input.LoginIdBody));
        company.AddGeneralUser(new UserAccount(TestData.LoginIdPrefix + input.LoginIdBody, isMaster: false, input.InitialPassword) { UserName = input.UserName });
    }

    /// <summary>
    /// "半角英数字 6 文字" → a fresh letter-and-digits value of that length (login IDs are unique);
    /// "全角 40 文字" → that many full-width characters; "半角 128 文字のメールアドレス" → an address of that length.
    /// </summary>
    private static string Generate(string description)
    {
        var parts = description.Split(' ');
        var length = int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture);
        return parts[0] switch
        {
            "半角英数字" => (TestData.NewLoginIdBody('a') + TestData.NewLoginIdBody('b'))[..length],
            "全角" => new string('債', length),
            "半角" => new string('m', length - "@example.com".Length) + "@example.com",
            _ => throw new ArgumentException($"「{description}」: say 半角英数字 N 文字, 全角 N 文字 or 半角 N 文字のメールアドレス", nameof(description)),
        };
    }

    private static NewUserInput WithPassword(NewUserInput input, string password) =>
        input with { InitialPassword = password, InitialPasswordConfirmation = password };

    private async Task SubmitAsync(NewUserInput input)
    {
        company.EnteredUser = input;
        var form = await navigation.At<RegistrationNewPage>().EnterAsync(input);
        navigation.Show(await form.ClickConfirmAsync());
    }
}
