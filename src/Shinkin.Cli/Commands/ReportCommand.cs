using Shinkin.Reports;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Cli.Commands;

/// <summary>
/// `./harness report RUN_FOLDER` renders every report from a saved run record again;
/// `./harness report --merge A B C [--out DIR]` merges shard records into one and renders it.
/// </summary>
public static class ReportCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var progress = new Progress<string>(stdout.WriteLine);
        string folder;
        try
        {
            if (args.Count > 0 && args[0] == "--merge")
            {
                var outIndex = IndexOf(args, "--out");
                var shards = args.Skip(1).Where((_, i) => outIndex < 0 || (i + 1 != outIndex && i + 1 != outIndex + 1)).ToList();
                if (shards.Count < 1)
                {
                    stderr.WriteLine("report --merge needs the run folders to merge");
                    return 2;
                }

                folder = outIndex >= 0 && outIndex + 1 < args.Count
                    ? args[outIndex + 1]
                    : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(shards[0])) ?? ".", "merged-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
                var merged = await RunRecordMerger.MergeAsync(shards, folder, progress: progress, cancellationToken: cancellationToken);
                stdout.WriteLine($"merged {merged.Scenarios.Count} scenarios from {shards.Count} run records into {merged.Folder}");
            }
            else if (args.Count == 1)
            {
                folder = args[0];
            }
            else
            {
                stderr.WriteLine("usage: report RUN_FOLDER | report --merge A B C [--out DIR]");
                return 2;
            }

            var options = new ReportOptions { FeaturesRoot = RepositoryPaths.FeaturesRoot(), ManualStructurePath = RepositoryPaths.ManualStructure() };
            var written = await new ReportRenderer().RenderAsync(folder, options, progress, cancellationToken);
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

    private static int IndexOf(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
