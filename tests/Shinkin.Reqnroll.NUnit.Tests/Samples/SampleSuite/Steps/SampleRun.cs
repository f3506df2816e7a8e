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
