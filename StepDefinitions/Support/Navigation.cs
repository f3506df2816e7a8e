using Shinkin.PageObjects.Pages;

namespace Shinkin.StepDefinitions.Support;

/// <summary>The screen the scenario is on, handed from step to step.</summary>
public sealed class Navigation
{
    private Page? current;

    public Page Current => current ?? throw new InvalidOperationException("no screen has been opened yet in this scenario");

    /// <summary>The current screen, or null before the scenario opened one.</summary>
    public Page? CurrentOrNull => current;

    public TPage At<TPage>()
        where TPage : Page =>
        Current as TPage ?? throw new InvalidOperationException($"expected to be on {typeof(TPage).Name}, but the scenario is on {Current.GetType().Name}");

    public TPage Show<TPage>(TPage page)
        where TPage : Page
    {
        current = page;
        return page;
    }
}
