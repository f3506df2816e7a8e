using Shinkin.Settings;
namespace Shinkin.Browsers;

/// <summary>
/// One browser tab-set for one scenario, engine-neutral. Page objects talk only to this.
/// Every member is async; implementations wait for the target to be visible and enabled (auto-wait).
/// </summary>
public interface IBrowserSession : IAsyncDisposable
{
    /// <summary>Engine name for reports: "playwright" or "selenium".</summary>
    string EngineName { get; }

    /// <summary>Browser name and version, e.g. "chromium 156.0.8078.73".</summary>
    string BrowserVersion { get; }

    /// <summary>How this session finds targets (label mode by default).</summary>
    LocatorMode Locators { get; }

    /// <summary>URL of the current window.</summary>
    Uri CurrentUrl { get; }

    Task NavigateAsync(Uri url, CancellationToken cancellationToken = default);

    Task ClickAsync(Target target, CancellationToken cancellationToken = default);

    Task FillAsync(Target target, string value, CancellationToken cancellationToken = default);

    Task SelectAsync(Target target, string optionValueOrLabel, CancellationToken cancellationToken = default);

    Task SetCheckedAsync(Target target, bool isChecked, CancellationToken cancellationToken = default);

    Task<bool> IsCheckedAsync(Target target, CancellationToken cancellationToken = default);

    Task<string> ReadTextAsync(Target target, CancellationToken cancellationToken = default);

    Task<string?> ReadValueAsync(Target target, CancellationToken cancellationToken = default);

    /// <summary>Inner text of every match, in document order (table columns, lists).</summary>
    Task<IReadOnlyList<string>> ReadAllTextAsync(Target target, CancellationToken cancellationToken = default);

    /// <summary>How many elements currently match (0 when none); does not wait.</summary>
    Task<int> CountAsync(Target target, CancellationToken cancellationToken = default);

    /// <summary>True when the target is visible now; does not wait.</summary>
    Task<bool> IsVisibleAsync(Target target, CancellationToken cancellationToken = default);

    /// <summary>Waits until the target is visible or the timeout runs out (then throws <see cref="BrowserException"/>).</summary>
    Task WaitForAsync(Target target, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until one of <paramref name="targets"/> is visible and returns the index of the first visible one
    /// (in list order); throws <see cref="BrowserException"/> on timeout. The engine's own wait, not a loop of the caller.
    /// </summary>
    Task<int> WaitForAnyAsync(IReadOnlyList<Target> targets, TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Clicks the target and waits for the server's answer: a new document in the current window (a form post,
    /// even one answered with the same screen and a message, or a link). Use only where the click navigates.
    /// </summary>
    Task ClickAndWaitForNewDocumentAsync(Target target, CancellationToken cancellationToken = default);

    /// <summary>Page title of the current window.</summary>
    Task<string> TitleAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Clicks the target and answers the confirm/alert it raises.
    /// Returns the dialog's message. Throws when no dialog appears.
    /// </summary>
    Task<string> ClickAndHandleDialogAsync(Target target, bool accept, CancellationToken cancellationToken = default);

    /// <summary>Clicks the target, switches to the window it opens and returns that window's handle.</summary>
    Task<string> ClickAndSwitchToNewWindowAsync(Target target, CancellationToken cancellationToken = default);

    /// <summary>Closes the current window (as the user's [閉じる]) and switches to the most recent remaining one.</summary>
    Task CloseCurrentWindowAsync(CancellationToken cancellationToken = default);

    /// <summary>Number of open windows (tabs/pop-ups) in this session.</summary>
    int WindowCount { get; }

    /// <summary>
    /// Waits until <see cref="WindowCount"/> equals <paramref name="count"/> (a pop-up that closes itself with
    /// window.close() goes away asynchronously); throws <see cref="BrowserException"/> on timeout.
    /// </summary>
    async Task WaitForWindowCountAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (WindowCount != count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new BrowserException($"Expected {count} open window(s) but {WindowCount} are open.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Clicks the target and saves the file it downloads; returns the saved file's path.</summary>
    Task<DownloadedFile> ClickAndDownloadAsync(Target target, CancellationToken cancellationToken = default);

    /// <summary>PNG of the current viewport (full page when <paramref name="fullPage"/>).</summary>
    Task<byte[]> ScreenshotAsync(bool fullPage = false, CancellationToken cancellationToken = default);

    /// <summary>Serialised DOM of the current window.</summary>
    Task<string> PageHtmlAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BrowserCookie>> CookiesAsync(CancellationToken cancellationToken = default);
}

public sealed record DownloadedFile(string Path, string SuggestedFileName);

public sealed record BrowserCookie(string Name, string Value, string Domain, string Path, bool Secure, bool HttpOnly, string? SameSite);

/// <summary>Optional ability: record a trace (Playwright) that is saved when a scenario fails.</summary>
public interface ISupportsTracing
{
    Task StartTracingAsync(string title, CancellationToken cancellationToken = default);

    /// <summary>Stops tracing; writes the trace to <paramref name="path"/> when given, discards it otherwise.</summary>
    Task StopTracingAsync(string? path, CancellationToken cancellationToken = default);
}

/// <summary>
/// Optional ability: present a client certificate (PKCS#12) to an origin, as the browser's
/// certificate-selection dialog would after the user picks it.
/// </summary>
public interface ISupportsClientCertificates
{
    /// <summary>Makes the session present this certificate to <paramref name="origin"/> from now on.</summary>
    Task UseClientCertificateAsync(Uri origin, string pfxPath, string? password, CancellationToken cancellationToken = default);
}

/// <summary>Creates one session per scenario.</summary>
public interface IBrowserSessionFactory : IAsyncDisposable
{
    string EngineName { get; }

    Task<IBrowserSession> CreateSessionAsync(BrowserSessionOptions options, CancellationToken cancellationToken = default);
}

/// <summary>A PKCS#12 file and its password, presented to <paramref name="Origin"/> (scheme, host and port).</summary>
public sealed record ClientCertificateFile(Uri Origin, string PfxPath, string? Password);

public sealed record BrowserSessionOptions
{
    /// <summary>Folder for downloads of this session (created when missing).</summary>
    public required string DownloadDirectory { get; init; }

    /// <summary>Default timeout for auto-waits.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    public int ViewportWidth { get; init; } = 1280;

    public int ViewportHeight { get; init; } = 800;

    /// <summary>How targets are found: the manual's words (default) or the reference server's test ids.</summary>
    public LocatorMode Locators { get; init; } = LocatorMode.Labels;

    /// <summary>
    /// A client certificate the session presents from its start, when it is known before the first page: the same as
    /// <see cref="ISupportsClientCertificates.UseClientCertificateAsync"/> right after the start, without recreating the
    /// Playwright context or restarting Selenium's browser. Sessions without <see cref="ISupportsClientCertificates"/> ignore it.
    /// </summary>
    public ClientCertificateFile? ClientCertificate { get; init; }

    /// <summary>How long a click's download may take to start and to complete: two waits, so twice <see cref="Timeout"/>.</summary>
    internal TimeSpan DownloadTimeout => Timeout + Timeout;
}

/// <summary>A browser operation failed; the message names the target's description.</summary>
public sealed class BrowserException : Exception
{
    public BrowserException()
    {
    }

    public BrowserException(string message)
        : base(message)
    {
    }

    public BrowserException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
