using Shinkin.Browsers;
using Shinkin.Settings;

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

    /// <summary>Waits until this screen shows (its heading, and its marker where another screen shares the heading).</summary>
    public async Task WaitUntilLoadedAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await Session.WaitForAsync(Ui.Screen(ScreenId), cancellationToken: cancellationToken);
            if (Session.Locators == LocatorMode.Labels && UiCatalog.Current.Screen(ScreenId).Marker is { } marker)
            {
                await Session.WaitForAsync(UiCatalog.Current.Target(marker), cancellationToken: cancellationToken);
            }
        }
        catch (BrowserException ex)
        {
            var title = await SafeTitleAsync(cancellationToken);
            throw new BrowserException($"expected the '{ScreenId}' screen, but the browser shows '{title}' at {Session.CurrentUrl}", ex);
        }

        // The heading has just been waited for; only the markers remain to tell screens with one heading apart.
        if (!await MarkersAgreeAsync(cancellationToken))
        {
            var title = await SafeTitleAsync(cancellationToken);
            throw new BrowserException($"expected the '{ScreenId}' screen, but the browser shows another screen with the same heading ('{title}' at {Session.CurrentUrl})");
        }

        await ScreenArrivals.ArrivedAsync(this, cancellationToken);
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

    /// <summary>
    /// Clicks a button whose answer may be this very screen again (a refusal with a message) and waits for the
    /// server's answer — a new document, which the engine reports — before deciding which candidate it shows.
    /// Without that wait a fast engine would "arrive" at the old copy of the screen before the answer.
    /// </summary>
    protected async Task<Page> SubmitAndArriveAsync(Target button, IReadOnlyList<Page> candidates, CancellationToken cancellationToken)
    {
        await Session.ClickAndWaitForNewDocumentAsync(button, cancellationToken);
        return await ArriveAtOneOfAsync(candidates, cancellationToken);
    }

    /// <summary>
    /// For actions whose outcome depends on the server's answer (accepted: next screen; refused: the
    /// same screen with a message): waits until one of the candidate screens shows and returns it.
    /// </summary>
    protected async Task<Page> ArriveAtOneOfAsync(IReadOnlyList<Page> candidates, CancellationToken cancellationToken)
    {
        try
        {
            await Session.WaitForAnyAsync(candidates.Select(c => Ui.Screen(c.ScreenId)).ToList(), cancellationToken: cancellationToken);
        }
        catch (BrowserException ex)
        {
            var title = await SafeTitleAsync(cancellationToken);
            var expected = string.Join(", ", candidates.Select(c => c.ScreenId));
            throw new BrowserException($"expected one of the screens {expected}, but the browser shows '{title}' at {Session.CurrentUrl}", ex);
        }

        // The document has arrived; screens that share a heading are told apart by their markers.
        foreach (var candidate in candidates)
        {
            if (await candidate.IsShownAsync(cancellationToken))
            {
                await ScreenArrivals.ArrivedAsync(candidate, cancellationToken);
                return candidate;
            }
        }

        var shown = await SafeTitleAsync(cancellationToken);
        throw new BrowserException($"expected one of the screens {string.Join(", ", candidates.Select(c => c.ScreenId))}, but the browser shows '{shown}' at {Session.CurrentUrl}");
    }

    /// <summary>
    /// Whether this screen is the one shown now: its heading, plus its marker where the catalogue gives one, and
    /// no marker of another screen with the same heading (a screen without a marker is the one left over).
    /// </summary>
    public async Task<bool> IsShownAsync(CancellationToken cancellationToken = default) =>
        await Session.IsVisibleAsync(Ui.Screen(ScreenId), cancellationToken) && await MarkersAgreeAsync(cancellationToken);

    /// <summary>With the heading shown: this screen's marker (if any) is visible and no other screen's with the same heading is.</summary>
    private async Task<bool> MarkersAgreeAsync(CancellationToken cancellationToken)
    {
        if (Session.Locators == LocatorMode.TestIds)
        {
            return true;
        }

        var catalog = UiCatalog.Current;
        if (catalog.Screen(ScreenId).Marker is { } marker && !await Session.IsVisibleAsync(catalog.Target(marker), cancellationToken))
        {
            return false;
        }

        foreach (var sibling in catalog.ScreensSharingHeading(ScreenId))
        {
            if (catalog.Screen(sibling).Marker is { } other && await Session.IsVisibleAsync(catalog.Target(other), cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The non-empty, visible texts among <paramref name="targets"/> (messages beside fields, banners).</summary>
    protected async Task<IReadOnlyList<string>> ReadVisibleTextsAsync(IEnumerable<Target> targets, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        foreach (var target in targets)
        {
            if (await Session.IsVisibleAsync(target, cancellationToken))
            {
                var text = await Session.ReadTextAsync(target, cancellationToken);
                if (text.Length > 0 && !texts.Contains(text))
                {
                    texts.Add(text);
                }
            }
        }

        return texts;
    }

    private async Task<string> SafeTitleAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Session.TitleAsync(cancellationToken);
        }
        catch (BrowserException ex)
        {
            // Why there is no page to read (a closed window, a browser that died) is what the failure must say.
            return $"(no page: {ex.Message.ReplaceLineEndings(" ")})";
        }
    }
}

/// <summary>A screen that answers input with messages (errors beside fields, banners).</summary>
public interface IShowsMessages
{
    /// <summary>Every message the screen shows now, in screen order.</summary>
    Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default);
}
