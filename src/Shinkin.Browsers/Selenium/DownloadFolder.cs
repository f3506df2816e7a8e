using System.Globalization;

namespace Shinkin.Browsers;

/// <summary>
/// The session's download folder, watched for the file a click downloads. WebDriver has no download API, so
/// completion is read from the folder's state. Chromium writes a download first into a hidden temporary file
/// (Linux <c>.org.chromium.Chromium.XXXXXX</c>, Chrome <c>.com.google.Chrome.XXXXXX</c>, Windows <c>*.tmp</c>)
/// made before it knows the name, renames it to <c>&lt;name&gt;.crdownload</c> once it does, and to
/// <c>&lt;name&gt;</c> only after the last byte. So a download is complete when a new file with a final name is
/// there, no new temporary or partial file is left, and its size held since the previous look (for browsers
/// that write in place). A name alone proves nothing: under load the temporary file sits there for a while.
/// </summary>
internal sealed class DownloadFolder
{
    private readonly HashSet<string> before;
    private IReadOnlyList<Arrival> seen = [];
    private Arrival? candidate;

    private DownloadFolder(string path)
    {
        Path = path;
        before = new DirectoryInfo(path).EnumerateFiles().Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>What arrived by the last look, for a timeout message.</summary>
    public string Seen => seen.Count == 0
        ? "nothing arrived (on a remote grid, downloads land on the node)"
        : "seen: " + string.Join(", ", seen.Select(f => string.Create(
            CultureInfo.InvariantCulture,
            $"{f.Name} ({f.Length} bytes{(IsUnfinished(f.Name) ? ", not finished" : "")})")));

    /// <summary>Remembers what is in the folder now; only files that arrive later count.</summary>
    public static DownloadFolder Watch(string path) => new(path);

    /// <summary>The path of the downloaded file once it is complete, or null when <paramref name="timeout"/> runs out first.</summary>
    public Task<string?> WaitForCompletedFileAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        SeleniumSession.PollAsync(CompletedFile, timeout, cancellationToken);

    /// <summary>Chromium's temporary files (hidden on Unix, .tmp on Windows) and partial files (.crdownload; Firefox .part).</summary>
    private static bool IsUnfinished(string name) =>
        name.StartsWith('.')
        || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase);

    private string? CompletedFile()
    {
        var arrived = Arrived();
        if (arrived is null)
        {
            candidate = null;
            return null;
        }

        seen = arrived;
        if (arrived.Count == 0 || arrived.Any(f => IsUnfinished(f.Name)))
        {
            candidate = null;
            return null;
        }

        var newest = arrived.MaxBy(f => f.WrittenUtc)!;
        var done = newest == candidate;
        candidate = newest;
        return done ? System.IO.Path.Combine(Path, newest.Name) : null;
    }

    /// <summary>New files with their sizes; null when one was renamed while being read (the browser is busy: look again).</summary>
    private List<Arrival>? Arrived()
    {
        try
        {
            return new DirectoryInfo(Path).EnumerateFiles()
                .Where(f => !before.Contains(f.Name))
                .Select(f => new Arrival(f.Name, f.Length, f.LastWriteTimeUtc))
                .ToList();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private sealed record Arrival(string Name, long Length, DateTime WrittenUtc);
}
