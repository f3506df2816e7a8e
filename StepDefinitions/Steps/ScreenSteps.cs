using NUnit.Framework;
using Reqnroll;
using Shinkin.PageObjects;
using Shinkin.PageObjects.Pages;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>What the user sees: which screen, which messages, which tabs.</summary>
[Binding]
public sealed class ScreenSteps
{
    private readonly Navigation navigation;

    public ScreenSteps(Navigation navigation)
    {
        this.navigation = navigation;
    }

    [Then("^「([^」]*)」画面が表示される$")]
    public async Task ThenTheScreenIsShown(string screen)
    {
        await AssertScreenAsync(screen);
    }

    // The lookahead keeps 「…」画面のまま「…」と表示される to the step below.
    [Then("^「(?![^」]*」画面のまま)(.*)」と表示される$")]
    public async Task ThenTheMessageIsShown(string message) => await AssertMessageAsync(message);

    [Then("^「([^」]*)」画面のまま「(.*)」と表示される$")]
    public async Task ThenTheScreenStaysWithMessage(string screen, string message)
    {
        await AssertScreenAsync(screen);
        await AssertMessageAsync(message);
    }

    [Then("取引のタブが表示されている")]
    public async Task ThenBusinessTabsAreShown() =>
        Assert.That(await navigation.At<DensaiPage>().BusinessTabsAsync(), Is.Not.Empty, "取引のタブ");

    [Then("取引のタブはまだ表示されていない")]
    public async Task ThenNoBusinessTabIsShown() =>
        Assert.That(await navigation.At<DensaiPage>().BusinessTabsAsync(), Is.Empty, "取引のタブ");

    private async Task AssertScreenAsync(string screen)
    {
        Assert.That(Ui.ScreensByName.TryGetValue(screen, out var screenId), Is.True, $"「{screen}」画面 is not in the screen catalog (Ui.ScreensByName)");
        var current = navigation.Current;
        if (current is IShowsMessages shows && current.ScreenId != screenId)
        {
            var messages = await shows.MessagesAsync();
            Assert.Fail($"「{screen}」画面 expected, but the scenario is on {current.ScreenId}: {string.Join(" / ", messages)}");
        }

        Assert.That(current.ScreenId, Is.EqualTo(screenId), $"「{screen}」画面");
        await current.WaitUntilLoadedAsync();
    }

    private async Task AssertMessageAsync(string message)
    {
        var screen = navigation.Current as IShowsMessages
            ?? throw new InvalidOperationException($"the {navigation.Current.ScreenId} screen shows no messages");
        Assert.That(await screen.MessagesAsync(), Has.Some.Contains(message), "画面のメッセージ");
    }
}
