using System.Collections;
using Microsoft.Playwright;
using Shinkin.Browsers;
using Shinkin.Settings;

namespace Shinkin.Speed.Bench;

/// <summary>
/// A hand-written Playwright script's way: Debian's Chromium trusting the server CA through its NSS database (as the
/// harness does, never ignoring TLS errors), one context per run, test-id locators, Playwright's own auto-waiting.
/// </summary>
internal sealed class PlaywrightDriver : IChainDriver
{
    private readonly IBrowser browser;
    private readonly string download;
    private readonly string certificateOrigin;
    private IBrowserContext context;
    private IPage page;

    private PlaywrightDriver(IBrowser browser, IBrowserContext context, IPage page, string download, string certificateOrigin)
    {
        this.certificateOrigin = certificateOrigin;
        this.browser = browser;
        this.context = context;
        this.page = page;
        this.download = download;
    }

    /// <summary>Starts the driver and the browser (once per process: the harness keeps one browser for a run too).</summary>
    public static async Task<(Func<Task<PlaywrightDriver>> NewRun, Func<Task> Shutdown)> LauncherAsync(string caPemPath, Uri certificateUrl, string work)
    {
        Environment.SetEnvironmentVariable("NODE_EXTRA_CA_CERTS", caPemPath);
        var home = Path.Combine(work, "home");
        await ChromiumTrustStore.CreateAsync(home, caPemPath);
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        environment["HOME"] = home;
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = SettingsEnvironment.Apply(new RunSettings()).Browser.ChromiumPath,
            Headless = true,
            ChromiumSandbox = false,
            Args = Environment.UserName == "root" ? ["--no-sandbox", "--disable-gpu"] : ["--disable-gpu"],
            Env = environment,
        });
        var origin = certificateUrl.GetLeftPart(UriPartial.Authority);
        return (
            async () =>
            {
                var context = await NewContextAsync(browser, null);
                return new PlaywrightDriver(browser, context, await context.NewPageAsync(), Path.Combine(work, "downloads"), origin);
            },
            async () =>
            {
                await browser.CloseAsync();
                playwright.Dispose();
            });
    }

    public async Task OpenAsync(Uri url) => await page.GotoAsync(url.ToString());

    public async Task ClickAsync(string testId) => await page.GetByTestId(testId).ClickAsync();

    public async Task ClickOpeningWindowAsync(string testId) =>
        page = await context.RunAndWaitForPageAsync(() => page.GetByTestId(testId).ClickAsync());

    public async Task ClickClosingWindowAsync(string testId)
    {
        var closing = page;
        var closed = new TaskCompletionSource();
        closing.Close += (_, _) => closed.TrySetResult();
        try
        {
            await closing.GetByTestId(testId).ClickAsync();
        }
        catch (PlaywrightException) when (closing.IsClosed)
        {
            // The window closed itself while Playwright was still finishing the click.
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
        page = context.Pages[^1];
    }

    public async Task CloseWindowAsync()
    {
        await page.CloseAsync();
        page = context.Pages[^1];
    }

    public async Task FillAsync(string testId, string value) => await page.GetByTestId(testId).FillAsync(value);

    public async Task CheckAsync(string testId) => await page.GetByTestId(testId).CheckAsync();

    public async Task CheckAllInAsync(string testId)
    {
        foreach (var box in await page.GetByTestId(testId).Locator("input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }
    }

    public async Task<string> TextAsync(string testId) => (await page.GetByTestId(testId).InnerTextAsync()).Trim();

    public async Task ExpectAsync(string testId) => await page.GetByTestId(testId).WaitForAsync();

    public async Task<int> CountAsync(string prefix) => await page.Locator($"[data-testid^='{prefix}']").CountAsync();

    public async Task<byte[]> DownloadAsync(string testId)
    {
        var file = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        var path = Path.Combine(download, Guid.NewGuid().ToString("N") + ".p12");
        await file.SaveAsAsync(path);
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>Playwright's client certificates belong to the context: a new one, on the page the user was on.</summary>
    public async Task UseCertificateAsync(byte[] pfx, string password)
    {
        var url = page.Url;
        var old = context;
        context = await NewContextAsync(browser, new ClientCertificate { Origin = certificateOrigin, Pfx = pfx, Passphrase = password });
        page = await context.NewPageAsync();
        if (url.StartsWith("http", StringComparison.Ordinal))
        {
            await page.GotoAsync(url);
        }

        await old.CloseAsync();
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, ClientCertificate? certificate)
    {
        var options = new BrowserNewContextOptions { AcceptDownloads = true, Locale = "ja-JP", ViewportSize = new ViewportSize { Width = 1280, Height = 800 } };
        if (certificate is not null)
        {
            options.ClientCertificates = [certificate];
        }

        return await browser.NewContextAsync(options);
    }
}
