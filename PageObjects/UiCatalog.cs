using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shinkin.Browsers;

namespace Shinkin.PageObjects;

/// <summary>
/// The manual's words as data (ui-catalog.json): every screen's heading and every control's label, with the
/// reference server's test id beside it. Page objects build their targets from here. A target profile may
/// override any word by its key before the first page is used; <see cref="UsedOverrides"/> lists them for the report.
/// </summary>
public sealed class UiCatalog
{
    private const string ResourceName = "Shinkin.PageObjects.ui-catalog.json";
    private static readonly Lock Sync = new();
    private static UiCatalog? current;

    private UiCatalog(CatalogFile file, IReadOnlyList<WordOverride> used)
    {
        Screens = file.Screens.ToFrozenDictionary(StringComparer.Ordinal);
        Controls = file.Controls.ToFrozenDictionary(StringComparer.Ordinal);
        Words = file.Words.ToFrozenDictionary(StringComparer.Ordinal);
        UsedOverrides = used;
    }

    public IReadOnlyDictionary<string, ScreenEntry> Screens { get; }

    public IReadOnlyDictionary<string, ControlEntry> Controls { get; }

    public IReadOnlyDictionary<string, string> Words { get; }

    /// <summary>The overrides this process runs with (key, the manual's word, the target's word).</summary>
    public IReadOnlyList<WordOverride> UsedOverrides { get; }

    /// <summary>The catalogue page objects use; the manual's words unless <see cref="Configure"/> ran first.</summary>
    public static UiCatalog Current
    {
        get
        {
            lock (Sync)
            {
                return current ??= Build(new Dictionary<string, string>());
            }
        }
    }

    /// <summary>
    /// Applies a target profile's word overrides (key → the label its server shows). Must run before the first page
    /// object is built; an unknown key is an error naming it, so a typo never silently keeps the manual's word.
    /// </summary>
    public static UiCatalog Configure(IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        lock (Sync)
        {
            var built = Build(overrides);
            if (current is not null && !current.UsedOverrides.SequenceEqual(built.UsedOverrides))
            {
                throw new InvalidOperationException("The UI catalogue was already in use with other words; configure it before the first page object is built.");
            }

            return current ??= built;
        }
    }

    /// <summary>Checks override keys without configuring anything (for validating a profile up front).</summary>
    public static IReadOnlyList<string> UnknownKeys(IEnumerable<string> keys)
    {
        var file = ReadFile();
        return keys.Where(k => !IsKnown(file, k)).ToList();
    }

    public ControlEntry Control(string key) =>
        Controls.TryGetValue(key, out var entry) ? entry : throw new KeyNotFoundException($"'{key}' is not in ui-catalog.json");

    public string Word(string key) =>
        Words.TryGetValue(key, out var word) ? word : throw new KeyNotFoundException($"word '{key}' is not in ui-catalog.json");

    /// <summary>The control as a target: its test id and what a person sees, by kind.</summary>
    public Target Target(string key)
    {
        var c = Control(key);
        var target = c.Kind switch
        {
            "button" => Browsers.Target.ByRole(TargetRole.Action, Need(key, c.Label), c.Description ?? $"［{c.Label}］ボタン"),
            "tab" => Browsers.Target.ByRole(TargetRole.Action, Need(key, c.Label), c.Description ?? $"［{c.Label}］タブ"),
            "field" => Browsers.Target.ByLabel(Need(key, c.Label), c.Description ?? $"「{c.Label}」欄"),
            "choice" => Browsers.Target.ByLabel(Need(key, c.Label), c.Description ?? $"「{c.Label}」"),
            "value" => Browsers.Target.ValueBeside(Need(key, c.Label), c.Description ?? c.Label!),
            "text" => Browsers.Target.ByText(Need(key, c.Text), c.Description ?? c.Text!),
            "message" => new Target(c.Description ?? key) { Role = TargetRole.Main },
            "dialog" => new Target(c.Description ?? key) { Role = TargetRole.Dialog },
            "heading" => new Target(c.Description ?? key) { Role = TargetRole.Heading },
            "banner" => new Target(c.Description ?? key) { Role = TargetRole.Banner },
            _ => throw new InvalidOperationException($"ui-catalog.json: '{key}' has the unknown kind '{c.Kind}'"),
        };
        if (c.Within == "main")
        {
            target = target.Inside(new Target("画面の本文") { Role = TargetRole.Main });
        }

        return target.WithTestId(c.TestId).Nth(c.Index);
    }

