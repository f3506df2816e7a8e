using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Shinkin.Reports;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Cli.Runs;

/// <summary>
/// One line per finished scenario while a run goes on: the test host writes each scenario's record into the run
/// folder when it ends (scenarios/*.json, renamed into place), and this watches that folder — the run record is the
/// contract, so progress needs no channel of its own.
/// <code>[ 12/77] OK      23.4s  マスターユーザの初期設定 › マスターユーザが電子証明書を取得する  残り約 6分10秒</code>
/// A scenario the run retried says so: <c>[ 13/77] 再実行で合格 41.0s  … （2 回目で合格）</c>.
/// </summary>
public sealed class ScenarioProgress : IDisposable
{
    private readonly TextWriter output;
    private readonly int? expected;
    private readonly string folder;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, bool> seen = new(StringComparer.Ordinal);
    private readonly FileSystemWatcher watcher;
    private readonly Lock writeLock = new();
    private int finished;

    public ScenarioProgress(string runDirectory, int? expected, TextWriter output)
    {
        this.output = output;
        this.expected = expected;
        folder = Path.Combine(runDirectory, RunRecordStore.ScenarioFolderName);
        Directory.CreateDirectory(folder);
        watcher = new FileSystemWatcher(folder, "*.json") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite };
        watcher.Renamed += (_, e) => Seen(e.FullPath);
        watcher.Created += (_, e) => Seen(e.FullPath);
        watcher.EnableRaisingEvents = true;
    }

    /// <summary>Scenarios reported so far.</summary>
    public int Finished => Volatile.Read(ref finished);

    /// <summary>Reports records the watcher may have missed (it can drop events under load), then stops watching.</summary>
    public void Complete()
    {
        watcher.EnableRaisingEvents = false;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            Seen(file);
        }
    }

    public void Dispose() => watcher.Dispose();

    /// <summary>
    /// Reports a record once. The whole of it runs under one lock, so <see cref="Complete"/> (which calls this for every
    /// file) waits for a watcher event still reading the same file instead of passing it as already reported.
    /// </summary>
    private void Seen(string path)
    {
        if (!path.EndsWith(".json", StringComparison.Ordinal))
        {
            return;
        }

        lock (writeLock)
        {
            if (seen.ContainsKey(path))
            {
                return;
            }

            ScenarioRecord record;
            try
            {
                record = RunRecordStore.ReadScenario(path);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                // Not there yet or half written: the rename that completes it raises another event.
                return;
            }

            seen[path] = true;
            var n = Interlocked.Increment(ref finished);
            output.WriteLine(Line(record, n));
            if (record.Outcome == Outcome.Failed && record.Error is { } error)
            {
                var first = error.ReplaceLineEndings(" ").Trim();
                output.WriteLine("         " + (first.Length > 200 ? first[..200] + "…" : first));
            }
        }
    }

    private string Line(ScenarioRecord record, int n)
    {
        var total = expected is { } count ? count.ToString(CultureInfo.InvariantCulture) : "?";
        var width = total.Length;
        var left = expected is { } all && all > n ? "  残り約 " + Format(clock.Elapsed / n * (all - n)) : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{n.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{total}] {PadToColumns(OutcomeLabels.Label(record.Outcome), 6)} {record.Duration.TotalSeconds,6:0.0}s  {record.Feature} › {record.Scenario}{Attempts(record)}{left}");
    }

    /// <summary>What a retried scenario's line adds: on which attempt it passed, or how often it failed.</summary>
    public static string Attempts(ScenarioRecord record) =>
        record.EarlierAttempts.Count == 0 ? ""
        : OutcomeLabels.IsPass(record.Outcome) ? $"（{record.Attempt} 回目で合格）"
        : $"（{record.Attempt} 回実行）";

    /// <summary>One line with the outcomes of the scenarios recorded in a run folder so far (a partial run's closing count).</summary>
    public static string Totals(string runDirectory)
    {
        var folder = Path.Combine(runDirectory, RunRecordStore.ScenarioFolderName);
        var outcomes = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Select(file => RunRecordStore.ReadScenario(file).Outcome).ToList()
            : [];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"記録されたシナリオ {outcomes.Count}: {string.Join("、", OutcomeLabels.ReportOrder.Select(o => $"{OutcomeLabels.Label(o)} {outcomes.Count(x => x == o)}"))}");
    }

    /// <summary>Pads to a width in terminal columns: 保留 and 対象外 take two columns a character.</summary>
    private static string PadToColumns(string text, int columns) =>
        text + new string(' ', Math.Max(0, columns - text.Sum(c => c >= '\u2E80' ? 2 : 1)));

    private static string Format(TimeSpan time) =>
        time.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes}分{time.Seconds:00}秒")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Seconds}秒");
}
