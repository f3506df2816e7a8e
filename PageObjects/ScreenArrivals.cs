using System.Runtime.CompilerServices;
using Shinkin.Browsers;
using Shinkin.PageObjects.Pages;

namespace Shinkin.PageObjects;

/// <summary>
/// Tells whoever watches a browser session that one of its screens has just been arrived at (its loaded check passed),
/// including the screens a precondition walks through without a step of its own. The step layer watches to scan each
/// screen once per run; pages know nothing of what is done with it. Attached to the session object, so it ends with it.
/// </summary>
public static class ScreenArrivals
{
    private static readonly ConditionalWeakTable<IBrowserSession, Func<Page, CancellationToken, Task>> Watchers = [];

    /// <summary>From now on <paramref name="onArrival"/> hears of every screen arrived at in <paramref name="session"/>.</summary>
    public static void Watch(IBrowserSession session, Func<Page, CancellationToken, Task> onArrival) =>
        Watchers.AddOrUpdate(session, onArrival);

    internal static Task ArrivedAsync(Page page, CancellationToken cancellationToken) =>
        Watchers.TryGetValue(page.Session, out var onArrival) ? onArrival(page, cancellationToken) : Task.CompletedTask;
}
