using Shinkin.Targets;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// Whether the server under test still answers: a TCP connection to each of its origins (the public site and the
/// certificate login), as <see cref="OriginProbe"/> makes it; the command line asks the same before a run starts.
/// </summary>
public static class TargetProbe
{
    /// <summary>Why the target does not answer, naming the origin and the cause; null when it answers.</summary>
    public static async Task<string?> ProblemAsync(SystemUnderTest system, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        return await OriginProbe.FirstSilentAsync([system.PublicUrl, system.CertificateUrl], cancellationToken) is { } silent
            ? silent.AsServerUnderTest("サーバが停止した可能性があります")
            : null;
    }
}

/// <summary>The server under test stopped answering: the scenario fails at once, naming the server and the cause.</summary>
public sealed class TargetUnreachableException : Exception
{
    public TargetUnreachableException()
    {
    }

    public TargetUnreachableException(string message)
        : base(message)
    {
    }

    public TargetUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
