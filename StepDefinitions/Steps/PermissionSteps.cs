using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>取引権限を設定する (manual 2-5 for the master itself, 3-3 for a general user).</summary>
[Binding]
public sealed class PermissionSteps
{
    private readonly Navigation navigation;
    private readonly CompanyContext company;
    private readonly UserJourneys journeys;

    private readonly EngineGaps gaps;

    public PermissionSteps(Navigation navigation, CompanyContext company, UserJourneys journeys, EngineGaps gaps)
    {
        this.gaps = gaps;
        this.navigation = navigation;
        this.company = company;
        this.journeys = journeys;
    }

    [When("取引権限を設定する一般ユーザの［変更］ボタンをクリックする")]
    public async Task WhenTheGeneralUsersChangeIsClicked() =>
        navigation.Show(await navigation.At<PermissionSearchPage>().ClickChangeAsync(company.RequiredGeneralUser.LoginId));

    [When("^利用する業務および口座をチェックし（(.*)）、［変更内容の確認へ］ボタンをクリックする$")]
    public async Task WhenRightsAreChecked(string rights)
    {
        var choice = RightsChoice.Parse(rights);
        var edit = await navigation.At<PermissionEditPage>().SelectAsync(choice.Use, choice.Clerk, choice.Approver, Accounts());
        navigation.Show(await edit.ClickToConfirmAsync());
    }

    [When("一般ユーザが初回のみ入力する承認パスワードを 2 回入力し、［変更内容の確認へ］ボタンをクリックする")]
    public async Task WhenTheInitialApprovalPasswordIsSet()
    {
        var password = TestData.GeneralInitialApprovalPassword;
        var next = navigation.Show(await navigation.At<PermissionInitialApprovalPage>().EnterAndConfirmAsync(password, password));
        if (next is PermissionConfirmPage)
        {
            var user = company.RequiredGeneralUser;
            user.InitialApprovalPassword = password;
            user.ApprovalPassword = password;
        }
    }

    [Then("権限リストがすべて「○」になり、「口座権限付与リスト」に口座情報が表示されている")]
    public async Task ThenEveryRightIsGranted()
    {
        var list = navigation.Current switch
        {
            PermissionConfirmPage confirm => await confirm.PermissionListAsync(Accounts()),
            PermissionDonePage done => await done.PermissionListAsync(Accounts()),
            var other => throw new InvalidOperationException($"the {other.ScreenId} screen shows no 権限リスト"),
        };
        Assert.Multiple(() =>
        {
            Assert.That(list.AllGranted, Is.True, $"権限リスト: {string.Join(" ", list.Marks)}");
            Assert.That(list.Accounts, Is.EquivalentTo(Accounts()), "口座権限付与リスト");
        });
    }

    [When("ログアウトして、もう一度ログインする")]
    public Task WhenLoggedInAgain() => journeys.LogInAgainAsync(company.Actor);

    private IReadOnlyList<AccountRef> Accounts()
    {
        if (company.RequiredNotice.Accounts.Count == 0)
        {
            // A pool account comes without the company's accounts (the 通知書面 lists none); 3 口座 cannot be chosen.
            gaps.Declare("対象外: アカウントプールのマスターユーザには口座の情報がないため、口座の取引権限（③ 口座）を選べません。試験データ API のある対象で実行してください。");
        }

        return company.RequiredNotice.Accounts.Select(a => new AccountRef(a.Id, a.AccountNumber)).ToList();
    }
}
