namespace Shinkin.Cli.Runs;

/// <summary>
/// Whether the build is current: no source file is newer than the stamp the entry scripts write after a build that
/// succeeded. The same rule as in `harness` and `harness.ps1` (a convention test keeps the three equal).
/// </summary>
public static class BuildState
{
    /// <summary>Folders never searched for sources: build output, results, data, tools.</summary>
    public static IReadOnlyList<string> SkippedFolders { get; } = ["bin", "obj", ".git", ".harness", ".data", "TestResults", "out", "node_modules"];

    /// <summary>File kinds that are build inputs.</summary>
    public static IReadOnlyList<string> SourceExtensions { get; } =
        [".cs", ".csproj", ".props", ".targets", ".sln", ".feature", ".json", ".cshtml", ".css", ".js", ".resx", ".runsettings"];

    /// <summary>The first source newer than the build stamp, "(no build stamp)" when there is none, or null when the build is current.</summary>
    public static string? FirstNewerSource(RepositoryLayout repository)
    {
        if (!File.Exists(repository.BuildStamp))
        {
            return "(no build stamp: the scripts write .harness/build-stamp after a build)";
        }

        var stamp = File.GetLastWriteTimeUtc(repository.BuildStamp);
        return Sources(new DirectoryInfo(repository.Root)).FirstOrDefault(f => f.LastWriteTimeUtc > stamp) is { } newer
            ? Path.GetRelativePath(repository.Root, newer.FullName)
            : null;
    }

    private static IEnumerable<FileInfo> Sources(DirectoryInfo folder)
    {
        foreach (var file in folder.EnumerateFiles())
        {
            if (SourceExtensions.Contains(file.Extension, StringComparer.Ordinal))
            {
                yield return file;
            }
        }

        foreach (var child in folder.EnumerateDirectories())
        {
            if (!SkippedFolders.Contains(child.Name, StringComparer.Ordinal))
            {
                foreach (var file in Sources(child))
                {
                    yield return file;
                }
            }
        }
    }
}
