using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Shinkin.Settings;

/// <summary>
/// The settings section ("Settings") of a run folder's run.json: the command line writes it before the test run
/// starts; the test host reads it once and keeps it in the run record it completes, so a report always says how
/// its run was configured.
/// </summary>
public static class RunSettingsFile
{
    public const string FileName = "run.json";
    public const string Section = "Settings";

    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string PathIn(string runDirectory) => Path.Combine(runDirectory, FileName);

    /// <summary>Starts the run record of <paramref name="settings"/>'s folder with the settings alone.</summary>
    public static void Write(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Directory.CreateDirectory(settings.RunDirectory);
        var root = new JsonObject { [Section] = JsonSerializer.SerializeToNode(settings, Json) };
        var path = PathIn(settings.RunDirectory);
        var temp = path + ".tmp";
        File.WriteAllText(temp, root.ToJsonString(Json));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The settings recorded in <paramref name="runDirectory"/>'s run.json, or null when it has none.</summary>
    public static RunSettings? TryRead(string runDirectory)
    {
        var path = PathIn(runDirectory);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(Section, out var section)
                && section.ValueKind == JsonValueKind.Object
                ? section.Deserialize<RunSettings>(Json) is { } settings ? settings with { RunDirectory = Path.GetFullPath(runDirectory) } : null
                : null;
        }
        catch (JsonException ex)
        {
            throw new SettingsException($"{path}: the run settings cannot be read ({ex.Message}).", ex);
        }
    }
}
