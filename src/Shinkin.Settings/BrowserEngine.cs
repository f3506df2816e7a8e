using System.Reflection;
using System.Text.Json.Serialization;

namespace Shinkin.Settings;

/// <summary>
/// The one list of browser engines. The name in <see cref="JsonStringEnumMemberNameAttribute"/> is what the
/// command line, the environment, runsettings files and run.json all say.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<BrowserEngine>))]
public enum BrowserEngine
{
    /// <summary>Playwright driving the local Chromium (the default).</summary>
    [JsonStringEnumMemberName("playwright")]
    Playwright,

    /// <summary>Selenium WebDriver driving the local Chromium through chromedriver.</summary>
    [JsonStringEnumMemberName("selenium")]
    Selenium,

    /// <summary>Selenium through a Grid or any W3C endpoint (--grid URL).</summary>
    [JsonStringEnumMemberName("selenium-remote")]
    SeleniumRemote,

    /// <summary>A remote Playwright server (--pw-server ws://…).</summary>
    [JsonStringEnumMemberName("playwright-remote")]
    PlaywrightRemote,

    /// <summary>Edge in Internet Explorer mode through IEDriverServer (Windows only).</summary>
    [JsonStringEnumMemberName("edge-iemode")]
    EdgeIeMode,
}

/// <summary>Names of <see cref="BrowserEngine"/> values, read from the enum itself.</summary>
public static class BrowserEngines
{
    /// <summary>Every engine in declaration order.</summary>
    public static IReadOnlyList<BrowserEngine> All { get; } = Enum.GetValues<BrowserEngine>();

    /// <summary>Every engine's name ("playwright", "selenium", …).</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(Name).ToList();

    /// <summary>The engine's name on the command line and in files.</summary>
    public static string Name(this BrowserEngine engine) =>
        typeof(BrowserEngine).GetField(engine.ToString())?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? engine.ToString().ToLowerInvariant();

    /// <summary>Parses a name (or the older spellings runsettings files used); throws <see cref="SettingsException"/> otherwise.</summary>
    public static BrowserEngine Parse(string value, string source)
    {
        var key = value.Trim().ToLowerInvariant().Replace('_', '-');
        var engine = key switch
        {
            "playwright-chromium" or "pw" => BrowserEngine.Playwright,
            "selenium-chrome" or "selenium-chromium" => BrowserEngine.Selenium,
            "selenium-grid" or "grid" or "seleniumremote" => BrowserEngine.SeleniumRemote,
            "pw-server" or "playwrightremote" => BrowserEngine.PlaywrightRemote,
            "edgeiemode" or "edge-ie-mode" or "iemode" => BrowserEngine.EdgeIeMode,
            _ => All.Where(e => e.Name() == key).Select(e => (BrowserEngine?)e).FirstOrDefault(),
        };
        return engine ?? throw new SettingsException($"{source}='{value}' is not an engine; use {string.Join(", ", Names)}.");
    }
}
