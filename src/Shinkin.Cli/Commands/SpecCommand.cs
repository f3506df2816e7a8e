using Shinkin.Reports.Specs;

namespace Shinkin.Cli.Commands;

/// <summary>`./harness spec [--features DIR] [--out FILE.xlsx]`: the 試験仕様書 workbook straight from the feature files.</summary>
public static class SpecCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var features = RepositoryPaths.FeaturesRoot();
        var output = Path.Combine("Reports", "out", "試験仕様書.xlsx");
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--features" when i + 1 < args.Count:
                    features = args[++i];
                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                default:
                    stderr.WriteLine($"spec: unknown option '{args[i]}' (--features DIR, --out FILE.xlsx)");
                    return 2;
            }
        }

        if (features is null || !Directory.Exists(features))
        {
            stderr.WriteLine("spec: no Features folder found (give --features DIR)");
            return 2;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            var manual = Path.Combine(features, "manual-structure.json");
            var catalog = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(features))!, "PageObjects", "ui-catalog.json");
            var path = await new SpecWorkbookWriter().WriteAsync(
                features, output, File.Exists(manual) ? manual : null, new Progress<string>(stdout.WriteLine), cancellationToken, File.Exists(catalog) ? catalog : null);
            stdout.WriteLine($"spec: {Path.GetFullPath(path)}");
            return 0;
        }
        catch (FeatureFileException ex)
        {
            stderr.WriteLine($"spec: {ex.Message}");
            return 2;
        }
    }
}
