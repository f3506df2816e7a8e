namespace Shinkin.ReferenceServer.Hosting;

/// <summary>Which of the two HTTPS endpoints a request came in on.</summary>
public enum ServerOrigin
{
    /// <summary>Public screens and the back office; never asks for a client certificate.</summary>
    Public,

    /// <summary>電子証明書ログイン and every page after it; asks for a client certificate.</summary>
    Certificate,
}

/// <summary>Set on each connection by the endpoint that accepted it.</summary>
public sealed class OriginFeature(ServerOrigin origin)
{
    public ServerOrigin Origin { get; } = origin;
}

/// <summary>The two origins, known once Kestrel has bound its ports.</summary>
public sealed class ServerEndpoints
{
    private Func<int>? _publicPort;
    private Func<int>? _certificatePort;

    public ServerEndpoints(string urlHost)
    {
        UrlHost = urlHost;
    }

    public string UrlHost { get; }

    public int PublicPort => _publicPort?.Invoke() ?? 0;

    public int CertificatePort => _certificatePort?.Invoke() ?? 0;

    public Uri PublicUrl => new($"https://{UrlHost}:{PublicPort}/");

    public Uri CertificateUrl => new($"https://{UrlHost}:{CertificatePort}/");

    public bool IsOwnHostName(string host) =>
        string.Equals(host, UrlHost, StringComparison.OrdinalIgnoreCase)
        || host is "127.0.0.1" or "[::1]"
        || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);

    public void Attach(Func<int> publicPort, Func<int> certificatePort)
    {
        _publicPort = publicPort;
        _certificatePort = certificatePort;
    }

    /// <summary>
    /// Absolute URL on the other origin. The browser's host name is kept only when it is one of the names the server
    /// certificate covers (cookies are per host); any other Host header (spoofed, or a proxy's) gets the configured origin.
    /// </summary>
    public string Url(ServerOrigin origin, string? requestHost, string path)
    {
        var host = requestHost is not null && IsOwnHostName(requestHost) ? requestHost : UrlHost;
        var port = origin == ServerOrigin.Public ? PublicPort : CertificatePort;
        return $"https://{host}:{port}{path}";
    }
}

public static class OriginHttpContextExtensions
{
    /// <summary>Requests that did not come through Kestrel's endpoints (in-memory test server) count as public.</summary>
    public static ServerOrigin GetOrigin(this HttpContext context) =>
        context.Features.Get<OriginFeature>()?.Origin ?? ServerOrigin.Public;
}
