using Microsoft.Playwright;

namespace Shinkin.Browsers;

/// <summary>Waiting for a page's load state without the gap in Playwright's own wait.</summary>
internal static class PlaywrightLoadStates
{
    /// <summary>
    /// Waits until the page's document has reached <paramref name="state"/>. Playwright's own wait first reads the states
    /// the frame has reached and then subscribes to the next one; called off its dispatcher thread, a state reached
    /// between the two is missed and the wait runs into its timeout (seen once: a refused login's answer on screen,
    /// "Load" and "NetworkIdle" fired, DOMContentLoaded never seen, 30 s). The page's own event is subscribed here
    /// before Playwright reads the states, so whichever of the two sees the state first ends the wait.
    /// </summary>
    public static async Task ReachedAsync(IPage page, LoadState state)
    {
        if (state == LoadState.NetworkIdle)
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "a page raises no event for network idle");
        }

        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnReached(object? sender, IPage loaded) => reached.TrySetResult();
        if (state == LoadState.Load)
        {
            page.Load += OnReached;
        }
        else
        {
            page.DOMContentLoaded += OnReached;
        }

        try
        {
            var asked = page.WaitForLoadStateAsync(state);
            if (await Task.WhenAny(asked, reached.Task) == asked)
            {
                await asked;
            }
            else
            {
                // Playwright's waiter may still wait for the event it missed: its timeout is observed, not left unseen.
                _ = asked.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
        finally
        {
            page.Load -= OnReached;
            page.DOMContentLoaded -= OnReached;
        }
    }
}
