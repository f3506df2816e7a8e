using System.Text.Json.Serialization;

namespace Shinkin.Settings;

/// <summary>Whether each scenario records an engine trace (Playwright: actions, DOM snapshots, network) to keep when it fails.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TraceMode>))]
public enum TraceMode
{
    /// <summary>No trace (the default): recording one costs every scenario about a seventh of its CPU, passed or not.</summary>
    [JsonStringEnumMemberName("off")]
    Off,

    /// <summary>Record every scenario; keep the trace of a failed one beside its evidence (trace.zip), discard the rest.</summary>
    [JsonStringEnumMemberName("on-failure")]
    OnFailure,
}

/// <summary>Names of <see cref="TraceMode"/> values.</summary>
public static class TraceModes
{
    public static IReadOnlyList<string> Names { get; } = ["off", "on-failure"];

    public static string Name(this TraceMode mode) => Names[(int)mode];

    /// <summary>off | on-failure; throws <see cref="SettingsException"/> naming <paramref name="source"/> otherwise.</summary>
    public static TraceMode Parse(string? value, string source) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "off" or "none" or "0" => TraceMode.Off,
            "on-failure" or "retain-on-failure" or "1" => TraceMode.OnFailure,
            _ => throw new SettingsException($"{source}='{value}' is not a trace mode; use off or on-failure."),
        };
}
