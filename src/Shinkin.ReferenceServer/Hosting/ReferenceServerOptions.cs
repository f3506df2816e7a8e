using Microsoft.Extensions.DependencyInjection;

namespace Shinkin.ReferenceServer;

/// <summary>How to start the reference server in-process (CLI, tests, harness).</summary>
public sealed record ReferenceServerOptions
{
    /// <summary>SQLite file, CA (PEM + key), server certificate and data-protection keys live here; created on first start, reused after.</summary>
    public required string DataDirectory { get; init; }

    public string Host { get; init; } = "127.0.0.1";

    /// <summary>HTTPS port of the public screens and the back office; 0 picks a free port.</summary>
    public int PublicPort { get; init; }

    /// <summary>HTTPS port that asks for client certificates (電子証明書ログイン and every page after it); 0 picks a free port.</summary>
    public int CertificatePort { get; init; }

    /// <summary>
    /// false: no <c>data-testid</c>, no <c>data-screen</c> and no hidden render-id input on any page
    /// (same as the configuration key "ReferenceServer:TestHooks"; either one set to false turns them off).
    /// </summary>
    public bool TestHooks { get; init; } = true;

    /// <summary>Runs last, so tests may replace services such as <see cref="TimeProvider"/>.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Configuration overrides, e.g. "Security:LockoutThreshold".</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();
}
