using System.Collections.ObjectModel;
using System.Diagnostics;
using OpenQA.Selenium;
using OpenQA.Selenium.Chromium;
using OpenQA.Selenium.Support.UI;
using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>
/// A session over any WebDriver (local chromedriver, a W3C grid endpoint, IEDriverServer).
/// Selenium's API is synchronous; the waits between polls are asynchronous.
/// </summary>
internal class SeleniumSession : IBrowserSession
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly List<string> windowOrder = [];

    public SeleniumSession(IWebDriver driver, BrowserSessionOptions options, string browserName)
    {
        Driver = driver;
        Options = options;
        BrowserName = browserName;
        Directory.CreateDirectory(options.DownloadDirectory);
        Adopt(driver);
    }

    public string EngineName => "selenium";

    public string BrowserVersion => $"{BrowserName} {(Driver as IHasCapabilities)?.Capabilities.GetCapability("browserVersion")}".Trim();

    public Uri CurrentUrl => Act(() => new Uri(Driver.Url), reason => $"Reading the URL failed: {reason}");

    public int WindowCount
    {
        get
        {
            try
            {
                return Driver.WindowHandles.Count;
            }
            catch (WebDriverException ex) when (IsBrowserGone(ex))
            {
                return 0;
            }
            catch (WebDriverException ex)
            {
                throw new BrowserException($"Counting windows failed: {TargetText.FirstLine(ex.Message)}", ex);
            }
        }
    }

    protected IWebDriver Driver { get; private set; }

    protected BrowserSessionOptions Options { get; }

    public LocatorMode Locators => Options.Locators;

    private string BrowserName { get; }

    // WebDriver calls block and take no token: each operation checks the token before it starts, and waits poll it.
    public Task NavigateAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureWindow();
        Act(() => Driver.Navigate().GoToUrl(url), reason => $"Navigating to {url} failed: {reason}");

        // Chromium shows its own error page (TLS, DNS, refused) instead of failing the command; Playwright throws.
        if (Act(() => ((IJavaScriptExecutor)Driver).ExecuteScript(ElementScripts.ErrorPage), reason => reason) is string error)
        {
            throw new BrowserException($"Navigating to {url} failed: the browser shows its error page '{error}'.");
        }

        return Task.CompletedTask;
    }

    public async Task ClickAsync(Target target, CancellationToken cancellationToken = default) =>
        await InteractAsync("Clicking", target, element => element.Click(), cancellationToken);

    public async Task FillAsync(Target target, string value, CancellationToken cancellationToken = default) =>
        await InteractAsync("Filling", target, element =>
        {
            element.Clear();
            element.SendKeys(value);
        }, cancellationToken);

    public async Task SelectAsync(Target target, string optionValueOrLabel, CancellationToken cancellationToken = default) =>
        await InteractAsync($"Selecting '{optionValueOrLabel}' in", target, element =>
        {
            var select = new SelectElement(element);
            if (select.Options.Any(o => o.GetDomProperty("value") == optionValueOrLabel))
            {
                select.SelectByValue(optionValueOrLabel);
            }
            else
            {
                select.SelectByText(optionValueOrLabel);
            }
        }, cancellationToken);

    public async Task SetCheckedAsync(Target target, bool isChecked, CancellationToken cancellationToken = default) =>
        await InteractAsync(isChecked ? "Checking" : "Unchecking", target, element =>
        {
            if (element.Selected != isChecked)
            {
                element.Click();
            }
        }, cancellationToken);

    public Task<bool> IsCheckedAsync(Target target, CancellationToken cancellationToken = default) =>
        FreshAsync(async () => (await FindAsync("Reading the checked state of", target, visible: false, cancellationToken)).Selected, cancellationToken);

    public Task<string> ReadTextAsync(Target target, CancellationToken cancellationToken = default) =>
        FreshAsync(
            async () =>
            {
                var element = await FindAsync("Reading the text of", target, visible: true, cancellationToken);
                return Act(() => element.Text.Trim(), reason => TargetText.Failure("Reading the text of", target, Options.Locators, reason));
            },
            cancellationToken);

    public Task<string?> ReadValueAsync(Target target, CancellationToken cancellationToken = default) =>
        FreshAsync(
            async () =>
            {
                var element = await FindAsync("Reading the value of", target, visible: false, cancellationToken);
                return Act(() => element.GetDomProperty("value"), reason => TargetText.Failure("Reading the value of", target, Options.Locators, reason));
            },
            cancellationToken);

    public Task<IReadOnlyList<string>> ReadAllTextAsync(Target target, CancellationToken cancellationToken = default) =>
        FreshAsync(
            () => Task.FromResult<IReadOnlyList<string>>(
                Act(() => Matches(target).Select(e => e.Text.Trim()).ToList(), reason => TargetText.Failure("Reading every", target, Options.Locators, reason))),
            cancellationToken);

    public Task<int> CountAsync(Target target, CancellationToken cancellationToken = default) =>
        FreshAsync(() => Task.FromResult(Act(() => Matches(target).Count, reason => TargetText.Failure("Counting", target, Options.Locators, reason))), cancellationToken);

    public Task<bool> IsVisibleAsync(Target target, CancellationToken cancellationToken = default) =>
        FreshAsync(
            () => Task.FromResult(Act(
                () =>
                {
                    var matches = Matches(target);
                    return matches.Count > target.IndexIn(Options.Locators) && matches[target.IndexIn(Options.Locators)].Displayed;
                },
                reason => TargetText.Failure("Checking the visibility of", target, Options.Locators, reason))),
            cancellationToken);

    public async Task WaitForAsync(Target target, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        await FindAsync("Waiting for", target, visible: true, cancellationToken, timeout);

    public async Task<int> WaitForAnyAsync(IReadOnlyList<Target> targets, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var wait = timeout ?? Options.Timeout;
        var found = await PollAsync(
            () =>
            {
                for (var i = 0; i < targets.Count; i++)
                {
                    try
                    {
                        var matches = Matches(targets[i]);
                        if (matches.Count > targets[i].IndexIn(Options.Locators) && matches[targets[i].IndexIn(Options.Locators)].Displayed)
                        {
                            return (object)i;
                        }
                    }
                    catch (WebDriverException ex) when (ex is not NoSuchWindowException and not UnhandledAlertException)
                    {
                        // Mid-navigation: look again.
                    }
                }

                return null;
            },
            wait,
            cancellationToken);
        return found is int index
            ? index
            : throw new BrowserException($"Waiting for one of {string.Join(" / ", targets.Select(t => t.Description))} failed: none visible within {wait.TotalSeconds:0.#}s at {CurrentUrl}");
    }

    /// <summary>The old document's root goes stale when the server's answer replaces it (WebDriver's own signal).</summary>
    public async Task ClickAndWaitForNewDocumentAsync(Target target, CancellationToken cancellationToken = default)
    {
        const string action = "Clicking and waiting for the server's answer to";
        EnsureWindow();
        var root = Act(() => Driver.FindElement(By.TagName("html")), reason => TargetText.Failure(action, target, Options.Locators, reason));
        await InteractAsync(action, target, element => element.Click(), cancellationToken);
        var replaced = await PollAsync(
            () =>
            {
                try
                {
                    _ = root.TagName;
                    return null;
                }
                catch (StaleElementReferenceException)
                {
                    return (object)true;
                }
                catch (WebDriverException ex) when (IsReplacedDocument(ex))
                {
                    return true;
                }
            },
            Options.Timeout,
            cancellationToken);
        if (replaced is null)
        {
            throw new BrowserException(TargetText.Failure(action, target, Options.Locators, $"no new document within {Options.Timeout.TotalSeconds:0.#}s"));
        }
    }

    public Task<string> TitleAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureWindow();
        return Task.FromResult(Act(() => Driver.Title, reason => $"Reading the title failed: {reason}"));
    }

    public async Task<string> ClickAndHandleDialogAsync(Target target, bool accept, CancellationToken cancellationToken = default)
    {
        var action = accept ? "Clicking and accepting the dialog of" : "Clicking and dismissing the dialog of";
        await InteractAsync(action, target, element => element.Click(), cancellationToken);
        var alert = await PollAsync(
            () =>
            {
                try
                {
                    return Driver.SwitchTo().Alert();
                }
                catch (NoAlertPresentException)
                {
                    return null;
                }
            },
            Options.Timeout,
            cancellationToken);
        if (alert is null)
        {
            throw new BrowserException(TargetText.Failure(action, target, Options.Locators, "no confirm/alert dialog appeared"));
        }

        var message = alert.Text ?? string.Empty;
        if (accept)
        {
            alert.Accept();
        }
        else
        {
            alert.Dismiss();
        }

        return message;
    }

    public async Task<string> ClickAndSwitchToNewWindowAsync(Target target, CancellationToken cancellationToken = default)
    {
        const string action = "Clicking and switching to the window opened by";
        var before = Act(() => Driver.WindowHandles.ToHashSet(StringComparer.Ordinal), reason => TargetText.Failure(action, target, Options.Locators, reason));
        await InteractAsync(action, target, element => element.Click(), cancellationToken);
        var opened = await PollAsync(() => Driver.WindowHandles.FirstOrDefault(h => !before.Contains(h)), Options.Timeout, cancellationToken)
            ?? throw new BrowserException(TargetText.Failure(action, target, Options.Locators, "no new window opened"));
        SwitchTo(opened);
        await PollAsync(
            () => ((IJavaScriptExecutor)Driver).ExecuteScript("return document.readyState") is "complete" ? "ready" : null,
            Options.Timeout,
            cancellationToken);
        return opened;
    }

    public Task CloseCurrentWindowAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Driver.Close();
        }
        catch (NoSuchWindowException)
        {
            // Already closed by the page itself (window.close()).
        }
        catch (WebDriverException ex) when (IsBrowserGone(ex))
        {
            // The page closed the last window itself; ChromeDriver ended the session with it.
            return Task.CompletedTask;
        }

        SwitchToMostRecent();
        return Task.CompletedTask;
    }

    public async Task<DownloadedFile> ClickAndDownloadAsync(Target target, CancellationToken cancellationToken = default)
    {
        const string action = "Clicking and downloading from";
        var folder = DownloadFolder.Watch(Options.DownloadDirectory);
        await InteractAsync(action, target, element => element.Click(), cancellationToken);
        var saved = await folder.WaitForCompletedFileAsync(Options.DownloadTimeout, cancellationToken);
        return saved is null
            ? throw new BrowserException(TargetText.Failure(
                action, target, Options.Locators, $"no complete download in {folder.Path} within {Options.DownloadTimeout.TotalSeconds:0.#}s; {folder.Seen}"))
            : new DownloadedFile(saved, Path.GetFileName(saved));
    }

    public Task<byte[]> ScreenshotAsync(bool fullPage = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureWindow();
        return Task.FromResult(Act(
            () =>
            {
                if (fullPage && Driver is ChromiumDriver chromium)
                {
                    var metrics = chromium.ExecuteCdpCommand("Page.getLayoutMetrics", []) as Dictionary<string, object?>;
                    if (metrics?.GetValueOrDefault("cssContentSize") is Dictionary<string, object?> size)
                    {
                        var shot = chromium.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?>
                        {
                            ["format"] = "png",
                            ["captureBeyondViewport"] = true,
                            ["clip"] = new Dictionary<string, object?>
                            {
                                ["x"] = 0, ["y"] = 0, ["width"] = size["width"], ["height"] = size["height"], ["scale"] = 1,
                            },
                        }) as Dictionary<string, object?>;
                        if (shot?.GetValueOrDefault("data") is string data)
                        {
                            return Convert.FromBase64String(data);
                        }
                    }
                }

                return ((ITakesScreenshot)Driver).GetScreenshot().AsByteArray;
            },
            reason => $"Taking a screenshot failed: {reason}"));
    }

    public Task<string> PageHtmlAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureWindow();
        return Task.FromResult(Act(() => Driver.PageSource, reason => $"Reading the page HTML failed: {reason}"));
    }

    public Task<IReadOnlyList<BrowserCookie>> CookiesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        EnsureWindow();
        return Task.FromResult<IReadOnlyList<BrowserCookie>>(Act(
            () => Driver.Manage().Cookies.AllCookies
                .Select(c => new BrowserCookie(c.Name, c.Value, c.Domain ?? string.Empty, c.Path ?? "/", c.Secure, c.IsHttpOnly, c.SameSite))
                .ToList(),
            reason => $"Reading cookies failed: {reason}"));
    }

    /// <summary>
    /// axe-core injected through WebDriver once the document has loaded. Public here, offered as
    /// <see cref="ISupportsAccessibilityScan"/> only by the Chromium sessions: axe-core does not run in IE mode's engine.
    /// </summary>
    public async Task<AccessibilityScan> ScanAccessibilityAsync(CancellationToken cancellationToken = default)
    {
        const string action = "Scanning the page for accessibility";
        EnsureWindow();
        var loaded = await PollAsync(
            () =>
            {
                try
                {
                    return ((IJavaScriptExecutor)Driver).ExecuteScript("return document.readyState") is "complete" ? "loaded" : null;
                }
                catch (WebDriverException ex) when (ex is not NoSuchWindowException)
                {
                    // Mid-navigation: look again.
                    return null;
                }
            },
            Options.Timeout,
            cancellationToken);
        if (loaded is null)
        {
            throw new BrowserException($"{action} failed: {CurrentUrl} did not finish loading within {Options.Timeout.TotalSeconds:0.#}s");
        }

        // Injecting axe-core (650 kB of script) and running it may take longer than a control's auto-wait on a busy machine.
        var timeouts = Driver.Manage().Timeouts();
        timeouts.AsynchronousJavaScript = TimeSpan.FromMilliseconds(Math.Max(Options.Timeout.TotalMilliseconds, 60_000));
        try
        {
            var result = Act(() => AxeScans.RunThroughWebDriver((IJavaScriptExecutor)Driver), reason => $"{action} failed: {reason}");
            return AxeScans.ToScan(result, CurrentUrl);
        }
        finally
        {
            timeouts.AsynchronousJavaScript = Options.Timeout;
        }
    }

    public virtual ValueTask DisposeAsync()
    {
        QuitDriver();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected void QuitDriver()
    {
        try
        {
            Driver.Quit();
        }
        catch (WebDriverException ex)
        {
            Trace.TraceWarning($"Quitting the browser failed: {ex.Message}");
        }

        Driver.Dispose();
    }

    /// <summary>Takes over a (re)started driver: the windows it has become the known window order.</summary>
    protected void Adopt(IWebDriver driver)
    {
        Driver = driver;
        windowOrder.Clear();
        windowOrder.Add(driver.CurrentWindowHandle);
        var timeouts = driver.Manage().Timeouts();
        timeouts.ImplicitWait = TimeSpan.Zero;
        timeouts.PageLoad = TimeSpan.FromMilliseconds(Math.Max(Options.Timeout.TotalMilliseconds, 30_000));
        timeouts.AsynchronousJavaScript = Options.Timeout;
    }

    /// <summary>Window handles in the order the user visited them, the current one last.</summary>
    protected IReadOnlyList<string> WindowOrder => windowOrder;

    protected void SwitchTo(string handle)
    {
        Driver.SwitchTo().Window(handle);
        windowOrder.Remove(handle);
        windowOrder.Add(handle);
    }

    /// <summary>If the current window closed itself, carries on in the most recent remaining one.</summary>
    protected void EnsureWindow()
    {
        try
        {
            _ = Driver.CurrentWindowHandle;
        }
        catch (NoSuchWindowException)
        {
            SwitchToMostRecent();
        }
        catch (WebDriverException ex) when (IsBrowserGone(ex))
        {
            // Closing the last window ends a ChromeDriver session (manual 5-1 step 6 does exactly that).
            throw new BrowserException("No browser window is open any more: the last window was closed.", ex);
        }
    }

    private static bool IsBrowserGone(WebDriverException ex) =>
        ex.Message.Contains("invalid session id", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("session deleted", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("not connected to DevTools", StringComparison.OrdinalIgnoreCase);

    private void SwitchToMostRecent()
    {
        ReadOnlyCollection<string> open;
        try
        {
            open = Driver.WindowHandles;
        }
        catch (WebDriverException ex) when (IsBrowserGone(ex))
        {
            // Closing the last window ended the session: there is nothing left to switch to.
            windowOrder.Clear();
            return;
        }

        windowOrder.RemoveAll(h => !open.Contains(h));
        var next = windowOrder.LastOrDefault() ?? open.LastOrDefault();
        if (next is not null)
        {
            SwitchTo(next);
        }
    }

    private ReadOnlyCollection<IWebElement> Matches(Target target)
    {
        TargetText.RequireLocator(target, Options.Locators);
        EnsureWindow();
        var result = ((IJavaScriptExecutor)Driver).ExecuteScript(ElementScripts.Find, ElementScripts.Arguments(target, Options.Locators));
        return result is IEnumerable<object> items
            ? items.OfType<IWebElement>().ToList().AsReadOnly()
            : new List<IWebElement>().AsReadOnly();
    }

    private async Task<IWebElement> FindAsync(string action, Target target, bool visible, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var wait = timeout ?? Options.Timeout;
        var count = 0;
        string? lastError = null;
        var element = await PollAsync(
            () =>
            {
                try
                {
                    var matches = Matches(target);
                    count = matches.Count;
                    var index = target.IndexIn(Options.Locators);
                    return count > index && (!visible || matches[index].Displayed) ? matches[index] : null;
                }
                catch (StaleElementReferenceException ex)
                {
                    lastError = ex.Message;
                    return null;
                }
                catch (UnhandledAlertException ex)
                {
                    throw new BrowserException(TargetText.Failure(action, target, Options.Locators, "a dialog is open: " + ex.AlertText), ex);
                }
                catch (WebDriverException ex) when (ex is not NoSuchWindowException)
                {
                    // A navigation in progress makes scripts fail briefly; keep polling.
                    lastError = ex.Message;
                    return null;
                }
            },
            wait,
            cancellationToken);
        if (element is not null)
        {
            return element;
        }

        var why = count <= target.IndexIn(Options.Locators)
            ? $"not found within {wait.TotalSeconds:0.#}s ({count} match(es))"
            : $"not visible within {wait.TotalSeconds:0.#}s";
        throw new BrowserException(TargetText.Failure(action, target, Options.Locators, lastError is null ? why : $"{why}; last error: {TargetText.FirstLine(lastError)}"));
    }

    /// <summary>Auto-wait as Playwright does: visible, enabled, not covered; retried until the timeout.</summary>
    private async Task InteractAsync(string action, Target target, Action<IWebElement> operation, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var remaining = Options.Timeout - deadline.Elapsed;
            var element = await FindAsync(action, target, visible: true, cancellationToken, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1));
            try
            {
                if (!element.Enabled)
                {
                    throw new ElementNotInteractableException("the element is disabled");
                }

                operation(element);
                return;
            }
            catch (WebDriverException ex) when (ex is ElementClickInterceptedException or ElementNotInteractableException || IsReplacedDocument(ex))
            {
                if (deadline.Elapsed > Options.Timeout)
                {
                    throw new BrowserException(TargetText.Failure(action, target, Options.Locators, ex.Message), ex);
                }

                await Task.Delay(Poll, cancellationToken);
            }
            catch (WebDriverException ex)
            {
                throw new BrowserException(TargetText.Failure(action, target, Options.Locators, ex.Message), ex);
            }
        }
    }

    /// <summary>Asks <paramref name="probe"/> every 100 ms until it answers or <paramref name="timeout"/> runs out (then null).</summary>
    internal static async Task<T?> PollAsync<T>(Func<T?> probe, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // Before every probe, so a cancelled operation never finds (and then clicks) its element.
            cancellationToken.ThrowIfCancellationRequested();
            if (probe() is { } found)
            {
                return found;
            }

            if (clock.Elapsed > timeout)
            {
                return null;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>
    /// Reads that find their element afresh: when the page was replaced between finding and reading
    /// (a navigation the previous step started), look again instead of failing on a stale element.
    /// </summary>
    private static async Task<T> FreshAsync<T>(Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await operation();
            }
            catch (BrowserException ex) when (attempt < 5 && IsReplacedDocument(ex.InnerException))
            {
                await Task.Delay(Poll, cancellationToken);
            }
        }
    }

    /// <summary>ChromeDriver's ways of saying "the element you hold belongs to a page that was just replaced".</summary>
    private static bool IsReplacedDocument(Exception? error) =>
        error is StaleElementReferenceException
        || (error is WebDriverException
            && (error.Message.Contains("does not belong to the document", StringComparison.Ordinal)
                || error.Message.Contains("Execution context was destroyed", StringComparison.Ordinal)
                || error.Message.Contains("Cannot find context with specified id", StringComparison.Ordinal)));

    private static T Act<T>(Func<T> operation, Func<string, string> describe)
    {
        try
        {
            return operation();
        }
        catch (WebDriverException ex)
        {
            throw new BrowserException(describe(TargetText.FirstLine(ex.Message)), ex);
        }
    }

    private static void Act(Action operation, Func<string, string> describe) =>
        Act(
            () =>
            {
                operation();
                return true;
            },
            describe);
}
