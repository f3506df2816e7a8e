using System.Globalization;

namespace Shinkin.Settings;

/// <summary>
/// The settings of this test host, read once: the run.json the command line wrote into the run folder
/// (SHINKIN_RUN_DIR), or — for a bare `dotnet test` — the defaults under the environment overrides.
/// </summary>
public static class TestHostSettings
{
    private static readonly Lazy<RunSettings> Lazy = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static RunSettings Current => Lazy.Value;

    /// <summary>As <see cref="Current"/>, from the variables read through <paramref name="read"/>.</summary>
    public static RunSettings Load(Func<string, string?> read)
    {
        var runDirectory = SettingsEnvironment.RunDirectoryOf(read);
        if (runDirectory is not null && RunSettingsFile.TryRead(runDirectory) is { } recorded)
        {
            // The secret key never goes into run.json; it stays an environment variable.
            return SettingsEnvironment.ApplySecrets(recorded, read);
        }

        var settings = SettingsEnvironment.Apply(new RunSettings(), read);
        return settings.RunDirectory.Length > 0
            ? settings
            : settings with { RunDirectory = Path.Combine(Path.GetTempPath(), "shinkin-runs", DateTime.Now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)) };
    }

    private static RunSettings Load() => Load(Environment.GetEnvironmentVariable);
}
