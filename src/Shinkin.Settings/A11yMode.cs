using System.Text.Json.Serialization;

namespace Shinkin.Settings;

/// <summary>What a run does about accessibility: each screen it reaches is scanned once (WCAG 2.0/2.1 A and AA).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<A11yMode>))]
public enum A11yMode
{
    /// <summary>No scan.</summary>
    [JsonStringEnumMemberName("off")]
    Off,

    /// <summary>Scan and report (run record, evidence workbook, JUnit); the run's result does not depend on it (the default).</summary>
    [JsonStringEnumMemberName("report")]
    Report,

    /// <summary>Scan and report; a serious or critical violation fails the run.</summary>
    [JsonStringEnumMemberName("enforce")]
    Enforce,
}

/// <summary>Names of <see cref="A11yMode"/> values.</summary>
public static class A11yModes
{
    public static IReadOnlyList<string> Names { get; } = ["off", "report", "enforce"];

    public static string Name(this A11yMode mode) => Names[(int)mode];

    /// <summary>off | report | enforce; throws <see cref="SettingsException"/> naming <paramref name="source"/> otherwise.</summary>
    public static A11yMode Parse(string? value, string source) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "report" => A11yMode.Report,
            "off" or "none" or "0" => A11yMode.Off,
            "enforce" => A11yMode.Enforce,
            _ => throw new SettingsException($"{source}='{value}' is not an accessibility mode; use off, report or enforce."),
        };
}
