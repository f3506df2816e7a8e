using Reqnroll;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>
/// Buttons the manual names with the same words in several procedures (［OK］): the screen the
/// scenario is on decides which one is meant.
/// </summary>
[Binding]
public sealed class ButtonSteps
{
    private readonly Navigation navigation;

    public ButtonSteps(Navigation navigation)
    {
        this.navigation = navigation;
    }

    [When("［OK］ボタンをクリックする")]
    public async Task WhenOkIsClicked() => navigation.Show(navigation.Current switch
    {
        DensaiLogoutConfirmation confirmation => await confirmation.ClickOkAsync(),
        var other => throw new InvalidOperationException($"no ［OK］ボタン is expected on the {other.ScreenId} screen"),
    });
}
