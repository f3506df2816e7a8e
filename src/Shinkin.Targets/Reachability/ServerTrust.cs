using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Shinkin.Targets;

/// <summary>
/// Whether a server's TLS certificate is trusted the way the run's browsers will trust it: through the system store, or
/// through one CA given as a PEM file (the target's own CA). The host name must match either way; a CA only stands in
/// for the system's roots, never for the name check.
/// </summary>
public static class ServerTrust
{
    /// <summary>The certificate is trusted: the system accepts it, or only its chain failed and it chains to <paramref name="ca"/>.</summary>
    public static bool Accepts(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2? ca) =>
        Problem(certificate, errors, ca) is null;

    /// <summary>Why the certificate is not trusted (for people), or null when it is.</summary>
    public static string? Problem(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2? ca)
    {
        if (errors == SslPolicyErrors.None)
        {
            return null;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "サーバが証明書を提示しません / the server presented no certificate";
        }

        using var leaf = new X509Certificate2(certificate);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"証明書がこのホスト名のものではありません / the certificate is not for this host name (it is for {leaf.GetNameInfo(X509NameType.DnsName, forIssuer: false)})";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (ca is not null)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
        }

        if (chain.Build(leaf))
        {
            return null;
        }

        var statuses = string.Join(", ", chain.ChainStatus.Select(s => s.Status).Distinct());
        return ca is null
            ? $"証明書を信頼できません（発行者 {leaf.Issuer}）/ the certificate is not trusted by the system ({statuses})"
            : $"証明書が指定の CA につながりません（発行者 {leaf.Issuer}、CA {ca.Subject}）/ the certificate does not chain to the given CA ({statuses})";
    }

    /// <summary>
    /// A TLS handshake with <paramref name="url"/>'s origin, trusting <paramref name="caPemPath"/> (or the system store when
    /// null): why the server is not trusted or the handshake fails, or null when it succeeds. Nothing is sent after it.
    /// </summary>
    public static async Task<string?> HandshakeProblemAsync(Uri url, string? caPemPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var ca = caPemPath is null ? null : X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(caPemPath, cancellationToken));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(OriginProbe.Timeout);
        string? problem = null;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(url.Host, url.Port, timeout.Token);
            await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, errors) =>
            {
                problem = Problem(certificate, errors, ca);
                return problem is null;
            });
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = url.IdnHost }, timeout.Token);
            return null;
        }
        catch (AuthenticationException ex)
        {
            return problem ?? $"TLS のハンドシェイクに失敗しました / the TLS handshake failed ({ex.Message})";
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            return problem ?? $"TLS のハンドシェイクに失敗しました / the TLS handshake failed ({ex.Message})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"TLS のハンドシェイクが {OriginProbe.Timeout.TotalSeconds:0} 秒以内に終わりません / no TLS answer within {OriginProbe.Timeout.TotalSeconds:0} s";
        }
    }
}
