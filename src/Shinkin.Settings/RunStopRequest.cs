namespace Shinkin.Settings;

/// <summary>
/// A run asked to stop early (Ctrl+C or SIGTERM on the command line): a file in the run folder that the command line
/// writes and the test host looks for before it starts each scenario. Scenarios already running finish and are reported;
/// the ones not started are not run, so the run ends normally (hooks, formatters) with a partial record.
/// </summary>
public static class RunStopRequest
{
    public const string FileName = "stop-requested";

    public static string PathIn(string runDirectory) => Path.Combine(runDirectory, FileName);

    /// <summary>Asks the test host of <paramref name="runDirectory"/> to start no further scenario; <paramref name="reason"/> is what the reports say.</summary>
    public static void Write(string runDirectory, string reason)
    {
        Directory.CreateDirectory(runDirectory);
        File.WriteAllText(PathIn(runDirectory), reason);
    }

    /// <summary>Why the run was asked to stop, or null when it was not.</summary>
    public static string? Read(string runDirectory)
    {
        var path = PathIn(runDirectory);
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (IOException)
        {
            // Being written right now: it is there, the reason follows.
            return "stop requested";
        }
    }
}
