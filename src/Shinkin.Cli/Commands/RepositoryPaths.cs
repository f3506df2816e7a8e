namespace Shinkin.Cli.Commands;

/// <summary>Finds the repository's Features folder from the working directory or the CLI's own location.</summary>
public static class RepositoryPaths
{
    public static string? FeaturesRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var features = Path.Combine(dir.FullName, "Features");
                if (File.Exists(Path.Combine(features, "manual-structure.json")))
                {
                    return features;
                }
            }
        }

        return null;
    }

    public static string? ManualStructure() => FeaturesRoot() is { } root ? Path.Combine(root, "manual-structure.json") : null;
}
