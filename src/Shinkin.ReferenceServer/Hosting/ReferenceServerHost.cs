using Microsoft.Data.Sqlite;
using Shinkin.ReferenceServer.Hosting;

namespace Shinkin.ReferenceServer;

/// <summary>Starts the reference server in-process (CLI `serve`, `run`, tests).</summary>
public static class ReferenceServerHost
{
    public static async Task<RunningReferenceServer> StartAsync(ReferenceServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = ReferenceServerApp.AssemblyName,
            // Not the host process's folder: its appsettings.json (or ours, copied beside it) must not leak in.
            ContentRootPath = Directory.CreateDirectory(options.DataDirectory).FullName,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = ReferenceServerApp.Build(builder, options);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new RunningReferenceServer(app);
    }
}

public sealed class RunningReferenceServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal RunningReferenceServer(WebApplication app)
    {
        _app = app;
        var endpoints = app.Services.GetRequiredService<ServerEndpoints>();
        var ca = app.Services.GetRequiredService<Security.CertificateAuthority>();
        var secrets = app.Services.GetRequiredService<ServerSecrets>();
        PublicUrl = endpoints.PublicUrl;
        CertificateUrl = endpoints.CertificateUrl;
        CaCertificatePemPath = ca.CaPemPath;
        // TLS stacks never send the self-signed root, and Chromium matches pins only against the chain it
        // received, so the server certificate's key is listed beside the CA's.
        CaSpkiSha256Base64 = ca.CaSpkiSha256Base64 + "," + ca.ServerSpkiSha256Base64;
        BackOfficeApiKey = secrets.BackOfficeApiKey;
        DataDirectory = secrets.DataDirectory;
        var staff = app.Services.GetRequiredService<Security.StaffCredential>();
        StaffId = staff.StaffId;
        GeneratedStaffPassword = staff.GeneratedPassword;
        StaffPasswordHashFile = staff.HashFile;
    }

    /// <summary>https://127.0.0.1:&lt;port&gt;/ → 当金庫ホームページ.</summary>
    public Uri PublicUrl { get; }

    /// <summary>https://127.0.0.1:&lt;port2&gt;/ → the client-certificate origin (電子証明書ログイン and after).</summary>
    public Uri CertificateUrl { get; }

    /// <summary>PEM of the server's CA: trust this, never ignore TLS errors.</summary>
    public string CaCertificatePemPath { get; }

    /// <summary>
    /// Value for chromium --ignore-certificate-errors-spki-list as a fallback: "&lt;CA SPKI&gt;,&lt;server certificate SPKI&gt;"
    /// (SHA-256, base64), comma-separated as the flag expects.
    /// </summary>
    public string CaSpkiSha256Base64 { get; }

    /// <summary>Value of the X-BackOffice-Key header of the test-data API.</summary>
    public string BackOfficeApiKey { get; }

    public string DataDirectory { get; }

    /// <summary>The back-office staff ID (<c>BackOffice:StaffId</c>, default bo-admin).</summary>
    public string StaffId { get; }

    /// <summary>
    /// The staff password generated at this start (the data folder had none and none is configured): show it once.
    /// Null on later starts (only its hash is kept) and when <c>BackOffice:StaffPassword</c> is set.
    /// </summary>
    public string? GeneratedStaffPassword { get; }

    /// <summary>Where the generated staff password's hash lives (delete it to get a new password at the next start); null when configured.</summary>
    public string? StaffPasswordHashFile { get; }

    /// <summary>The application's services (tests may inspect the database through a scope).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Same as POST /backoffice/api/companies, in-process.</summary>
    public async Task<CompanyNotice> OnboardCompanyAsync(OnboardRequest request, CancellationToken ct = default)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var onboarding = scope.ServiceProvider.GetRequiredService<Domain.CompanyOnboarding>();
        return await onboarding.OnboardAsync(request, "api", ct);
    }

    /// <summary>Same as POST /backoffice/api/companies/{companyNumber}/users, in-process.</summary>
    public async Task<CreatedUser> CreateUserAsync(string companyNumber, CreateUserRequest request, CancellationToken ct = default)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var onboarding = scope.ServiceProvider.GetRequiredService<Domain.CompanyOnboarding>();
        return await onboarding.CreateUserAsync(companyNumber, request, "api", ct);
    }

    public async ValueTask DisposeAsync()
    {
        var connectionString = _app.Services.GetRequiredService<DatabaseLocation>().ConnectionString;
        await _app.StopAsync();
        await _app.DisposeAsync();
        await DatabaseShutdown.CheckpointAsync(connectionString);
    }
}

/// <summary>What the database needs when the server stops.</summary>
public static class DatabaseShutdown
{
    /// <summary>
    /// Closes the pooled connections (they would keep the SQLite file and its WAL open after the server is gone)
    /// and folds the WAL into shinkin.db, truncating it, so a copied or backed-up data folder is complete on its own.
    /// </summary>
    public static async Task CheckpointAsync(string connectionString)
    {
        using (var pooled = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        if (!File.Exists(builder.DataSource))
        {
            return;
        }

        try
        {
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException)
        {
            // Best effort: the folder may be going away; SQLite replays a leftover WAL at the next start.
        }
    }
}
