using Shinkin.Settings;

namespace Shinkin.Grid;

/// <summary>How to start a <see cref="LocalGrid"/>: the jar and Java, the browser and driver its node offers, what it trusts.</summary>
public sealed record GridOptions
{
    private static readonly BrowserOptions Defaults = new();

    /// <summary>The Selenium server jar (<see cref="SeleniumServerPackage.EnsureInstalledAsync"/>).</summary>
    public required string Jar { get; init; }

    public required JavaRuntime Java { get; init; }

    /// <summary>The hub's and the node's logs and the node's HOME (its NSS database) go here.</summary>
    public required string WorkFolder { get; init; }

    /// <summary>The browser every slot of the node starts (the stereotype's goog:chromeOptions.binary): Debian's chromium.</summary>
    public string ChromiumPath { get; init; } = Defaults.ChromiumPath;

    /// <summary>The driver the node runs per session: Debian's chromedriver.</summary>
    public string ChromeDriverPath { get; init; } = Defaults.ChromeDriverPath;

    /// <summary>CA certificates (PEM) the node's browsers trust, through the NSS database in the node's HOME.</summary>
    public IReadOnlyList<string> TrustedCaPemPaths { get; init; } = [];

    /// <summary>The hub's port on 127.0.0.1; 0 picks a free one.</summary>
    public int HubPort { get; init; }

    /// <summary>Browsers the node runs at once.</summary>
    public int MaxSessions { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long the hub may take to report a node ready: generous, since two JVMs start on a busy machine.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromMinutes(4);
}
