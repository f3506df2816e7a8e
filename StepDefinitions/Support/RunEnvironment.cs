using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Shinkin.Browsers;
using Shinkin.PageObjects;
using Shinkin.ReferenceServer;
using Shinkin.Reports.RunRecords;
using Shinkin.Settings;
using Shinkin.Targets;
using Shinkin.Targets.Pool;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// Everything a run shares across scenarios: the system under test (the embedded reference server
/// or a --target), the browser factory and the run record. One instance per run, registered in
/// Reqnroll's global container by <see cref="Hooks.RunHooks"/>; started lazily and thread-safely.
/// </summary>
public sealed class RunEnvironment : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SemaphoreSlim infoGate = new(1, 1);
    private RunningReferenceServer? embedded;
    private IBrowserSessionFactory? browsers;
    private SystemUnderTest? system;
    private readonly ConcurrentQueue<string> accountNotes = new();
    private readonly ConcurrentDictionary<string, bool> scannedScreens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ScenarioRecord>> earlierAttempts = new(StringComparer.Ordinal);
    private string browserVersion = "";
    private long lastAnswer;

    public RunEnvironment(RunSettings settings)
    {
        Settings = settings;
        Store = new RunRecordStore(settings.RunDirectory);
        BrowserOptions = settings.Browser;
        Started = DateTimeOffset.Now;
        if (settings.TargetProfile is { } path)
        {
            Profile = LoadProfile(path);
            Catalog = UiCatalog.Configure(Profile.Words);
            Pool = Profile.Accounts.Count > 0 ? AccountPool.Open(Profile) : null;
        }
        else
        {
            Catalog = UiCatalog.Current;
        }
    }

    /// <summary>The target profile the run is driven by (null: the embedded server or a bare --target).</summary>
    public TargetProfile? Profile { get; }

    /// <summary>The profile's account pool, for a target without the test-data API.</summary>
    public AccountPool? Pool { get; }

    public UiCatalog Catalog { get; }

    /// <summary>The pool's lease owner: the run folder's name.</summary>
    public string RunId => Path.GetFileName(Store.Folder);

    /// <summary>Records what the run did with a pool account (the run record lists it).</summary>
    public void NoteAccount(string note) => accountNotes.Enqueue(note);

    /// <summary>Claims a screen's accessibility scan: true for one caller per screen per run, until released.</summary>
    public bool ClaimScreenScan(string screenId) => scannedScreens.TryAdd(screenId, true);

    /// <summary>Gives a claimed screen back (its scan failed), so a later arrival scans it.</summary>
    public void ReleaseScreenScan(string screenId) => scannedScreens.TryRemove(screenId, out _);

    public RunSettings Settings { get; }

    public RunRecordStore Store { get; }

    public BrowserOptions BrowserOptions { get; private set; }

    public DateTimeOffset Started { get; }

    /// <summary>Writes the run's facts at once, so even a run without a browser leaves a complete record.</summary>
    public Task RecordStartAsync(CancellationToken cancellationToken = default) => WriteInfoAsync(end: null, cancellationToken);

    /// <summary>How long an answer of the server under test counts before it is probed again.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    /// <summary>Keeps a failed attempt that another follows (--retries) until the scenario's last attempt is recorded.</summary>
    public void KeepEarlierAttempt(ScenarioRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        earlierAttempts.AddOrUpdate(attempt.Id, [attempt], (_, kept) => [.. kept, attempt]);
    }

    /// <summary>The failed attempts kept for a scenario, first to last (empty when it ran once); they are forgotten here.</summary>
    public IReadOnlyList<ScenarioRecord> TakeEarlierAttempts(string scenarioId) =>
        earlierAttempts.TryRemove(scenarioId, out var kept) ? kept : [];

    /// <summary>Why the server under test does not answer now, or null when it does (or was never started).</summary>
    public Task<string?> TargetProblemAsync(CancellationToken cancellationToken = default) =>
        system is { } current ? TargetProbe.ProblemAsync(current, cancellationToken) : Task.FromResult<string?>(null);

    /// <summary>
    /// Starts the embedded server (unless a target is given) and records the run's facts; then, unless it answered within
    /// the last <see cref="ProbeInterval"/>, checks that the server still answers, so a server that died mid-run fails
    /// each remaining scenario at its first use of the server with <see cref="TargetUnreachableException"/>.
    /// </summary>
    public async Task<SystemUnderTest> SystemAsync(CancellationToken cancellationToken = default)
    {
        var current = system ?? await StartOnceAsync(cancellationToken);
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref lastAnswer)) >= ProbeInterval)
        {
            if (await TargetProbe.ProblemAsync(current, cancellationToken) is { } problem)
            {
                throw new TargetUnreachableException(problem);
            }

            Interlocked.Exchange(ref lastAnswer, Stopwatch.GetTimestamp());
        }

        return current;
    }

    private async Task<SystemUnderTest> StartOnceAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (system is null)
            {
                system = await StartSystemAsync(cancellationToken);
                await WriteInfoAsync(end: null, cancellationToken);
            }

            return system;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>One fresh browser session for a scenario.</summary>
    public async Task<IBrowserSession> NewBrowserSessionAsync(string downloadDirectory, ClientCertificateFile? certificate = null, CancellationToken cancellationToken = default)
    {
        await SystemAsync(cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            browsers ??= BrowserSessionFactories.Create(BrowserOptions);
        }
        finally
        {
            gate.Release();
        }

        var session = await browsers.CreateSessionAsync(new BrowserSessionOptions { DownloadDirectory = downloadDirectory, Locators = Settings.Locators, ClientCertificate = certificate }, cancellationToken);
        if (browserVersion.Length == 0)
        {
            browserVersion = session.BrowserVersion;
            await WriteInfoAsync(end: null, cancellationToken);
        }

        return session;
    }

    public async ValueTask DisposeAsync()
    {
        await WriteInfoAsync(DateTimeOffset.Now, CancellationToken.None);

        if (browsers is not null)
        {
            await browsers.DisposeAsync();
        }

        if (embedded is not null)
        {
            await embedded.DisposeAsync();
        }

        gate.Dispose();
        infoGate.Dispose();
    }

    private async Task<SystemUnderTest> StartSystemAsync(CancellationToken cancellationToken)
    {
        if (Profile is { } profile)
        {
            if (profile.Trust.CaFile is { } ca)
            {
                BrowserOptions = BrowserOptions with { TrustedCaPemPath = ca };
            }

            var key = profile.Capabilities.TestDataApi ? profile.ReadBackOfficeKey() : null;
            return new SystemUnderTest(profile.PublicUrl, profile.CertificateUrl, key, Embedded: null);
        }

        if (Settings.Target is { } target)
        {
            return new SystemUnderTest(target, Settings.TargetCertificateUrl ?? target, Settings.BackOfficeKey, Embedded: null);
        }

        var dataDir = Path.Combine(Settings.RunDirectory, "server-data");
        // In label mode the embedded server renders no test hooks at all, so a pass proves the harness needs none.
        embedded = await ReferenceServerHost.StartAsync(
            new ReferenceServerOptions { DataDirectory = dataDir, TestHooks = Settings.Locators == LocatorMode.TestIds },
            cancellationToken);
        BrowserOptions = BrowserOptions with { TrustedCaPemPath = embedded.CaCertificatePemPath };
        return new SystemUnderTest(embedded.PublicUrl, embedded.CertificateUrl, embedded.BackOfficeApiKey, embedded);
    }

    private async Task WriteInfoAsync(DateTimeOffset? end, CancellationToken cancellationToken)
    {
        await infoGate.WaitAsync(cancellationToken);
        try
        {
            await WriteInfoUnlockedAsync(end, cancellationToken);
        }
        finally
        {
            infoGate.Release();
        }
    }

    private Task WriteInfoUnlockedAsync(DateTimeOffset? end, CancellationToken cancellationToken) =>
        Store.WriteInfoAsync(
            new RunInfo
            {
                RunId = Path.GetFileName(Store.Folder),
                Start = Started,
                End = end,
                Target = system?.Embedded is not null ? $"内蔵リファレンスサーバ {system.PublicUrl}"
                    : system?.PublicUrl.ToString() ?? Settings.Target?.ToString() ?? "内蔵リファレンスサーバ（未起動）",
                Engine = BrowserOptions.Engine.ToString(),
                BrowserVersion = browserVersion,
                OperatingSystem = RuntimeInformation.OSDescription,
                Filter = Settings.Filter,
                Shard = Settings.Shard,
                Locators = Settings.Locators.Name(),
                TargetProfile = Profile?.DisplayPath,
                WordOverrides = Catalog.UsedOverrides.Select(o => $"{o.Key}: 「{o.Manual}」→「{o.Target}」").ToList(),
                Accounts = accountNotes.ToList(),
                Settings = Settings with { Browser = BrowserOptions },
                AccountsToRenew = end is null || Pool is null ? [] : Pool.ToRenew().Select(r => $"{r.Account.Id} ({r.Account.LoginId}): {r.Reason}").ToList(),
            },
            cancellationToken);

    /// <summary>A profile that cannot be used stops the run before any browser starts, naming every problem.</summary>
    private static TargetProfile LoadProfile(string path)
    {
        try
        {
            return TargetProfile.Load(path);
        }
        catch (TargetProfileException ex)
        {
            throw new InvalidOperationException("ターゲットプロファイルを使えません:" + Environment.NewLine + string.Join(Environment.NewLine, ex.Errors), ex);
        }
    }
}

/// <summary>The server the features run against.</summary>
public sealed record SystemUnderTest(Uri PublicUrl, Uri CertificateUrl, string? BackOfficeKey, RunningReferenceServer? Embedded);
