using System.Diagnostics;
using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>One scenario's BrowserContext and its pages (windows).</summary>
internal sealed class PlaywrightSession : IBrowserSession, ISupportsTracing, ISupportsClientCertificates, ISupportsAccessibilityScan
{
    private readonly IBrowser browser;
    private readonly BrowserSessionOptions options;
    private readonly Lock sync = new();
    private readonly List<IPage> pages = [];
    private readonly Dictionary<IPage, string> handles = [];
    private readonly List<ClientCertificate> certificates = [];
    private readonly List<string> traceParts = [];
    private IBrowserContext context = null!;
    private TaskCompletionSource windowsChanged = NewSignal();
    private IPage current = null!;
    private int nextHandle;
    private string? tracingTitle;

    private PlaywrightSession(IBrowser browser, BrowserSessionOptions options)
    {
        this.browser = browser;
        this.options = options;
    }

    public string EngineName => "playwright";

    public string BrowserVersion => "chromium " + browser.Version;

    public Uri CurrentUrl => new(Current.Url);

    public LocatorMode Locators => options.Locators;

    public int WindowCount
    {
        get
        {
            lock (sync)
            {
                return pages.Count;
            }
        }
    }

    private IPage Current
    {
        get
        {
            lock (sync)
            {
                if (current.IsClosed && pages.Count > 0)
                {
                    current = pages[^1];
                }

                return current;
            }
        }
    }

