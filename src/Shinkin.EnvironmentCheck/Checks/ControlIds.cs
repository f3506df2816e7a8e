namespace Shinkin.EnvironmentCheck.Checks;

/// <summary>The control ids of docs/ARCHITECTURE.md §6; reports, features and JSON consumers key on these.</summary>
public static class ControlIds
{
    public const string CookieShinkinIb = "IE-COOKIE-SHINKIN-IB";
    public const string CookieShinkin = "IE-COOKIE-SHINKIN";
    public const string TrustShinkinIb = "IE-TRUST-SHINKIN-IB";
    public const string TrustShinkin = "IE-TRUST-SHINKIN";
    public const string TrustProtectedMode = "IE-TRUST-PROTECTED-MODE";
    public const string Http11 = "IE-ADV-HTTP11";
    public const string ProxyHttp11 = "IE-ADV-PROXY-HTTP11";
    public const string Ssl2 = "IE-ADV-SSL2";
    public const string Ssl3 = "IE-ADV-SSL3";
    public const string Tls10 = "IE-ADV-TLS10";
    public const string Tls11 = "IE-ADV-TLS11";
    public const string Tls12 = "IE-ADV-TLS12";
    public const string Ssl3Fallback = "IE-ADV-SSL3-FALLBACK";

    public static IReadOnlyList<string> All { get; } =
    [
        CookieShinkinIb, CookieShinkin, TrustShinkinIb, TrustShinkin, TrustProtectedMode,
        Http11, ProxyHttp11, Ssl2, Ssl3, Tls10, Tls11, Tls12, Ssl3Fallback,
    ];
}

/// <summary>The bank domains the manual registers (cookies allowed, trusted sites).</summary>
public static class BankDomains
{
    public const string ShinkinIb = "shinkin-ib.jp";
    public const string Shinkin = "shinkin.jp";

    public static IReadOnlyList<string> All { get; } = [ShinkinIb, Shinkin];

    public static bool Contains(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var bare = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        return All.Any(d => bare.Equals(d, StringComparison.OrdinalIgnoreCase) || bare.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>SecureProtocols bits as the 詳細設定 tab shows them.</summary>
public static class SecureProtocolBits
{
    public const uint Ssl2 = 0x8;
    public const uint Ssl3 = 0x20;
    public const uint Tls10 = 0x80;
    public const uint Tls11 = 0x200;
    public const uint Tls12 = 0x800;
    public const uint Tls13 = 0x2000;
}
