using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Shinkin.Browsers;

namespace Shinkin.Grid;

/// <summary>
/// A real Selenium Grid 4 on loopback: a hub and one node, two JVMs running the Selenium server jar. The node offers
/// Debian's chromium through Debian's chromedriver (no driver detection, no Selenium Manager, nothing downloaded) and runs
/// with a private HOME whose NSS database trusts the given CAs, as an operator would prepare a node. Every port is free
/// when picked; start-up waits for the hub's /status to report the node ready; disposing kills the node's process tree
/// (its drivers and browsers) and then the hub's.
/// </summary>
public sealed class LocalGrid : IAsyncDisposable
{
    private const int Attempts = 3;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private readonly GridProcess hub;
    private readonly GridProcess node;

    private LocalGrid(GridProcess hub, GridProcess node, Uri url, Uri nodeUrl, GridOptions options)
    {
        (this.hub, this.node) = (hub, node);
        (Url, NodeUrl) = (url, nodeUrl);
        Options = options;
    }

    /// <summary>The hub: the W3C endpoint a RemoteWebDriver (`./harness run --grid URL`) talks to.</summary>
    public Uri Url { get; }

    public Uri NodeUrl { get; }

    /// <summary>The node's HOME; its .pki/nssdb trusts <see cref="GridOptions.TrustedCaPemPaths"/>.</summary>
    public string NodeHome => HomeIn(Options.WorkFolder);

    public string HubLog => hub.LogFile;

    public string NodeLog => node.LogFile;

    public GridOptions Options { get; }

    /// <summary>Starts hub and node and returns once the hub reports the node ready; <see cref="GridSetupException"/> says why not.</summary>
    public static async Task<LocalGrid> StartAsync(GridOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Require(options.Jar, "the Selenium server jar", $"./harness grid installs it ({SeleniumServerPackage.Name} {SeleniumServerPackage.Version})");
        Require(options.ChromiumPath, "Chromium", "install Debian's chromium");
        Require(options.ChromeDriverPath, "chromedriver", "install Debian's chromium-driver");
        var work = Directory.CreateDirectory(options.WorkFolder).FullName;
        var home = await TrustingHomeAsync(HomeIn(work), options.TrustedCaPemPaths, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts(4);
            var hubPort = options.HubPort != 0 ? options.HubPort : ports[0];
            var (publish, subscribe, nodePort) = (ports[1], ports[2], ports[3]);
            var url = new Uri($"http://127.0.0.1:{hubPort}/");
            var bus = new[] { "--publish-events", $"tcp://127.0.0.1:{publish}", "--subscribe-events", $"tcp://127.0.0.1:{subscribe}" };
            var hub = GridProcess.Start(options.Java.Executable, [.. Jvm(options), "hub", "--host", "127.0.0.1", "--port", Port(hubPort), .. bus], Path.Combine(work, "hub.log"), null);
            var node = GridProcess.Start(
                options.Java.Executable,
                [.. Jvm(options), "node", "--host", "127.0.0.1", "--port", Port(nodePort), "--hub", url.ToString(), "--grid-url", url.ToString(), .. bus, .. NodeArguments(options)],
                Path.Combine(work, "node.log"),
                new Dictionary<string, string> { ["HOME"] = home, ["SE_OFFLINE"] = "true" });
            var failure = await WaitReadyAsync(url, hub, node, options.ReadyTimeout, cancellationToken);
            if (failure is null)
            {
                return new LocalGrid(hub, node, url, new Uri($"http://127.0.0.1:{nodePort}/"), options with { WorkFolder = work });
            }

            await node.DisposeAsync();
            await hub.DisposeAsync();
            var hubPortTaken = PortTaken(hub);
            if (hubPortTaken && options.HubPort != 0)
            {
                throw new GridSetupException($"port {hubPort} on 127.0.0.1 is in use: give another port (0 picks a free one). Hub log: {hub.LogFile}");
            }

            if (!(hubPortTaken || PortTaken(node)) || attempt == Attempts)
            {
                throw new GridSetupException($"the Selenium Grid did not start: {failure} (logs: {hub.LogFile}, {node.LogFile})");
            }
        }
    }

    /// <summary>The hub's GET /status now.</summary>
    public async Task<GridStatus> StatusAsync(CancellationToken cancellationToken = default) =>
        GridStatus.Parse(await Http.GetStringAsync(new Uri(Url, "status"), cancellationToken));

