using Shinkin.Browsers;

namespace Shinkin.PageObjects.Pages;

/// <summary>
/// A screen of the system. Constructing a page does not touch the browser; <see cref="WaitUntilLoadedAsync"/>
/// is the "loaded" check every navigation ends with, so a wrong screen fails at the step that caused it.
/// </summary>
public abstract class Page
{
    private static readonly TimeSpan LandingTimeout = TimeSpan.FromSeconds(15);

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

    /// <summary>
    /// Clicks a button whose answer may be this very screen again (a refusal with a message) and waits
    /// for the server's answer: a new document (its render id changed) showing one of the candidates.
    /// Without that wait a fast engine would "arrive" at the old copy of the screen before the answer.
    /// </summary>
    protected async Task<Page> SubmitAndArriveAsync(Target button, IReadOnlyList<Page> candidates, CancellationToken cancellationToken)
    {
        var before = await RenderIdAsync(cancellationToken);
        await Session.ClickAsync(button, cancellationToken);
        if (before is not null)
        {
            var deadline = DateTime.UtcNow + LandingTimeout;
            while (await RenderIdAsync(cancellationToken) == before && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        return await ArriveAtOneOfAsync(candidates, cancellationToken);
    }

    /// <summary>The reference server marks every document; other targets may not (then null, and no wait).</summary>
    private async Task<string?> RenderIdAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Session.CountAsync(Ui.RenderId, cancellationToken) > 0
                ? await Session.ReadValueAsync(Ui.RenderId, cancellationToken)
                : null;
        }
        catch (BrowserException)
        {
            // Mid-navigation: no document to read yet.
            return null;
        }
    }

    /// <summary>
    /// For actions whose outcome depends on the server's answer (accepted: next screen; refused: the
    /// same screen with a message): waits until one of the candidate screens shows and returns it.
    /// </summary>
    protected async Task<Page> ArriveAtOneOfAsync(IReadOnlyList<Page> candidates, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LandingTimeout;
        while (true)
        {
            foreach (var candidate in candidates)
            {
                if (await Session.IsVisibleAsync(Ui.Screen(candidate.ScreenId), cancellationToken))
                {
                    return candidate;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                var title = await SafeTitleAsync(cancellationToken);
                var expected = string.Join(", ", candidates.Select(c => c.ScreenId));
                throw new BrowserException($"expected one of the screens {expected}, but the browser shows '{title}' at {Session.CurrentUrl}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Waits until one of <paramref name="targets"/> is visible (results that replace the screen's content).</summary>
    protected async Task WaitForAnyAsync(IReadOnlyList<Target> targets, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LandingTimeout;
        while (true)
        {
            foreach (var target in targets)
            {
                if (await Session.IsVisibleAsync(target, cancellationToken))
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new BrowserException($"none of {string.Join(", ", targets.Select(t => t.Description))} appeared at {Session.CurrentUrl}");
            }

            await Task.Delay(100, cancellationToken);
        }
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
                if (text.Length > 0)
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
        catch (BrowserException)
        {
            return "(no page)";
        }
    }
}

/// <summary>A screen that answers input with messages (errors beside fields, banners).</summary>
public interface IShowsMessages
{
    /// <summary>Every message the screen shows now, in screen order.</summary>
    Task<IReadOnlyList<string>> MessagesAsync(CancellationToken cancellationToken = default);
}
