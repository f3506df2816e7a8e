using NUnit.Framework;
using Shinkin.Cli.Runs;

namespace Shinkin.Cli.Tests;

/// <summary>The first stop signal asks (the verb's token, with the signal named for the reports), a second insists.</summary>
[TestFixture]
public sealed class StopSignalsTests
{
    [Test]
    public void The_first_signal_asks_and_names_itself_a_second_insists()
    {
        using var signals = StopSignals.None();

        signals.Receive("SIGTERM");
        var afterFirst = (signals.Requested.IsCancellationRequested, signals.Insisted.IsCancellationRequested);
        signals.Receive("SIGINT（Ctrl+C）");

        Assert.Multiple(() =>
        {
            Assert.That(afterFirst, Is.EqualTo((true, false)), "one signal: stop starting scenarios, let the running ones finish");
            Assert.That(signals.Insisted.IsCancellationRequested, Is.True, "a second: stop now");
            Assert.That(signals.Reason, Is.EqualTo("SIGTERM"), "the reports name the signal that stopped the run");
        });
    }
}