    /// <summary>Completes when the hub or the node ends by itself, saying which and where its log is; the token ends the wait.</summary>
    public async Task<string> WaitForUnexpectedExitAsync(CancellationToken cancellationToken)
    {
        var hubExit = hub.ExitedAsync(cancellationToken);
        var nodeExit = node.ExitedAsync(cancellationToken);
        var first = await Task.WhenAny(hubExit, nodeExit);
        await first;
        var (process, name) = first == hubExit ? (hub, "hub") : (node, "node");
        return $"the {name} exited with code {process.ExitCode}: {string.Join(" | ", Tools.Tail(process.LogFile, 3))} (log {process.LogFile})";
    }

    /// <summary>Kills the node's process tree (drivers, browsers) and then the hub's; waits for both.</summary>
    public async ValueTask DisposeAsync()
    {
        await node.DisposeAsync();
        await hub.DisposeAsync();
    }

    /// <summary>Everything the node is told beyond its address: one chromium slot kind, no driver detection, no Selenium Manager.</summary>
    internal static IReadOnlyList<string> NodeArguments(GridOptions options)
    {
        var sessions = Port(options.MaxSessions);
        var stereotype = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["browserName"] = "chrome",
            ["goog:chromeOptions"] = new Dictionary<string, string> { ["binary"] = options.ChromiumPath },
        });
        return
        [
            "--detect-drivers", "false",
            "--selenium-manager", "false",
            "--max-sessions", sessions,
            "--override-max-sessions", "true",
            // Offer registration every 2 s (not 10) and keep trying as long as start-up may take.
            "--register-cycle", "2",
            "--register-period", Port((int)options.ReadyTimeout.TotalSeconds),
            "--driver-configuration",
            "display-name=chromium",
            $"max-sessions={sessions}",
            $"webdriver-executable={options.ChromeDriverPath}",
            $"stereotype={stereotype}",
        ];
    }

    // Start-up is most of a test Grid's life: the client compiler alone and the serial collector cost two cores least.
    private static string[] Jvm(GridOptions options) => ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", options.Jar];

    private static string HomeIn(string workFolder) => Path.Combine(workFolder, "node-home");

    private static bool PortTaken(GridProcess process) => process.LogSays("Address already in use") || process.LogSays("BindException");

    private static string Port(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Require(string path, string what, string hint)
    {
        if (!File.Exists(path))
        {
            throw new GridSetupException($"{what} is not at {path}: {hint}");
        }
    }

    private static async Task<string> TrustingHomeAsync(string home, IReadOnlyList<string> caFiles, CancellationToken cancellationToken)
    {
        try
        {
            if (Directory.Exists(home))
            {
                Directory.Delete(home, recursive: true);
            }

            var store = await ChromiumTrustStore.CreateAsync(home, null, cancellationToken);
            foreach (var ca in caFiles)
            {
                await store.TrustCaAsync(Path.GetFullPath(ca), cancellationToken);
            }

            return store.Home;
        }
        catch (BrowserException ex)
        {
            throw new GridSetupException($"the node's certificate store cannot be prepared: {ex.Message}", ex);
        }
    }

    /// <summary>Null once the hub reports the node ready, else why it will not be.</summary>
    private static async Task<string?> WaitReadyAsync(Uri url, GridProcess hub, GridProcess node, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < timeout)
        {
            foreach (var (process, name) in new[] { (hub, "hub"), (node, "node") })
            {
                if (process.HasExited)
                {
                    return $"the {name} exited with code {process.ExitCode}: {string.Join(" | ", Tools.Tail(process.LogFile, 5))}";
                }
            }

            try
            {
                var status = GridStatus.Parse(await Http.GetStringAsync(new Uri(url, "status"), cancellationToken));
                if (status.AcceptsSessions)
                {
                    return null;
                }

                last = $"{status.Message} ({status.Nodes.Count} node(s))";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
            {
                last = ex.Message;
            }

            await Task.Delay(Poll, cancellationToken);
        }

        return $"the hub did not report a ready node within {timeout.TotalSeconds:0} s (last /status: {last}; node log: {string.Join(" | ", Tools.Tail(node.LogFile, 3))})";
    }

    /// <summary><paramref name="count"/> distinct loopback ports the OS has just handed out, released for the Grid to bind.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
