using System.Text;

namespace Shinkin.Reqnroll.NUnit.Sample.Steps;

/// <summary>
/// Run-wide record the parent test reads back. Static on purpose: what is under test is how often
/// run- and feature-level hooks fire across Reqnroll containers, which no container-scoped object can see.
/// </summary>
internal static class SampleRun
{
    private static readonly Lock LogLock = new();
    private static readonly TaskCompletionSource BothArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int _arrived;

    public static void Log(string line)
    {
        var path = Environment.GetEnvironmentVariable("SAMPLE_SUITE_LOG");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        lock (LogLock)
        {
            File.AppendAllText(path, line + "\n", Encoding.UTF8);
        }
    }

    /// <summary>Counts one more run of <paramref name="scenario"/> in a file beside the log and returns the count (1 for the first).</summary>
    public static int CountAttempt(string scenario)
    {
        var log = Environment.GetEnvironmentVariable("SAMPLE_SUITE_LOG");
        if (string.IsNullOrEmpty(log))
        {
            throw new InvalidOperationException("SAMPLE_SUITE_LOG is not set: the attempt counter needs a folder.");
        }

        var counter = Path.Combine(Path.GetDirectoryName(log)!, $"attempts-{scenario}.txt");
        lock (LogLock)
        {
            var count = File.Exists(counter) ? int.Parse(File.ReadAllText(counter), System.Globalization.CultureInfo.InvariantCulture) + 1 : 1;
            File.WriteAllText(counter, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return count;
        }
    }

    /// <returns>True when the other parallel scenario was running at the same time.</returns>
    public static async Task<bool> MeetPartnerAsync()
    {
        if (Interlocked.Increment(ref _arrived) == 2)
        {
            BothArrived.TrySetResult();
        }

        // Bounded so a run without parallelism reports "False" instead of hanging.
        var winner = await Task.WhenAny(BothArrived.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        return winner == BothArrived.Task;
    }
}
