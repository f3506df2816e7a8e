using System.Reflection;
using Microsoft.Playwright;
using NUnit.Framework;

namespace Shinkin.Browsers.Tests;

/// <summary>
/// The wait for a load state against a page that behaves as Playwright's dispatcher thread can: the state is reached
/// while Playwright's own wait is between reading the states and subscribing, so that wait never ends by itself.
/// </summary>
public sealed class PlaywrightLoadStatesTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [TestCase(LoadState.DOMContentLoaded)]
    [TestCase(LoadState.Load)]
    public async Task A_state_reached_inside_Playwrights_gap_ends_the_wait(LoadState state)
    {
        var page = FakePage.Create(FakePage.Behaviour.ReachInTheGap);

        var wait = PlaywrightLoadStates.ReachedAsync(page, state);

        Assert.That(await Task.WhenAny(wait, Task.Delay(Prompt)), Is.SameAs(wait), "Playwright's wait alone would run into its timeout");
        await wait;
        Assert.That(((FakePage)(object)page).Subscribers, Is.Zero, "the handler is removed again");
    }

    [Test]
    public async Task A_state_already_reached_ends_the_wait_through_Playwrights_own()
    {
        var page = FakePage.Create(FakePage.Behaviour.AlreadyReached);

        var wait = PlaywrightLoadStates.ReachedAsync(page, LoadState.DOMContentLoaded);

        Assert.That(await Task.WhenAny(wait, Task.Delay(Prompt)), Is.SameAs(wait));
        await wait;
    }

    [Test]
    public void A_state_never_reached_fails_with_Playwrights_timeout()
    {
        var page = FakePage.Create(FakePage.Behaviour.NeverReached);

        Assert.ThrowsAsync<TimeoutException>(() => PlaywrightLoadStates.ReachedAsync(page, LoadState.Load));
        Assert.That(((FakePage)(object)page).Subscribers, Is.Zero);
    }

    [Test]
    public void Network_idle_is_refused_it_has_no_page_event() =>
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PlaywrightLoadStates.ReachedAsync(FakePage.Create(FakePage.Behaviour.AlreadyReached), LoadState.NetworkIdle));

    /// <summary>Only the page's load events and its load-state wait; any other member fails the test.</summary>
    public class FakePage : DispatchProxy
    {
        private readonly List<Delegate> handlers = [];
        private Behaviour behaviour;

        public enum Behaviour
        {
            /// <summary>The event fires while Playwright's wait is in its gap; that wait then never ends.</summary>
            ReachInTheGap,

            /// <summary>Playwright's wait sees the state and ends at once; no event follows.</summary>
            AlreadyReached,

            /// <summary>No event; Playwright's wait ends with its timeout.</summary>
            NeverReached,
        }

        public int Subscribers => handlers.Count;

        public static IPage Create(Behaviour behaviour)
        {
            var page = Create<IPage, FakePage>();
            ((FakePage)(object)page).behaviour = behaviour;
            return page;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod!.Name)
            {
                case "add_Load" or "add_DOMContentLoaded":
                    handlers.Add((Delegate)args![0]!);
                    return null;
                case "remove_Load" or "remove_DOMContentLoaded":
                    handlers.Remove((Delegate)args![0]!);
                    return null;
                case "WaitForLoadStateAsync":
                    return behaviour switch
                    {
                        Behaviour.ReachInTheGap => RaiseAndMiss(),
                        Behaviour.AlreadyReached => Task.CompletedTask,
                        _ => Task.FromException(new TimeoutException("Timeout 30000ms exceeded.")),
                    };
                default:
                    throw new NotSupportedException($"the fake page has no {targetMethod.Name}");
            }
        }

        private Task RaiseAndMiss()
        {
            foreach (var handler in handlers.ToList())
            {
                ((EventHandler<IPage>)handler).Invoke(this, (IPage)(object)this);
            }

            return new TaskCompletionSource().Task;
        }
    }
}
