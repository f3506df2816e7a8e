using System.Globalization;
using Shinkin.Browsers;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// What one run is asked to do, read from the environment that ./harness or a .runsettings file sets.
/// Everything has a default so `dotnet test` alone runs against the embedded server in Chromium.
/// </summary>
public sealed record RunSettings
{
    /// <summary>Another server to test instead of the embedded reference server.</summary>
    public Uri? Target { get; init; }

    /// <summary>Certificate-login origin of <see cref="Target"/> (defaults to the target itself).</summary>
    public Uri? TargetCertificateUrl { get; init; }

    /// <summary>A target profile (targets/NAME.json): URLs, trust, capabilities, word overrides and the account pool.</summary>
    public string? TargetProfilePath { get; init; }

    /// <summary>Back-office test-data key of <see cref="Target"/>.</summary>
    public string? BackOfficeKey { get; init; }

    public required string RunDirectory { get; init; }

    public string Shard { get; init; } = "1/1";

    public string Filter { get; init; } = "";

    public bool DryRun { get; init; }

    /// <summary>How page objects find controls: the manual's words (default) or the reference server's test ids.</summary>
    public LocatorMode Locators { get; init; } = LocatorMode.Labels;

    public static RunSettings FromEnvironment()
    {
        var runDir = Environment.GetEnvironmentVariable("SHINKIN_RUN_DIR");
        if (string.IsNullOrWhiteSpace(runDir))
        {
            runDir = Path.Combine(Path.GetTempPath(), "shinkin-runs", DateTime.Now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture));
        }

        return new RunSettings
        {
            Target = UriOrNull("SHINKIN_TARGET"),
            TargetCertificateUrl = UriOrNull("SHINKIN_TARGET_CERT_URL"),
            BackOfficeKey = Environment.GetEnvironmentVariable("SHINKIN_BACKOFFICE_KEY"),
            TargetProfilePath = Environment.GetEnvironmentVariable("SHINKIN_TARGET_PROFILE") is { Length: > 0 } profile ? Path.GetFullPath(profile) : null,
            RunDirectory = runDir,
            Shard = Environment.GetEnvironmentVariable("SHINKIN_SHARD") is { Length: > 0 } s ? s : "1/1",
            Filter = Environment.GetEnvironmentVariable("SHINKIN_FILTER") ?? "",
            DryRun = Environment.GetEnvironmentVariable("SHINKIN_DRY_RUN") is "1" or "true",
            Locators = ParseLocators(Environment.GetEnvironmentVariable("SHINKIN_LOCATORS")),
        };
    }

    /// <summary>labels | testids (SHINKIN_LOCATORS, set by --locators or a runsettings file).</summary>
    public static LocatorMode ParseLocators(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "labels" or "label" => LocatorMode.Labels,
            "testids" or "testid" or "test-ids" => LocatorMode.TestIds,
            _ => throw new InvalidOperationException($"SHINKIN_LOCATORS='{value}' is not a locator mode; use labels or testids."),
        };

    private static Uri? UriOrNull(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException($"{name}='{value}' is not an absolute http(s) URL.");
        }

        return uri;
    }
}