    public static async Task<PlaywrightSession> CreateAsync(IBrowser browser, BrowserSessionOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(options.DownloadDirectory);
        var session = new PlaywrightSession(browser, options);
        if (options.ClientCertificate is { } certificate)
        {
            session.certificates.Add(ToPlaywright(certificate));
        }

        await session.OpenContextAsync(storageState: null, urls: ["about:blank"], currentIndex: 0);
        if (cancellationToken.IsCancellationRequested)
        {
            // Cancelled while the context opened: close it rather than leave it to the browser's end.
            await session.DisposeAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return session;
    }

    public Task NavigateAsync(Uri url, CancellationToken cancellationToken = default) =>
        RunAsync($"Navigating to {url}", async page => await page.GotoAsync(url.ToString()), cancellationToken);

    public Task ClickAsync(Target target, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            async page =>
            {
                await Locate(page, target, all: false).ClickAsync();
                return true;
            },
            reason => TargetText.Failure("Clicking", target, options.Locators, reason),
            cancellationToken,
            closingMeansDone: true);

    public Task FillAsync(Target target, string value, CancellationToken cancellationToken = default) =>
        RunAsync("Filling", target, locator => locator.FillAsync(value), cancellationToken);

    public Task SelectAsync(Target target, string optionValueOrLabel, CancellationToken cancellationToken = default) =>
        RunAsync($"Selecting '{optionValueOrLabel}' in", target, async locator =>
        {
            // Value first, then visible label: page objects hold whichever the manual shows.
            var byValue = await locator.EvaluateAsync<bool>("(el, v) => Array.from(el.options).some(o => o.value === v)", optionValueOrLabel);
            await locator.SelectOptionAsync(byValue ? new SelectOptionValue { Value = optionValueOrLabel } : new SelectOptionValue { Label = optionValueOrLabel });
        }, cancellationToken);

    public Task SetCheckedAsync(Target target, bool isChecked, CancellationToken cancellationToken = default) =>
        RunAsync(isChecked ? "Checking" : "Unchecking", target, locator => locator.SetCheckedAsync(isChecked), cancellationToken);

    public Task<bool> IsCheckedAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAsync("Reading the checked state of", target, locator => locator.IsCheckedAsync(), cancellationToken);

    public Task<string> ReadTextAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAsync("Reading the text of", target, async locator => (await locator.InnerTextAsync()).Trim(), cancellationToken);

    public Task<string?> ReadValueAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAsync("Reading the value of", target, async locator => (string?)await locator.InputValueAsync(), cancellationToken);

    public Task<IReadOnlyList<string>> ReadAllTextAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAllAsync("Reading every", target, async all =>
            (IReadOnlyList<string>)(await all.AllInnerTextsAsync()).Select(t => t.Trim()).ToList(), cancellationToken);

    public Task<int> CountAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAllAsync("Counting", target, all => all.CountAsync(), cancellationToken);

    public Task<bool> IsVisibleAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAsync("Checking the visibility of", target, locator => locator.IsVisibleAsync(), cancellationToken);

    public Task WaitForAsync(Target target, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        RunAsync("Waiting for", target, locator => locator.WaitForAsync(new LocatorWaitForOptions
        {
            State = WaitForSelectorState.Visible,
            Timeout = (float)(timeout ?? options.Timeout).TotalMilliseconds,
        }), cancellationToken);

    public Task<int> WaitForAnyAsync(IReadOnlyList<Target> targets, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var description = string.Join(" / ", targets.Select(t => t.Description));
        return ExecuteAsync(
            async page =>
            {
                var located = targets.Select(t => Locate(page, t, all: false)).ToList();
                var any = located.Skip(1).Aggregate(located[0], (all, next) => all.Or(next));
                await any.First.WaitForAsync(new LocatorWaitForOptions
                {
                    State = WaitForSelectorState.Visible,
                    Timeout = (float)(timeout ?? options.Timeout).TotalMilliseconds,
                });
                for (var i = 0; i < located.Count; i++)
                {
                    if (await located[i].IsVisibleAsync())
                    {
                        return i;
                    }
                }

                // Shown and gone again between the two looks: report as not found.
                throw new TimeoutException("the match disappeared again");
            },
            reason => $"Waiting for one of {description} failed: {TargetText.FirstLine(reason)}", cancellationToken);
    }

    public Task ClickAndWaitForNewDocumentAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAsync("Clicking and waiting for the server's answer to", target, async locator =>
        {
            // Any committed navigation of the window's main frame counts, also a POST answered at the same URL.
            var page = Current;
            var navigated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnNavigated(object? sender, IFrame frame)
            {
                if (frame == page.MainFrame)
                {
                    navigated.TrySetResult();
                }
            }

            page.FrameNavigated += OnNavigated;
            try
            {
                await locator.ClickAsync();
                await navigated.Task.WaitAsync(TimeSpan.FromMilliseconds(Math.Max(options.Timeout.TotalMilliseconds, 30_000)), cancellationToken);
                await PlaywrightLoadStates.ReachedAsync(page, LoadState.DOMContentLoaded);
            }
            finally
            {
                page.FrameNavigated -= OnNavigated;
            }
        }, cancellationToken);

    public Task<string> TitleAsync(CancellationToken cancellationToken = default) =>
        RunAsync("Reading the title", page => page.TitleAsync(), cancellationToken);

    public Task<string> ClickAndHandleDialogAsync(Target target, bool accept, CancellationToken cancellationToken = default) =>
        RunAsync(accept ? "Clicking and accepting the dialog of" : "Clicking and dismissing the dialog of", target, async locator =>
        {
            var page = Current;
            var message = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

            // Registered before the click: with a listener attached Playwright no longer auto-dismisses.
            async void Handler(object? sender, IDialog dialog)
            {
                page.Dialog -= Handler;
                message.TrySetResult(dialog.Message);
                try
                {
                    await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
                }
                catch (PlaywrightException)
                {
                    // The page went away with the dialog open; the click reports that.
                }
            }

            page.Dialog += Handler;
            try
            {
                await locator.ClickAsync();
                var appeared = await Task.WhenAny(message.Task, Task.Delay(options.Timeout, cancellationToken));
                if (appeared != message.Task)
                {
                    throw new BrowserException(TargetText.Failure("Clicking", target, options.Locators, "no confirm/alert dialog appeared"));
                }

                return await message.Task;
            }
            finally
            {
                page.Dialog -= Handler;
            }
        }, cancellationToken);

    public Task<string> ClickAndSwitchToNewWindowAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAsync("Clicking and switching to the window opened by", target, async locator =>
        {
            var opened = await context.RunAndWaitForPageAsync(() => locator.ClickAsync());
            await PlaywrightLoadStates.ReachedAsync(opened, LoadState.DOMContentLoaded);
            lock (sync)
            {
                Track(opened);
                current = opened;
                return handles[opened];
            }
        }, cancellationToken);

    public async Task CloseCurrentWindowAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var page = Current;
        if (!page.IsClosed)
        {
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            page.Close += (_, _) => closed.TrySetResult();
            try
            {
                // RunBeforeUnload behaves like the user's close; it does not wait, so we wait for Close.
                await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
            }
            catch (PlaywrightException) when (page.IsClosed)
            {
                // Closed meanwhile by its own window.close(): the goal is reached.
            }

            if (!page.IsClosed && await Task.WhenAny(closed.Task, Task.Delay(options.Timeout, cancellationToken)) != closed.Task)
            {
                throw new BrowserException($"Closing the window {page.Url} failed: it is still open (a beforeunload prompt?).");
            }
        }

        lock (sync)
        {
            pages.Remove(page);
            if (pages.Count > 0)
            {
                current = pages[^1];
            }

            SignalWindowsChanged();
        }
    }

    /// <summary>Ends on the pages' own open and close events (no polling).</summary>
    public async Task WaitForWindowCountAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = Stopwatch.StartNew();
        var wait = timeout ?? TimeSpan.FromSeconds(15);
        while (true)
        {
            Task changed;
            lock (sync)
            {
                if (pages.Count == count)
                {
                    return;
                }

                changed = windowsChanged.Task;
            }

            try
            {
                await changed.WaitAsync(Max(wait - limit.Elapsed, TimeSpan.Zero), cancellationToken);
            }
            catch (TimeoutException)
            {
                throw new BrowserException($"Expected {count} open window(s) but {WindowCount} are open.");
            }
        }
    }

