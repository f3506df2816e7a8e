using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shinkin.ReferenceServer.BackOffice;
using Shinkin.ReferenceServer.Configuration;
using Shinkin.ReferenceServer.Data;
using Shinkin.ReferenceServer.Domain;
using Shinkin.ReferenceServer.Security;
using Shinkin.ReferenceServer.Sessions;

namespace Shinkin.ReferenceServer.Hosting;

/// <summary>The one place that wires the server; used by Program.cs and by <see cref="ReferenceServerHost"/>.</summary>
public static class ReferenceServerApp
{
    public const string AssemblyName = "Shinkin.ReferenceServer";

    /// <summary>Reads <see cref="ReferenceServerOptions"/> from configuration ("ReferenceServer:*") for `dotnet run`.</summary>
    public static ReferenceServerOptions OptionsFromConfiguration(IConfiguration configuration) => new()
    {
        DataDirectory = configuration["ReferenceServer:DataDirectory"] is { Length: > 0 } dir
            ? dir
            : Path.Combine(Directory.GetCurrentDirectory(), ".data", "reference-server"),
        Host = configuration["ReferenceServer:Host"] is { Length: > 0 } host ? host : "127.0.0.1",
        PublicPort = int.TryParse(configuration["ReferenceServer:PublicPort"], out var p) ? p : 0,
        CertificatePort = int.TryParse(configuration["ReferenceServer:CertificatePort"], out var c) ? c : 0,
        TestHooks = !bool.TryParse(configuration[$"{TestHookSettings.Section}:{nameof(TestHookSettings.TestHooks)}"], out var hooks) || hooks,
    };

