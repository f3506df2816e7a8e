using Shinkin.Browsers;

namespace Shinkin.PageObjects.Pages;

/// <summary>
/// A screen of the system. Constructing a page does not touch the browser; <see cref="WaitUntilLoadedAsync"/>
/// is the "loaded" check every navigation ends with, so a wrong screen fails at the step that caused it.
/// </summary>
public abstract class Page
{
    protected Page(IBrowserSession session, string screenId)
    {
        Session = session;
        ScreenId = screenId;
    }

    public IBrowserSession Session { get; }

    public string ScreenId { get; }

    public async Task WaitUntilLoadedAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Session.WaitForAsync(Ui.Screen(ScreenId), cancellationToken: cancellationToken);
        }
        catch (BrowserException ex)
        {
            var title = await SafeTitleAsync(cancellationToken);
            throw new BrowserException($"expected the '{ScreenId}' screen, but the browser shows '{title}' at {Session.CurrentUrl}", ex);
        }
    }

    /// <summary>The heading of the screen as the user reads it.</summary>
    public Task<string> TitleAsync(CancellationToken cancellationToken = default) => Session.ReadTextAsync(Ui.ScreenTitle, cancellationToken);

    public Task<bool> ShowsAsync(Target target, CancellationToken cancellationToken = default) => Session.IsVisibleAsync(target, cancellationToken);

    protected async Task<TPage> ArriveAsync<TPage>(TPage page, CancellationToken cancellationToken)
        where TPage : Page
    {
        await page.WaitUntilLoadedAsync(cancellationToken);
        return page;
    }

    private async Task<string> SafeTitleAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Session.TitleAsync(cancellationToken);
        }
        catch (BrowserException)
        {
            return "(no page)";
        }
    }
}
