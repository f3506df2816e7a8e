using System.CommandLine;
using Shinkin.Cli.Runs;
using Shinkin.Reports.Specs;

namespace Shinkin.Cli.Commands;

/// <summary>`./harness spec [--features DIR] [--out FILE.xlsx]`: the 試験仕様書 workbook straight from the feature files.</summary>
public static class SpecCommand
{
    private static readonly Option<string?> Features = new("--features") { Description = "feature ファイルのフォルダ / folder of the .feature files (default Features)", HelpName = "DIR" };
    private static readonly Option<string?> Out = new("--out") { Description = "出力先 / workbook to write (default Reports/out/試験仕様書.xlsx)", HelpName = "FILE.xlsx" };

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("spec", "feature ファイルから試験仕様書を書き出します / Write the 試験仕様書 workbook from the feature files.") { Features, Out };
        command.SetAction((result, cancellationToken) =>
        {
            var repository = RepositoryLayout.Find();
            return RunAsync(
                result.GetValue(Features) ?? repository?.FeaturesDirectory,
                result.GetValue(Out) ?? Path.Combine(repository?.ReportsOut ?? Path.Combine("Reports", "out"), "試験仕様書.xlsx"),
                stdout,
                stderr,
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string? features, string output, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
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
                features, output, File.Exists(manual) ? manual : null, new LineProgress(stdout), cancellationToken, File.Exists(catalog) ? catalog : null);
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