    public Task<DownloadedFile> ClickAndDownloadAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAsync("Clicking and downloading from", target, async locator =>
        {
            var clock = Stopwatch.StartNew();
            var download = await Current.RunAndWaitForDownloadAsync(() => locator.ClickAsync());
            var path = UniquePath(options.DownloadDirectory, download.SuggestedFilename);

            // SaveAs waits for the browser's completion event, but for ever: a stalled download would hang the scenario.
            var saving = download.SaveAsAsync(path);
            var left = options.DownloadTimeout - clock.Elapsed;
            if (await Task.WhenAny(saving, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken)) != saving)
            {
                // Observed, so its failure after the cancel is not reported as an unobserved exception.
                _ = saving.ContinueWith(t => t.Exception, TaskScheduler.Default);
                await download.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException(
                    $"the download of {download.SuggestedFilename} from {download.Url} did not complete within {options.DownloadTimeout.TotalSeconds:0.#}s");
            }

            await saving;
            return new DownloadedFile(path, download.SuggestedFilename);
        }, cancellationToken);

    public Task<byte[]> ScreenshotAsync(bool fullPage = false, CancellationToken cancellationToken = default) =>
        RunAsync("Taking a screenshot", page => page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage, Type = ScreenshotType.Png }), cancellationToken);

    public Task<string> PageHtmlAsync(CancellationToken cancellationToken = default) =>
        RunAsync("Reading the page HTML", page => page.ContentAsync(), cancellationToken);

    public Task<IReadOnlyList<BrowserCookie>> CookiesAsync(CancellationToken cancellationToken = default) =>
        RunAsync("Reading cookies", async page =>
        {
            // Cookies the current page can see, as Selenium reports them.
            var cookies = page.Url.StartsWith("http", StringComparison.Ordinal)
                ? await context.CookiesAsync([page.Url])
                : [];
            return (IReadOnlyList<BrowserCookie>)cookies
                .Select(c => new BrowserCookie(c.Name, c.Value, c.Domain, c.Path, c.Secure, c.HttpOnly, c.SameSite.ToString()))
                .ToList();
        }, cancellationToken);

    /// <summary>Deque.AxeCore.Playwright on the current page, once it has loaded (its stylesheets decide contrast).</summary>
    public Task<AccessibilityScan> ScanAccessibilityAsync(CancellationToken cancellationToken = default) =>
        RunAsync("Scanning the page for accessibility", async page =>
        {
            await PlaywrightLoadStates.ReachedAsync(page, LoadState.Load);
            return AxeScans.ToScan(await page.RunAxe(AxeScans.Options()), new Uri(page.Url));
        }, cancellationToken);

    public async Task StartTracingAsync(string title, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        tracingTitle = title;
        traceParts.Clear();
        await context.Tracing.StartAsync(new TracingStartOptions { Title = title, Screenshots = false, Snapshots = true, Sources = false });
    }

    public async Task StopTracingAsync(string? path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (tracingTitle is null)
        {
            return;
        }

        tracingTitle = null;
        try
        {
            await context.Tracing.StopAsync(path is null ? new TracingStopOptions() : new TracingStopOptions { Path = path });
        }
        catch (PlaywrightException ex)
        {
            throw new BrowserException($"Stopping the trace failed: {Describe(ex)}", ex);
        }

        if (path is not null)
        {
            // Parts recorded before a client-certificate switch recreated the context sit beside the trace.
            for (var i = 0; i < traceParts.Count; i++)
            {
                var partPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $"{Path.GetFileNameWithoutExtension(path)}.part{i + 1}.zip");
                File.Move(traceParts[i], partPath, overwrite: true);
            }
        }
        else
        {
            traceParts.ForEach(File.Delete);
        }

        traceParts.Clear();
    }

    /// <summary>
    /// Playwright's client certificates belong to the context, so the context is recreated: cookies and
    /// local storage are carried over and the same URLs reopened, the current window staying current.
    /// </summary>
    public async Task UseClientCertificateAsync(Uri origin, string pfxPath, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!File.Exists(pfxPath))
        {
            throw new BrowserException($"Cannot use the client certificate for {origin}: '{pfxPath}' does not exist.");
        }

        // Checked once, before the context is replaced: stopping halfway would leave the session without its windows.
        cancellationToken.ThrowIfCancellationRequested();
        var originText = origin.GetLeftPart(UriPartial.Authority);
        certificates.RemoveAll(c => string.Equals(c.Origin, originText, StringComparison.OrdinalIgnoreCase));
        certificates.Add(ToPlaywright(new ClientCertificateFile(origin, pfxPath, password)));

        var state = await context.StorageStateAsync();
        List<string> urls;
        int currentIndex;
        lock (sync)
        {
            urls = pages.Select(p => p.Url).ToList();
            currentIndex = Math.Max(0, pages.IndexOf(current));
        }

        if (tracingTitle is not null)
        {
            var part = Path.Combine(Path.GetTempPath(), $"shinkin-trace-{Guid.NewGuid():N}.zip");
            await context.Tracing.StopAsync(new TracingStopOptions { Path = part });
            traceParts.Add(part);
        }

        var old = context;
        await OpenContextAsync(state, urls.Count > 0 ? urls : ["about:blank"], currentIndex);
        await old.CloseAsync();
        if (tracingTitle is not null)
        {
            await context.Tracing.StartAsync(new TracingStartOptions { Title = tracingTitle, Screenshots = false, Snapshots = true, Sources = false });
        }
    }

    /// <summary>Closes the context; a browser that is gone (crashed, killed) has nothing left to close, and that is no error.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (tracingTitle is not null)
            {
                await StopTracingAsync(null);
            }

            await context.CloseAsync();
        }
        catch (Exception ex) when ((ex is PlaywrightException || ex is BrowserException) && !browser.IsConnected)
        {
            // The browser process is gone; the factory starts a fresh one for the next session.
        }
    }

    private async Task OpenContextAsync(string? storageState, IReadOnlyList<string> urls, int currentIndex)
    {
        var contextOptions = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight },
            AcceptDownloads = true,
            StorageState = storageState,
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
        };
        if (certificates.Count > 0)
        {
            contextOptions.ClientCertificates = certificates.ToList();
        }

        IBrowserContext created;
        try
        {
            created = await browser.NewContextAsync(contextOptions);
        }
        catch (PlaywrightException ex)
        {
            throw new BrowserException($"Opening a browser context failed: {TargetText.FirstLine(ex.Message)}", ex);
        }

        created.SetDefaultTimeout((float)options.Timeout.TotalMilliseconds);
        created.SetDefaultNavigationTimeout((float)Math.Max(options.Timeout.TotalMilliseconds, 30_000));
        lock (sync)
        {
            context = created;
            pages.Clear();
            handles.Clear();
        }

        created.Page += (_, page) =>
        {
            lock (sync)
            {
                Track(page);
            }
        };

        var reopened = new List<IPage>();
        foreach (var url in urls)
        {
            var page = await created.NewPageAsync();
            if (!string.Equals(url, "about:blank", StringComparison.Ordinal))
            {
                try
                {
                    await page.GotoAsync(url);
                }
                catch (PlaywrightException ex)
                {
                    throw new BrowserException($"Reopening {url} in the new browser context failed: {TargetText.FirstLine(ex.Message)}", ex);
                }
            }

            reopened.Add(page);
        }

        lock (sync)
        {
            current = reopened[Math.Min(currentIndex, reopened.Count - 1)];
        }
    }

    private static ClientCertificate ToPlaywright(ClientCertificateFile file) =>
        new() { Origin = file.Origin.GetLeftPart(UriPartial.Authority), PfxPath = Path.GetFullPath(file.PfxPath), Passphrase = file.Password };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes <see cref="WaitForWindowCountAsync"/>; caller holds <see cref="sync"/>.</summary>
    private void SignalWindowsChanged()
    {
        var fired = windowsChanged;
        windowsChanged = NewSignal();
        fired.TrySetResult();
    }

    /// <summary>Caller holds <see cref="sync"/>.</summary>
    private void Track(IPage page)
    {
        if (handles.ContainsKey(page))
        {
            return;
        }

        handles[page] = string.Create(CultureInfo.InvariantCulture, $"page-{++nextHandle}");
        pages.Add(page);
        SignalWindowsChanged();
        page.Close += (_, closed) =>
        {
            lock (sync)
            {
                pages.Remove(closed);
                if (ReferenceEquals(current, closed) && pages.Count > 0)
                {
                    current = pages[^1];
                }

                SignalWindowsChanged();
            }
        };
    }

    private ILocator Locate(IPage page, Target target, bool all)
    {
        TargetText.RequireLocator(target, options.Locators);
        var locator = target.UsesTestId(options.Locators) ? page.GetByTestId(target.TestId!) : LocateByWhatUsersSee(page.Locator(":root"), target);
        return all ? locator : locator.Nth(target.IndexIn(options.Locators));
    }

    /// <summary>Playwright's own role, label and text locators; a scope (a list row) narrows the search first.</summary>
    private ILocator LocateByWhatUsersSee(ILocator root, Target target)
    {
        var scope = target.Within is { } within ? LocateByWhatUsersSee(root, within).Nth(within.Index) : root;
        return target switch
        {
            { Role: TargetRole.Action } => FilterByText(
                scope.GetByRole(AriaRole.Button, RoleOptions(target))
                    .Or(scope.GetByRole(AriaRole.Link, RoleOptions(target)))
                    .Or(scope.GetByRole(AriaRole.Tab, RoleOptions(target))),
                target),
            { Role: not TargetRole.None } => FilterByText(scope.GetByRole(ToAriaRole(target.Role), RoleOptions(target)), target),
            { Label: { } label } => scope.GetByLabel(label, new LocatorGetByLabelOptions { Exact = true }),
            { Text: { } text } => scope.GetByText(text).Filter(new LocatorFilterOptions { Visible = true }),
            { ValueOf: { } header } => scope.Locator("xpath=" + TargetText.ValueBesideXPath(header)),
            _ => throw new BrowserException($"Target {target.Description} has no label locator."),
        };
    }

    private static LocatorGetByRoleOptions? RoleOptions(Target target) =>
        target.Name is null ? null : new LocatorGetByRoleOptions { Name = target.Name, Exact = true };

    private static ILocator FilterByText(ILocator locator, Target target) =>
        target.HasText is null ? locator : locator.Filter(new LocatorFilterOptions { HasText = target.HasText });

    private static AriaRole ToAriaRole(TargetRole role) => role switch
    {
        TargetRole.Button => AriaRole.Button,
        TargetRole.Link => AriaRole.Link,
        TargetRole.TextBox => AriaRole.Textbox,
        TargetRole.CheckBox => AriaRole.Checkbox,
        TargetRole.Radio => AriaRole.Radio,
        TargetRole.ComboBox => AriaRole.Combobox,
        TargetRole.Tab => AriaRole.Tab,
        TargetRole.Heading => AriaRole.Heading,
        TargetRole.Cell => AriaRole.Cell,
        TargetRole.Row => AriaRole.Row,
        TargetRole.Dialog => AriaRole.Dialog,
        TargetRole.Main => AriaRole.Main,
        TargetRole.Banner => AriaRole.Banner,
        _ => throw new BrowserException($"Role {role} has no ARIA mapping."),
    };

    private Task RunAsync(string action, Target target, Func<ILocator, Task> operation, CancellationToken cancellationToken) =>
        RunAsync(
            action,
            target,
            async locator =>
            {
                await operation(locator);
                return true;
            },
            cancellationToken);

    private Task<T> RunAsync<T>(string action, Target target, Func<ILocator, Task<T>> operation, CancellationToken cancellationToken) =>
        ExecuteAsync(page => operation(Locate(page, target, all: false)), reason => TargetText.Failure(action, target, options.Locators, reason), cancellationToken);

    private Task<T> RunAllAsync<T>(string action, Target target, Func<ILocator, Task<T>> operation, CancellationToken cancellationToken) =>
        ExecuteAsync(page => operation(Locate(page, target, all: true)), reason => TargetText.Failure(action, target, options.Locators, reason), cancellationToken);

    private Task RunAsync(string action, Func<IPage, Task> operation, CancellationToken cancellationToken) =>
        ExecuteAsync(
            async page =>
            {
                await operation(page);
                return true;
            },
            reason => $"{action} failed: {TargetText.FirstLine(reason)}",
            cancellationToken);

    private Task<T> RunAsync<T>(string action, Func<IPage, Task<T>> operation, CancellationToken cancellationToken) =>
        ExecuteAsync(operation, reason => $"{action} failed: {TargetText.FirstLine(reason)}", cancellationToken);

    /// <summary>
    /// Runs on the current page; if that page closed itself meanwhile (window.close()), retries once on
    /// the window that is current now, as a user would simply carry on in the remaining window.
    /// </summary>
    /// <param name="closingMeansDone">
    /// For a click: when the window was open as the click started and is gone now, the click itself
    /// closed it (a [閉じる] button calling window.close()); repeating it in another window would be wrong.
    /// </param>
    /// <remarks>
    /// Playwright's .NET API takes no cancellation tokens: a cancelled token stops the operation before it
    /// touches the page, and one cancelled meanwhile stops the wait (Playwright's own timeout ends the call).
    /// </remarks>
    private async Task<T> ExecuteAsync<T>(Func<IPage, Task<T>> operation, Func<string, string> describe, CancellationToken cancellationToken, bool closingMeansDone = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var page = Current;
        var wasOpen = !page.IsClosed;
        try
        {
            return await operation(page).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (closingMeansDone && wasOpen && IsPlaywrightFailure(ex) && page.IsClosed)
        {
            return default!;
        }
        catch (Exception ex) when (IsPlaywrightFailure(ex) && page.IsClosed && WindowCount > 0)
        {
            try
            {
                return await operation(Current).WaitAsync(cancellationToken);
            }
            catch (Exception retry) when (IsPlaywrightFailure(retry))
            {
                throw new BrowserException(describe(retry.Message), retry);
            }
        }
        catch (Exception ex) when (IsPlaywrightFailure(ex))
        {
            throw new BrowserException(describe(Describe(ex)), ex);
        }
    }

    /// <summary>Playwright's message, saying first when the reason is that the browser process itself is gone.</summary>
    private string Describe(Exception ex) =>
        browser.IsConnected ? ex.Message : $"the browser process is gone (crashed or killed): {ex.Message}";

    /// <summary>Playwright reports timeouts as <see cref="TimeoutException"/>, everything else as <see cref="PlaywrightException"/>.</summary>
    private static bool IsPlaywrightFailure(Exception ex) => ex is PlaywrightException or TimeoutException;

    internal static string UniquePath(string directory, string suggestedName)
    {
        Directory.CreateDirectory(directory);
        var name = string.IsNullOrWhiteSpace(suggestedName) ? "download" : Path.GetFileName(suggestedName);
        var path = Path.Combine(directory, name);
        for (var i = 2; File.Exists(path); i++)
        {
            path = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(name)} ({i}){Path.GetExtension(name)}");
        }

        return path;
    }
}
