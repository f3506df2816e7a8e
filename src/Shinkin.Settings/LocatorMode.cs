using System.Text.Json.Serialization;

namespace Shinkin.Settings;

/// <summary>How page objects find controls.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LocatorMode>))]
public enum LocatorMode
{
    /// <summary>Role + accessible name, label text, visible text: works on any server that shows the manual's words.</summary>
    [JsonStringEnumMemberName("labels")]
    Labels,

    /// <summary>The reference server's <c>data-testid</c> attributes where a target has one (a fast path).</summary>
    [JsonStringEnumMemberName("testids")]
    TestIds,
}

/// <summary>Names of <see cref="LocatorMode"/> values.</summary>
public static class LocatorModes
{
    public static IReadOnlyList<string> Names { get; } = ["labels", "testids"];

    public static string Name(this LocatorMode mode) => mode == LocatorMode.TestIds ? "testids" : "labels";

    /// <summary>labels | testids; throws <see cref="SettingsException"/> naming <paramref name="source"/> otherwise.</summary>
    public static LocatorMode Parse(string? value, string source) =>
        value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "labels" or "label" => LocatorMode.Labels,
            "testids" or "testid" or "test-ids" => LocatorMode.TestIds,
            _ => throw new SettingsException($"{source}='{value}' is not a locator mode; use labels or testids."),
        };
}
