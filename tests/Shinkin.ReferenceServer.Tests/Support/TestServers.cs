using Microsoft.Extensions.DependencyInjection;

namespace Shinkin.ReferenceServer.Tests.Support;

/// <summary>Starts real reference servers (Kestrel, TLS on loopback) in throw-away data directories.</summary>
public static class TestServers
{
    /// <summary>The back-office login of every test server (configured, so no password is generated into the data folder).</summary>
    public const string StaffId = "bo-admin";

    public const string StaffPassword = "Staff-Test-Pass-7";

    public static string NewDataDirectory() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "shinkin-rs-tests", Guid.NewGuid().ToString("N"))).FullName;

    public static Task<RunningReferenceServer> StartAsync(
        string? dataDirectory = null,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        bool testHooks = true)
    {
        var all = new Dictionary<string, string?>
        {
            // Hashing cost is not what these tests are about; the production default is asserted separately.
            ["Security:Pbkdf2Iterations"] = "1000",
            ["BackOffice:StaffPassword"] = StaffPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return ReferenceServerHost.StartAsync(new ReferenceServerOptions
        {
            DataDirectory = dataDirectory ?? NewDataDirectory(),
            Settings = all,
            TestHooks = testHooks,
            ConfigureServices = time is null ? null : services => services.AddSingleton(time),
        });
    }

    public static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
