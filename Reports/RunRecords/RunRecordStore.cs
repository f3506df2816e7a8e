using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shinkin.Reports.RunRecords;

/// <summary>A whole run as read back from its folder.</summary>
public sealed record RunRecord(string Folder, RunInfo Info, IReadOnlyList<ScenarioRecord> Scenarios)
{
    /// <summary>One accessibility record per screen the run reached, in screen-id order (empty when the run scanned none).</summary>
    public IReadOnlyList<AccessibilityRecord> Accessibility { get; init; } = [];
}

/// <summary>
/// The run folder is the record: <c>run.json</c> (run facts), <c>scenarios/*.json</c> (one file per
/// scenario, so parallel workers never share a file), <c>a11y/*.json</c> (one accessibility scan per
/// screen) and the artefacts beside them. Every report
/// is rendered from this folder, so it can be rendered again or merged with other shards later.
/// </summary>
public sealed class RunRecordStore
{
    public const string RunFileName = "run.json";
    public const string ScenarioFolderName = "scenarios";
    public const string ArtifactFolderName = "artifacts";
    public const string AccessibilityFolderName = "a11y";

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public RunRecordStore(string folder)
    {
        Folder = Path.GetFullPath(folder);
    }

    public string Folder { get; }

    /// <summary>Folder for a scenario's screenshots, HTML and trace (created on demand).</summary>
    public string ArtifactFolder(string scenarioId)
    {
        var dir = Path.Combine(Folder, ArtifactFolderName, SafeFileName(scenarioId));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public string RelativePath(string fullPath) => Path.GetRelativePath(Folder, fullPath).Replace('\\', '/');

    public async Task WriteInfoAsync(RunInfo info, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        await WriteJsonAsync(Path.Combine(Folder, RunFileName), info, cancellationToken);
    }

    public async Task WriteScenarioAsync(ScenarioRecord scenario, CancellationToken cancellationToken = default)
    {
        var dir = Path.Combine(Folder, ScenarioFolderName);
        Directory.CreateDirectory(dir);
        await WriteJsonAsync(Path.Combine(dir, SafeFileName(scenario.Id) + ".json"), scenario, cancellationToken);
    }

    /// <summary>The scan of one screen; a later write for the same screen replaces it (a failed scan retried).</summary>
    public async Task WriteAccessibilityAsync(AccessibilityRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var dir = Path.Combine(Folder, AccessibilityFolderName);
        Directory.CreateDirectory(dir);
        await WriteJsonAsync(Path.Combine(dir, SafeFileName(record.Screen) + ".json"), record, cancellationToken);
    }

    /// <summary>
    /// Marks the run of <paramref name="folder"/> as stopped early (its reports say they are partial): the reason, and how
    /// many scenarios it had selected when known. <see cref="InvalidDataException"/> when the folder holds no run facts.
    /// </summary>
    public static async Task MarkInterruptedAsync(string folder, string reason, int? plannedScenarios, CancellationToken cancellationToken = default)
    {
        var runFile = Path.Combine(Path.GetFullPath(folder), RunFileName);
        if (!File.Exists(runFile))
        {
            throw new InvalidDataException($"{folder} is not a run record: {RunFileName} is missing.");
        }

        var info = await ReadJsonAsync<RunInfo>(runFile, cancellationToken);
        await WriteJsonAsync(runFile, info with { Interruption = reason, PlannedScenarios = plannedScenarios }, cancellationToken);
    }

    public static async Task<RunRecord> LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(folder);
        var runFile = Path.Combine(full, RunFileName);
        if (!File.Exists(runFile))
        {
            throw new InvalidDataException($"{full} is not a run record: {RunFileName} is missing.");
        }

        var info = await ReadJsonAsync<RunInfo>(runFile, cancellationToken);
        var scenarios = new List<ScenarioRecord>();
        var dir = Path.Combine(full, ScenarioFolderName);
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal))
            {
                scenarios.Add(await ReadJsonAsync<ScenarioRecord>(file, cancellationToken));
            }
        }

        var accessibility = new List<AccessibilityRecord>();
        var a11y = Path.Combine(full, AccessibilityFolderName);
        if (Directory.Exists(a11y))
        {
            foreach (var file in Directory.EnumerateFiles(a11y, "*.json").Order(StringComparer.Ordinal))
            {
                accessibility.Add(await ReadJsonAsync<AccessibilityRecord>(file, cancellationToken));
            }
        }

        return new RunRecord(full, info, scenarios
            .OrderBy(s => s.FeatureFile, StringComparer.Ordinal)
            .ThenBy(s => s.Start)
            .ToList())
        {
            Accessibility = accessibility.OrderBy(a => a.Screen, StringComparer.Ordinal).ToList(),
        };
    }

    /// <summary>One scenario record as the test host wrote it; <see cref="InvalidDataException"/> when it is not one.</summary>
    public static ScenarioRecord ReadScenario(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<ScenarioRecord>(stream, Json) ?? throw new InvalidDataException($"{path}: empty record.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid record ({ex.Message}).", ex);
        }
    }

    /// <summary>File-system-safe form of an id (keeps Japanese, drops path and reserved characters).</summary>
    public static string SafeFileName(string id)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|', ' ']).ToHashSet();
        var chars = id.Select(c => invalid.Contains(c) ? '_' : c).ToArray();
        var name = new string(chars);
        return name.Length > 120 ? name[..120] : name;
    }

    private static async Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static async Task<T> ReadJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken)
                ?? throw new InvalidDataException($"{path}: empty record.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid record ({ex.Message}).", ex);
        }
    }
}
