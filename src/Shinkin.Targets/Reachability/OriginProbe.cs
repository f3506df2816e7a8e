using System.Net;
using System.Net.Sockets;

namespace Shinkin.Targets;

/// <summary>
/// Whether a server answers: a TCP connection to each origin, no HTTP and no TLS (nothing is sent, so nothing needs
/// trusting yet). Only a refused connection, an unreachable host or network, an unknown name or no answer within
/// <see cref="Timeout"/> counts as not answering; an origin reached through a proxy is not probed (only the proxy could tell).
/// </summary>
public static class OriginProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The first of <paramref name="urls"/> whose origin does not answer, with the cause; null when every one answers.</summary>
    public static async Task<SilentOrigin?> FirstSilentAsync(IEnumerable<Uri> urls, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var origins = urls
            .Where(url => HttpClient.DefaultProxy.IsBypassed(url) || HttpClient.DefaultProxy.GetProxy(url) is null)
            .DistinctBy(url => url.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase);
        foreach (var url in origins)
        {
            var origin = url.GetLeftPart(UriPartial.Authority);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(url.Host, url.Port, timeout.Token);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostUnreachable
                or SocketError.NetworkUnreachable or SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData
                or SocketError.TimedOut or SocketError.NetworkDown)
            {
                return new SilentOrigin(origin, $"{ex.SocketErrorCode}: {ex.Message}");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new SilentOrigin(origin, $"{Timeout.TotalSeconds:0} 秒以内に応答なし / no answer within {Timeout.TotalSeconds:0} s");
            }
        }

        return null;
    }
}

/// <summary>An origin (scheme, host, port) that did not answer, and why.</summary>
public sealed record SilentOrigin(string Origin, string Cause)
{
    /// <summary>The server under test does not answer: names the origin and the cause, with <paramref name="hint"/> (Japanese) on what it may mean.</summary>
    public string AsServerUnderTest(string hint) =>
        $"試験対象サーバ {Origin} に接続できません。{hint} / the server under test does not answer ({Cause})";
}
