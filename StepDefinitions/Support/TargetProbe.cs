using System.Net;
using System.Net.Sockets;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// Whether the server under test still answers: a TCP connection to each of its origins (the public site and the
/// certificate login), no HTTP, no TLS. Only a connection refused, an unreachable host or network, an unknown name or
/// no answer within <see cref="Timeout"/> counts as not answering; an origin reached through a proxy is not probed
/// (only the proxy could tell).
/// </summary>
public static class TargetProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Why the target does not answer, naming the origin and the cause; null when it answers.</summary>
    public static async Task<string?> ProblemAsync(SystemUnderTest system, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var origins = new[] { system.PublicUrl, system.CertificateUrl }
            .Where(url => HttpClient.DefaultProxy.IsBypassed(url) || HttpClient.DefaultProxy.GetProxy(url) is null)
            .DistinctBy(url => url.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase);
        foreach (var origin in origins)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(origin.Host, origin.Port, timeout.Token);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostUnreachable
                or SocketError.NetworkUnreachable or SocketError.HostNotFound or SocketError.TimedOut or SocketError.NetworkDown)
            {
                return Unreachable(origin, $"{ex.SocketErrorCode}: {ex.Message}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return Unreachable(origin, $"{Timeout.TotalSeconds:0} 秒以内に応答なし / no answer within {Timeout.TotalSeconds:0} s");
            }
        }

        return null;
    }

    private static string Unreachable(Uri origin, string cause) =>
        $"試験対象サーバ {origin.GetLeftPart(UriPartial.Authority)} に接続できません。サーバが停止した可能性があります"
        + $" / the server under test does not answer ({cause})";
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
