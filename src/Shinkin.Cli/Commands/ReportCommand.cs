using System.CommandLine;
using System.Globalization;
using Shinkin.Cli.Runs;
using Shinkin.Reports;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Cli.Commands;

/// <summary>
/// `report RUN_FOLDER` renders every report from a saved run record again;
/// `report --merge A B C [--out DIR]` merges shard records into one and renders it.
/// </summary>
public static class ReportCommand
{
    private static readonly Argument<string[]> Folders = new("run-folder") { Description = "実行フォルダ / run folder(s)", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<bool> Merge = new("--merge") { Description = "分割実行の記録を一つにまとめます / merge shard run folders into one" };
    private static readonly Option<string?> Out = new("--out") { Description = "まとめた記録の出力先 / folder of the merged record (default beside the first)", HelpName = "DIR" };

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("report", "保存した実行記録から報告書を作り直すか、分割実行をまとめます / Render the reports of a saved run folder again, or merge shards (--merge a b c).")
        {
            Folders, Merge, Out,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(Folders) ?? [], result.GetValue(Merge), result.GetValue(Out), stdout, stderr, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> folders, bool merge, string? output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!merge && folders.Count != 1)
        {
            stderr.WriteLine("report: give one run folder, or --merge with the folders to merge");
            return 2;
        }

        var folder = folders[0];
        try
        {
            if (merge)
            {
                folder = output ?? Path.Combine(
                    Path.GetDirectoryName(Path.GetFullPath(folders[0])) ?? ".",
                    "merged-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
                var merged = await RunRecordMerger.MergeAsync(folders, folder, progress: new LineProgress(stdout), cancellationToken: cancellationToken);
                stdout.WriteLine($"merged {merged.Scenarios.Count} scenarios from {folders.Count} run records into {merged.Folder}");
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"report: {ex.Message}");
            return 2;
        }

        return await RenderAsync(folder, RepositoryLayout.Find(), stdout, stderr, cancellationToken);
    }

    /// <summary>Renders every report of a run folder and prints each file written; 2 when the record cannot be used.</summary>
    public static async Task<int> RenderAsync(string folder, RepositoryLayout? repository, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            var options = new ReportOptions
            {
                FeaturesRoot = repository?.FeaturesDirectory,
                ManualStructurePath = repository is not null && File.Exists(repository.ManualStructure) ? repository.ManualStructure : null,
            };
            var written = await new ReportRenderer().RenderAsync(folder, options, new LineProgress(stdout), cancellationToken);
            foreach (var file in written)
            {
                stdout.WriteLine($"report: {file}");
            }

            var html = Path.Combine(Path.GetFullPath(folder), "reqnroll_report.html");
            if (File.Exists(html))
            {
                stdout.WriteLine($"report: {html}");
            }

            return 0;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"report: {ex.Message}");
            return 2;
        }
    }
}
