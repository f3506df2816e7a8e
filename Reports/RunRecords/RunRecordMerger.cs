using System.Globalization;

namespace Shinkin.Reports.RunRecords;

public enum ArtifactMode
{
    /// <summary>Copy screenshots and traces into the merged folder (self-contained, can be archived alone).</summary>
    Copy,

    /// <summary>Point at the shards' files with relative paths (fast; the shard folders must stay beside it).</summary>
    Reference,
}

public sealed record MergeOptions
{
    public ArtifactMode Artifacts { get; init; } = ArtifactMode.Copy;

    /// <summary>Run id of the merged record; default "merged-" + the earliest start.</summary>
    public string? RunId { get; init; }
}

/// <summary>
/// Merges the run records of shards (or re-runs) into one run folder that renders like any other:
/// scenarios from all, earliest start, latest end, the shards listed. A scenario recorded by more
/// than one shard keeps its latest attempt; a screen scanned by more than one keeps one scan.
/// </summary>
public static class RunRecordMerger
{
    public static async Task<RunRecord> MergeAsync(IReadOnlyList<string> runFolders, string outputFolder, MergeOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new MergeOptions();
        if (runFolders.Count == 0)
        {
            throw new ArgumentException("Nothing to merge: no run folders given.", nameof(runFolders));
        }

        var output = new RunRecordStore(outputFolder);
        if (File.Exists(Path.Combine(output.Folder, RunRecordStore.RunFileName)))
        {
            throw new IOException($"{output.Folder} already holds a run record; merge into a new folder.");
        }

        var shards = new List<RunRecord>();
        foreach (var folder in runFolders)
        {
            var shard = await RunRecordStore.LoadAsync(folder, cancellationToken);
            if (string.Equals(shard.Folder, output.Folder, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The output folder {output.Folder} is one of the inputs.", nameof(outputFolder));
            }

            shards.Add(shard);
        }

        Directory.CreateDirectory(output.Folder);
        var merged = new Dictionary<string, ScenarioRecord>(StringComparer.Ordinal);
        var shardIndex = 0;
        foreach (var shard in shards)
        {
            shardIndex++;
            progress?.Report($"シャード {shardIndex}/{shards.Count}: {shard.Folder}（{shard.Scenarios.Count} シナリオ）");
            foreach (var scenario in shard.Scenarios)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var moved = await RelocateAsync(scenario, shard.Folder, output.Folder, shardIndex, options.Artifacts, cancellationToken);
                if (merged.TryGetValue(scenario.Id, out var existing) && existing.Start > moved.Start)
                {
                    continue;
                }

                merged[scenario.Id] = moved;
            }
        }

        var infos = shards.Select(s => s.Info).ToList();
        var start = infos.Min(i => i.Start);
        var ends = infos.Select(i => i.End).OfType<DateTimeOffset>().ToList();
        var info = new RunInfo
        {
            RunId = options.RunId ?? "merged-" + start.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture),
            Start = start,
            End = ends.Count == 0 ? null : ends.Max(),
            Target = Distinct(infos.Select(i => i.Target)),
            Engine = Distinct(infos.Select(i => i.Engine)),
            BrowserVersion = Distinct(infos.Select(i => i.BrowserVersion)),
            OperatingSystem = Distinct(infos.Select(i => i.OperatingSystem)),
            Filter = Distinct(infos.Select(i => i.Filter)),
            Shard = string.Join(" + ", infos.Select(i => i.Shard)),
            MergedFrom = shards.Select(s => $"{s.Info.Shard} ({Path.GetFileName(s.Folder)})").ToList(),
            // One partial shard makes the merged record partial too.
            Interruption = infos.Any(i => i.Interruption is not null)
                ? string.Join(" / ", infos.Where(i => i.Interruption is not null).Select(i => $"{i.Shard}: {i.Interruption}"))
                : null,
            PlannedScenarios = infos.Any(i => i.Interruption is not null) && infos.All(i => i.PlannedScenarios is not null)
                ? infos.Sum(i => i.PlannedScenarios)
                : null,
        };

        foreach (var scenario in merged.Values)
        {
            await output.WriteScenarioAsync(scenario, cancellationToken);
        }

        // Every shard scans the screens it reaches: one record per screen, a finished scan over a failed one, then the latest.
        foreach (var screen in shards.SelectMany(s => s.Accessibility).GroupBy(a => a.Screen, StringComparer.Ordinal))
        {
            await output.WriteAccessibilityAsync(screen.OrderByDescending(a => a.WasScanned).ThenByDescending(a => a.ScannedAt).First(), cancellationToken);
        }

        await output.WriteInfoAsync(info, cancellationToken);
        return await RunRecordStore.LoadAsync(output.Folder, cancellationToken);
    }

    private static async Task<ScenarioRecord> RelocateAsync(ScenarioRecord scenario, string from, string to, int shardIndex, ArtifactMode mode, CancellationToken cancellationToken)
    {
        async Task<string?> Move(string? relative)
        {
            if (string.IsNullOrEmpty(relative))
            {
                return relative;
            }

            var source = Path.GetFullPath(Path.Combine(from, relative));
            if (mode == ArtifactMode.Reference || !File.Exists(source))
            {
                return Path.GetRelativePath(to, source).Replace('\\', '/');
            }

            var target = Path.GetFullPath(Path.Combine(to, relative));
            if (!target.StartsWith(to + Path.DirectorySeparatorChar, StringComparison.Ordinal) || File.Exists(target))
            {
                // Same relative path from another shard (or one pointing outside its folder): keep both apart.
                target = Path.Combine(to, RunRecordStore.ArtifactFolderName, $"shard{shardIndex}", Path.GetFileName(Path.GetDirectoryName(source)) ?? "", Path.GetFileName(source));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var input = File.OpenRead(source))
            await using (var outputStream = File.Create(target))
            {
                await input.CopyToAsync(outputStream, cancellationToken);
            }

            return Path.GetRelativePath(to, target).Replace('\\', '/');
        }

        var steps = new List<StepRecord>(scenario.Steps.Count);
        foreach (var step in scenario.Steps)
        {
            steps.Add(step with { Screenshot = await Move(step.Screenshot) });
        }

        var earlier = new List<ScenarioRecord>(scenario.EarlierAttempts.Count);
        foreach (var attempt in scenario.EarlierAttempts)
        {
            earlier.Add(await RelocateAsync(attempt, from, to, shardIndex, mode, cancellationToken));
        }

        return scenario with
        {
            Steps = steps,
            TracePath = await Move(scenario.TracePath),
            HtmlPath = await Move(scenario.HtmlPath),
            EarlierAttempts = earlier,
        };
    }

    private static string Distinct(IEnumerable<string> values) =>
        string.Join(" / ", values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal));
}