    /// <summary>The screen's heading as a target (test id: the reference server's screen marker).</summary>
    public Target ScreenHeading(string screenId)
    {
        var s = Screen(screenId);
        return Browsers.Target.ByRole(TargetRole.Heading, s.Heading, $"「{s.Heading}」画面").WithTestId($"screen-{screenId}");
    }

    public ScreenEntry Screen(string screenId) =>
        Screens.TryGetValue(screenId, out var screen) ? screen : throw new KeyNotFoundException($"screen '{screenId}' is not in ui-catalog.json");

    /// <summary>Screens that show the same heading as <paramref name="screenId"/> (told apart by their markers).</summary>
    public IReadOnlyList<string> ScreensSharingHeading(string screenId)
    {
        var heading = Screen(screenId).Heading;
        return Screens.Where(s => s.Key != screenId && s.Value.Heading == heading).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
    }

    private static string Need(string key, string? word) =>
        word ?? throw new InvalidOperationException($"ui-catalog.json: '{key}' has no word for its kind");

    private static bool IsKnown(CatalogFile file, string key) =>
        file.Controls.ContainsKey(key) || file.Words.ContainsKey(key)
        || (key.StartsWith("screen.", StringComparison.Ordinal) && file.Screens.ContainsKey(key["screen.".Length..]));

    private static UiCatalog Build(IReadOnlyDictionary<string, string> overrides)
    {
        var file = ReadFile();
        var unknown = overrides.Keys.Where(k => !IsKnown(file, k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"ui-catalog.json has no key {string.Join(", ", unknown.Select(k => $"'{k}'"))} (keys look like \"approval-password.current\", \"screen.services\" or \"business.inquiry\")");
        }

        var used = new List<WordOverride>();
        foreach (var (key, word) in overrides.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(word))
            {
                throw new ArgumentException($"the override of '{key}' is empty");
            }

            string manual;
            if (file.Words.TryGetValue(key, out var old))
            {
                manual = old;
                file.Words[key] = word;
            }
            else if (file.Controls.TryGetValue(key, out var control))
            {
                manual = control.Label ?? control.Text ?? "";
                file.Controls[key] = control.Label is not null ? control with { Label = word } : control with { Text = word };
            }
            else
            {
                var id = key["screen.".Length..];
                manual = file.Screens[id].Heading;
                file.Screens[id] = file.Screens[id] with { Heading = word };
            }

            used.Add(new WordOverride(key, manual, word));
        }

        return new UiCatalog(file, used);
    }

    private static CatalogFile ReadFile()
    {
        using var stream = typeof(UiCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in {typeof(UiCatalog).Assembly.GetName().Name}");
        return JsonSerializer.Deserialize<CatalogFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("ui-catalog.json is empty");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed record CatalogFile
    {
        [JsonPropertyName("screens")]
        public Dictionary<string, ScreenEntry> Screens { get; init; } = [];

        [JsonPropertyName("controls")]
        public Dictionary<string, ControlEntry> Controls { get; init; } = [];

        [JsonPropertyName("words")]
        public Dictionary<string, string> Words { get; init; } = [];
    }
}

/// <summary>A screen: its heading, the names steps call it by (「…」画面), a marker control when its heading is shared, the manual reference.</summary>
public sealed record ScreenEntry
{
    public required string Heading { get; init; }

    public IReadOnlyList<string> Names { get; init; } = [];

    public string? Marker { get; init; }

    public string? Manual { get; init; }
}

/// <summary>A control: kind, the manual's word (label or text), how reports describe it, the reference server's test id.</summary>
public sealed record ControlEntry
{
    public required string Kind { get; init; }

    public string? Label { get; init; }

    public string? Text { get; init; }

    public string? Description { get; init; }

    public string? TestId { get; init; }

    public int Index { get; init; }

    public string? Within { get; init; }
}

/// <summary>One word a target profile replaced: the catalogue key, the manual's word and the word used instead.</summary>
public sealed record WordOverride(string Key, string Manual, string Target);
