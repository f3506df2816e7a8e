namespace Shinkin.Repository;

/// <summary>
/// The one way to find this repository's root, the folder that holds <see cref="MarkerFile"/>: for the tests,
/// which read the repository's own files, and for the command line, which finds Features/ and targets/ there.
/// </summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "Shinkin.Automation.sln";

    /// <summary>The root, or <see cref="DirectoryNotFoundException"/> naming where it was looked for.</summary>
    public static string Path =>
        TryLocate() ?? throw new DirectoryNotFoundException(
            $"{MarkerFile} was found neither above {Directory.GetCurrentDirectory()} nor above {AppContext.BaseDirectory}.");

    /// <summary>
    /// Above the working directory first (the checkout a command is run in), then above the running program
    /// (a tool started from elsewhere; a test host's working directory is its output folder, so tests find
    /// the checkout they were built in either way); null when neither.
    /// </summary>
    public static string? TryLocate() => FindAbove(Directory.GetCurrentDirectory()) ?? FindAbove(AppContext.BaseDirectory);

    /// <summary>The nearest folder at or above <paramref name="directory"/> that holds <see cref="MarkerFile"/>; null when none does.</summary>
    public static string? FindAbove(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, MarkerFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
