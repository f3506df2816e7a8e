using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Shinkin.Settings;

/// <summary>
/// Everything one run is asked to do, in one typed record. The command line resolves it from its options,
/// a runsettings file and the environment (<see cref="SettingsEnvironment"/>), writes it into the run folder's
/// run.json (<see cref="RunSettingsFile"/>), and the test host reads that record once (<see cref="TestHostSettings"/>).
/// Every member has a default, so a bare `dotnet test` runs every feature against the embedded server in Chromium.
/// </summary>
public sealed partial record RunSettings
{
    /// <summary>The run folder: run record, artefacts and reports.</summary>
    public string RunDirectory { get; init; } = "";

    /// <summary>The tag expression the filter was made from, as the user wrote it (shown in reports).</summary>
    public string Tags { get; init; } = "";

    /// <summary>The `dotnet test --filter` expression that selects the scenarios (from --tags and --filter).</summary>
    public string Filter { get; init; } = "";

    /// <summary>"1/1", or the stable slice "2/4" of a run spread over machines.</summary>
    public string Shard { get; init; } = "1/1";

    /// <summary>
    /// Scenarios run in parallel (features in parallel; a feature without feature hooks runs its scenarios side by side).
    /// Two, not one per two cores: Selenium waits on a browser start per scenario and took 669 s at one worker against
    /// 539 s at two (bench/results.md).
    /// </summary>
    public int Workers { get; init; } = 2;

    /// <summary>The most retries a run may ask for: more would hide a broken scenario behind minutes of re-runs.</summary>
    public const int MaxRetries = 5;

    /// <summary>
    /// How often a failed scenario is run again (0: never). A scenario that passes on a later attempt is reported
    /// 再実行で合格, never plain OK; undefined, ambiguous and pending steps are never retried.
    /// </summary>
    public int Retries { get; init; }

    /// <summary>Bind every step without starting a browser.</summary>
    public bool DryRun { get; init; }

    /// <summary>Where the .feature files are (default: beside the test assembly).</summary>
    public string? FeaturesDirectory { get; init; }

    /// <summary>Another server to test instead of the embedded reference server.</summary>
    public Uri? Target { get; init; }

    /// <summary>Certificate-login origin of <see cref="Target"/> (defaults to the target itself).</summary>
    public Uri? TargetCertificateUrl { get; init; }

    /// <summary>A target profile (targets/NAME.json): URLs, trust, capabilities, word overrides and the account pool.</summary>
    public string? TargetProfile { get; init; }

    /// <summary>Back-office test-data key of <see cref="Target"/>: a secret, so never written into run.json.</summary>
    [JsonIgnore]
    public string? BackOfficeKey { get; init; }

    /// <summary>How page objects find controls: the manual's words (default) or the reference server's test ids.</summary>
    public LocatorMode Locators { get; init; } = LocatorMode.Labels;

    /// <summary>Accessibility scan of every screen the run reaches: off, report (default) or enforce (serious/critical fail the run).</summary>
    public A11yMode A11y { get; init; } = A11yMode.Report;

    /// <summary>Record an engine trace per scenario and keep it when the scenario fails (off by default: it costs every scenario).</summary>
    public TraceMode Trace { get; init; } = TraceMode.Off;

    public BrowserOptions Browser { get; init; } = new();

    /// <summary>Problems that stop a run with these settings before anything starts (empty when it can start).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!ShardPattern().IsMatch(Shard) || !ShardIsInRange(Shard))
        {
            problems.Add($"shard '{Shard}' is not like 2/4 (1 ≤ index ≤ count)");
        }

        if (Workers < 1)
        {
            problems.Add($"workers must be at least 1 (given {Workers})");
        }

        if (Retries is < 0 or > MaxRetries)
        {
            problems.Add($"retries must be 0 to {MaxRetries} (given {Retries})");
        }

        if (Target is not null && TargetProfile is not null)
        {
            problems.Add("give either a target profile or a target URL, not both");
        }

        problems.AddRange(Browser.Problems());
        return problems;
    }

    private static bool ShardIsInRange(string shard)
    {
        var parts = shard.Split('/');
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && index >= 1 && index <= count;
    }

    [GeneratedRegex(@"^[1-9][0-9]*/[1-9][0-9]*$")]
    private static partial Regex ShardPattern();
}
