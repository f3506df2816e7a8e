using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>
/// Debian Chromium driven by a local chromedriver, with a private HOME (NSS database: server CA,
/// client certificates) and a private profile whose Preferences carry the download folder and the
/// AutoSelectCertificateForUrls content setting, so nothing under /etc is touched.
/// </summary>
internal sealed class LocalChromiumSession : SeleniumSession, ISupportsClientCertificates, ISupportsAccessibilityScan
{
    private readonly BrowserOptions browserOptions;
    private readonly string root;
    private readonly Dictionary<string, string> autoSelect;

    private LocalChromiumSession(IWebDriver driver, BrowserSessionOptions options, BrowserOptions browserOptions, string root, Dictionary<string, string> autoSelect)
        : base(driver, options, "chromium")
    {
        this.browserOptions = browserOptions;
        this.root = root;
        this.autoSelect = autoSelect;
    }

    private string Home => Path.Combine(root, "home");

    private string Profile => Path.Combine(root, "profile");

    /// <param name="trustTemplate">An NSS database that already trusts the server CA, copied instead of made anew (two tool runs less per session).</param>
    public static async Task<LocalChromiumSession> StartAsync(BrowserOptions browserOptions, BrowserSessionOptions options, ChromiumTrustStore? trustTemplate, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "shinkin-selenium-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(options.DownloadDirectory);
        Directory.CreateDirectory(Path.Combine(root, "home"));
        try
        {
            var home = Path.Combine(root, "home");
            var store = trustTemplate is not null ? trustTemplate.CopyTo(home)
                : browserOptions.TrustedCaPemPath is { } ca ? await ChromiumTrustStore.CreateAsync(home, ca, cancellationToken)
                : null;
            var autoSelect = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (options.ClientCertificate is { } certificate)
            {
                // Known before the start: in the NSS database and the profile at once, so the browser never restarts for it.
                store ??= await ChromiumTrustStore.CreateAsync(home, caPemPath: null, cancellationToken);
                await PrepareCertificateAsync(store, certificate, autoSelect, cancellationToken);
            }

            WritePreferences(Path.Combine(root, "profile"), options.DownloadDirectory, autoSelect);
            cancellationToken.ThrowIfCancellationRequested();
            var driver = StartDriver(browserOptions, options, root);
            return new LocalChromiumSession(driver, options, browserOptions, root, autoSelect);
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>
    /// Imports the PKCS#12 into the session's NSS database and makes Chromium auto-select it for the
    /// origin. Chromium reads both only at start, so the browser restarts on the same profile with the
    /// cookies and the open URLs carried over (the current window stays current).
    /// </summary>
    public async Task UseClientCertificateAsync(Uri origin, string pfxPath, string? password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (!File.Exists(pfxPath))
        {
            throw new BrowserException($"Cannot use the client certificate for {origin}: '{pfxPath}' does not exist.");
        }

        var cookies = ReadAllCookies();
        var urls = new List<string>();
        var order = WindowOrder.ToList();
        foreach (var handle in order)
        {
            Driver.SwitchTo().Window(handle);
            urls.Add(Driver.Url);
        }

        QuitDriver();
        var store = await ChromiumTrustStore.CreateAsync(Home, caPemPath: null, cancellationToken);
        await PrepareCertificateAsync(store, new ClientCertificateFile(origin, pfxPath, password), autoSelect, cancellationToken);
        WritePreferences(Profile, Options.DownloadDirectory, autoSelect);

        Adopt(StartDriver(browserOptions, Options, root));
        RestoreCookies(cookies);
        for (var i = 0; i < urls.Count; i++)
        {
            if (i > 0)
            {
                Driver.SwitchTo().NewWindow(WindowType.Tab);
                SwitchTo(Driver.CurrentWindowHandle);
            }

            if (!urls[i].StartsWith("data:", StringComparison.Ordinal) && !urls[i].StartsWith("about:", StringComparison.Ordinal))
            {
                await NavigateAsync(new Uri(urls[i]), cancellationToken);
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        TryDelete(root);
    }

    /// <summary>Imports the PKCS#12 into the NSS database and notes its subject for the origin's auto-selection.</summary>
    private static async Task PrepareCertificateAsync(ChromiumTrustStore store, ClientCertificateFile certificate, Dictionary<string, string> autoSelect, CancellationToken cancellationToken)
    {
        string subject;
        using (var loaded = X509CertificateLoader.LoadPkcs12FromFile(certificate.PfxPath, certificate.Password, X509KeyStorageFlags.EphemeralKeySet))
        {
            subject = loaded.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        }

        await store.ImportPkcs12Async(certificate.PfxPath, certificate.Password, cancellationToken);
        autoSelect[certificate.Origin.GetLeftPart(UriPartial.Authority)] = subject;
    }

    private static ChromeDriver StartDriver(BrowserOptions browserOptions, BrowserSessionOptions options, string root)
    {
        var driverPath = Path.GetFullPath(browserOptions.ChromeDriverPath);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        service.DriverProcessStarting += (_, e) =>
        {
            // Chromium inherits chromedriver's environment: its NSS database lives under this HOME.
            e.DriverServiceProcessStartInfo.Environment["HOME"] = Path.Combine(root, "home");
            e.DriverServiceProcessStartInfo.Environment["SE_OFFLINE"] = "true";
        };

        var chrome = new ChromeOptions
        {
            BinaryLocation = browserOptions.ChromiumPath,
            UnhandledPromptBehavior = UnhandledPromptBehavior.Ignore,
            AcceptInsecureCertificates = false,
        };
        chrome.AddArguments(ChromiumArguments.Common(browserOptions.Headless));
        chrome.AddArguments(
            "--user-data-dir=" + Path.Combine(root, "profile"),
            string.Create(CultureInfo.InvariantCulture, $"--window-size={options.ViewportWidth},{options.ViewportHeight}"),
            "--lang=ja");

        ChromeDriver driver;
        try
        {
            driver = new ChromeDriver(service, chrome, TimeSpan.FromSeconds(60));
        }
        catch (WebDriverException ex)
        {
            service.Dispose();
            throw new BrowserException(
                $"Starting Chromium ({browserOptions.ChromiumPath}) through chromedriver ({driverPath}) failed: {TargetText.FirstLine(ex.Message)}", ex);
        }

        driver.ExecuteCdpCommand("Browser.setDownloadBehavior", new Dictionary<string, object?>
        {
            ["behavior"] = "allow",
            ["downloadPath"] = Path.GetFullPath(options.DownloadDirectory),
        });
        return driver;
    }

    /// <summary>
    /// Merges our settings into the profile's Preferences. The pattern "origin,*" with a SUBJECT filter is
    /// the content setting that the AutoSelectCertificateForUrls policy fills in; Chromium honours it
    /// from the user profile too, which we verified on Debian Chromium 156.
    /// </summary>
    private static void WritePreferences(string profile, string downloadDirectory, IReadOnlyDictionary<string, string> autoSelect)
    {
        var file = Path.Combine(profile, "Default", "Preferences");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var prefs = File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file))?.AsObject() ?? [] : [];

        var download = Child(prefs, "download");
        download["default_directory"] = Path.GetFullPath(downloadDirectory);
        download["prompt_for_download"] = false;
        download["directory_upgrade"] = true;

        var exceptions = Child(Child(Child(prefs, "profile"), "content_settings"), "exceptions");
        var certificates = new JsonObject();
        foreach (var (origin, subject) in autoSelect)
        {
            certificates[origin + ",*"] = new JsonObject
            {
                ["setting"] = new JsonObject
                {
                    ["filters"] = new JsonArray(new JsonObject { ["SUBJECT"] = new JsonObject { ["CN"] = subject } }),
                },
            };
        }

        exceptions["auto_select_certificate"] = certificates;
        File.WriteAllText(file, prefs.ToJsonString());
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    /// <summary>Every cookie of the browser (session cookies too), reduced to what Network.setCookies accepts.</summary>
    private List<Dictionary<string, object>> ReadAllCookies()
    {
        string[] settable = ["name", "value", "domain", "path", "secure", "httpOnly", "sameSite", "expires", "priority", "sourceScheme", "sourcePort"];
        var result = ((ChromeDriver)Driver).ExecuteCdpCommand("Network.getAllCookies", []) as Dictionary<string, object>;
        var cookies = result?.GetValueOrDefault("cookies") as IEnumerable<object> ?? [];
        return cookies
            .OfType<Dictionary<string, object>>()
            .Select(c => c
                .Where(kv => settable.Contains(kv.Key) && !(kv.Key == "expires" && c.GetValueOrDefault("session") is true))
                .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal))
            .ToList();
    }

    private void RestoreCookies(List<Dictionary<string, object>> cookies)
    {
        if (cookies.Count > 0)
        {
            ((ChromeDriver)Driver).ExecuteCdpCommand("Network.setCookies", new Dictionary<string, object?> { ["cookies"] = cookies.ToArray() });
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A crashpad helper may still hold a file; the folder is in the temp dir.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
