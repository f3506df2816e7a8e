using Shinkin.Settings;

namespace Shinkin.Reqnroll.NUnit.Execution;

/// <summary>The run folder's stop request (<see cref="RunStopRequest"/>), as this test host sees it.</summary>
internal static class StopRequest
{
    /// <summary>Why the command line asked the run to stop, or null while it goes on.</summary>
    public static string? Reason => RunStopRequest.Read(TestHostSettings.Current.RunDirectory);
}