    public static WebApplication Build(WebApplicationBuilder builder, ReferenceServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        builder.Configuration.AddInMemoryCollection(options.Settings);
        if (!options.TestHooks)
        {
            // The in-process option lands in configuration, where the pages read it (added last, so it wins).
            builder.Configuration.AddInMemoryCollection([new($"{TestHookSettings.Section}:{nameof(TestHookSettings.TestHooks)}", "false")]);
        }

        var urlHost = IsAnyAddress(options.Host) ? "127.0.0.1" : options.Host;
        var endpoints = new ServerEndpoints(urlHost);
        var ca = CertificateAuthority.LoadOrCreate(dataDirectory, options.Host, TimeProvider.System);
        var apiKey = builder.Configuration[$"{BackOfficeSettings.Section}:ApiKey"] is { Length: > 0 } key ? key : SecretTokens.NewToken();
        var backOffice = builder.Configuration.GetSection(BackOfficeSettings.Section).Get<BackOfficeSettings>() ?? new BackOfficeSettings();
        StaffCredential.EnsureSafeToExpose(options.Host, backOffice);
        var security = builder.Configuration.GetSection(SecuritySettings.Section).Get<SecuritySettings>() ?? new SecuritySettings();
        var staff = StaffCredential.LoadOrCreate(backOffice, dataDirectory, new PasswordHasher(Microsoft.Extensions.Options.Options.Create(security)));

        ConfigureKestrel(builder, options, ca, endpoints);
        ConfigureServices(builder, dataDirectory, ca, endpoints, apiKey);
        builder.Services.AddPasswordAttemptLimits(builder.Configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings());
        builder.Services.AddSingleton(staff);
        options.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureKestrel(WebApplicationBuilder builder, ReferenceServerOptions options, CertificateAuthority ca, ServerEndpoints endpoints)
    {
        var address = ParseAddress(options.Host);
        ListenOptions? publicListen = null;
        ListenOptions? certificateListen = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.PublicPort, listen =>
            {
                publicListen = listen;
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.Use(next => connection =>
                {
                    connection.Features.Set(new OriginFeature(ServerOrigin.Public));
                    return next(connection);
                });
                listen.UseHttps(HttpsOptions(ca, askForClientCertificate: false));
            });
            kestrel.Listen(address, options.CertificatePort, listen =>
            {
                certificateListen = listen;
                // HTTP/2 forbids renegotiation; the certificate is asked for in the first handshake.
                listen.Protocols = HttpProtocols.Http1;
                listen.Use(next => connection =>
                {
                    connection.Features.Set(new OriginFeature(ServerOrigin.Certificate));
                    return next(connection);
                });
                listen.UseHttps(HttpsOptions(ca, askForClientCertificate: true));
            });
        });
        endpoints.Attach(
            () => (publicListen?.IPEndPoint?.Port) ?? 0,
            () => (certificateListen?.IPEndPoint?.Port) ?? 0);
    }

    private static HttpsConnectionAdapterOptions HttpsOptions(CertificateAuthority ca, bool askForClientCertificate)
    {
        var https = new HttpsConnectionAdapterOptions
        {
            ServerCertificate = ca.ServerCertificate,
            // The CA goes along so that clients pinning its key (chromium --ignore-certificate-errors-spki-list) can match it.
            ServerCertificateChain = new X509Certificate2Collection(ca.CaCertificate),
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CheckCertificateRevocation = false,
            ClientCertificateMode = askForClientCertificate ? ClientCertificateMode.AllowCertificate : ClientCertificateMode.NoCertificate,
        };
        if (askForClientCertificate)
        {
            // Accept any certificate at the TLS layer: the application checks it and shows a Japanese error screen.
            https.ClientCertificateValidation = (_, _, _) => true;
            var trust = CreateTrust(ca);
            var context = trust is null
                ? null
                : System.Net.Security.SslStreamCertificateContext.Create(ca.ServerCertificate, new X509Certificate2Collection(ca.CaCertificate), offline: true, trust: trust);
            https.OnAuthenticate = (_, ssl) =>
            {
                // A resumed TLS session may carry no client certificate; every connection must present it.
                ssl.AllowTlsResume = false;
                if (context is not null)
                {
                    ssl.ServerCertificateContext = context;
                }
            };
        }

        return https;
    }

    private static System.Net.Security.SslCertificateTrust? CreateTrust(CertificateAuthority ca)
    {
        try
        {
            // Tells browsers which issuer to pick a certificate from.
            return System.Net.Security.SslCertificateTrust.CreateForX509Collection(new X509Certificate2Collection(ca.CaCertificate), sendTrustInHandshake: true);
        }
        catch (PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static void ConfigureServices(WebApplicationBuilder builder, string dataDirectory, CertificateAuthority ca, ServerEndpoints endpoints, string apiKey)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.Configure<SecuritySettings>(configuration.GetSection(SecuritySettings.Section));
        services.Configure<UserRuleSettings>(configuration.GetSection(UserRuleSettings.Section));
        services.Configure<CertificateSettings>(configuration.GetSection(CertificateSettings.Section));
        services.Configure<BackOfficeSettings>(configuration.GetSection(BackOfficeSettings.Section));
        services.Configure<TestHookSettings>(configuration.GetSection(TestHookSettings.Section));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(ca);
        services.AddSingleton(endpoints);
        services.AddSingleton(new ServerSecrets(apiKey, dataDirectory));
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<InputRules>();

        var databasePath = Path.Combine(dataDirectory, "shinkin.db");
        // SQLite creates -wal and -shm with the database file's mode, so an owner-only database keeps them owner-only too.
        if (!File.Exists(databasePath))
        {
            PrivateFiles.Write(databasePath, "");
        }

        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            PrivateFiles.Restrict(file);
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        services.AddDbContext<ShinkinDbContext>(db => db.UseSqlite(connectionString));
        services.AddSingleton(new DatabaseLocation(connectionString));
        services.AddHostedService<DatabaseInitializer>();

        services.AddHttpContextAccessor();
        services.AddScoped<AuditTrail>();
        services.AddScoped<CustomerSessions>();
        services.AddScoped<StaffSessions>();
        services.AddScoped<StaffLogins>();
        services.AddScoped<ClientCertificateValidator>();
        services.AddScoped<CertificateIssuer>();
        services.AddScoped<CompanyOnboarding>();
        services.AddScoped<ApprovalPasswords>();
        services.AddScoped<LoginPasswords>();
        services.AddSingleton<DraftProtector>();

        var keys = Path.Combine(dataDirectory, "keys");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(keys);
        }
        else
        {
            Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName(AssemblyName);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "__Host-shinkin-af";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.Path = "/";
            antiforgery.SuppressXFrameOptionsHeader = true;
        });
        // Japanese stays readable in the HTML (and in tests) instead of numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages().AddMvcOptions(mvc =>
        {
            // Field messages are the manual's Japanese ones, written by the pages themselves.
            mvc.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            mvc.Filters.Add(new CookieRequiredFilter());
            var messages = mvc.ModelBindingMessageProvider;
            messages.SetValueIsInvalidAccessor(_ => "入力内容が正しくありません。");
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => "入力内容が正しくありません。");
            messages.SetValueMustBeANumberAccessor(_ => "数字で入力してください。");
            messages.SetMissingBindRequiredValueAccessor(_ => "入力してください。");
            messages.SetValueMustNotBeNullAccessor(_ => "入力してください。");
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => "入力内容が正しくありません。");
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "入力内容が正しくありません。");
            messages.SetUnknownValueIsInvalidAccessor(_ => "入力内容が正しくありません。");
            messages.SetNonPropertyValueMustBeANumberAccessor(() => "数字で入力してください。");
            messages.SetMissingKeyOrValueAccessor(() => "入力してください。");
            messages.SetMissingRequestBodyRequiredValueAccessor(() => "入力してください。");
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UsePasswordAttemptLimits();
        app.UseMiddleware<CookieProbeMiddleware>();
        app.MapEmbeddedAssets();
        app.MapRazorPages();
        app.MapBackOfficeApi();
    }

    private static IPAddress ParseAddress(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(host, out var ip) ? ip : throw new ArgumentException($"Host must be an IP address or localhost: {host}", nameof(host));
    }

    private static bool IsAnyAddress(string host) =>
        IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));
}

/// <summary>Secrets decided at start.</summary>
public sealed record ServerSecrets(string BackOfficeApiKey, string DataDirectory);

public sealed record DatabaseLocation(string ConnectionString);
