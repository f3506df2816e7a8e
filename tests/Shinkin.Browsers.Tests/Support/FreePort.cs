using System.Net;
using System.Net.Sockets;

namespace Shinkin.Browsers.Tests.Support;

internal static class FreePort
{
    /// <summary>A loopback port the OS has just handed out (released again for the caller to bind).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
