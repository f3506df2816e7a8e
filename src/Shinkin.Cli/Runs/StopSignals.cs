using System.Runtime.InteropServices;

namespace Shinkin.Cli.Runs;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM and SIGQUIT while a verb runs. The first asks the verb to stop (<see cref="Requested"/>,
/// the verb's cancellation token, with <see cref="Reason"/> naming the signal): `serve` stops its server, `run` starts
/// no further scenario and reports what finished. A second one insists (<see cref="Insisted"/>): `run` stops its test
/// run at once.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource requested = new();
    private readonly CancellationTokenSource insisted = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private int received;

    private StopSignals()
    {
    }

    /// <summary>The verb's cancellation token: cancelled by the first signal.</summary>
    public CancellationToken Requested => requested.Token;

    /// <summary>Cancelled by the second signal.</summary>
    public CancellationToken Insisted => insisted.Token;

    /// <summary>The first signal, as the reports name it ("SIGINT（Ctrl+C）", "SIGTERM"); null until one came.</summary>
    public string? Reason { get; private set; }

    /// <summary>Listens to this process's SIGINT, SIGTERM and SIGQUIT until disposed.</summary>
    public static StopSignals Listen()
    {
        var signals = new StopSignals();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            signals.registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Handled here: the process is not terminated by the runtime, the verb ends itself.
                context.Cancel = true;
                signals.Receive(Name(context.Signal));
            }));
        }

        return signals;
    }

    /// <summary>Signals that only <see cref="Receive"/> raises (help and usage, which never wait for one).</summary>
    public static StopSignals None() => new();

    /// <summary>A stop request as a signal makes it: the first asks, any later one insists.</summary>
    public void Receive(string reason)
    {
        if (Interlocked.Increment(ref received) == 1)
        {
            Reason = reason;
            requested.Cancel();
        }
        else
        {
            insisted.Cancel();
        }
    }

    public void Dispose()
    {
        registrations.ForEach(registration => registration.Dispose());
        requested.Dispose();
        insisted.Dispose();
    }

    private static string Name(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => "SIGINT（Ctrl+C）",
        PosixSignal.SIGTERM => "SIGTERM",
        PosixSignal.SIGQUIT => "SIGQUIT",
        _ => signal.ToString(),
    };
}
