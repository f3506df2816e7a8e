using System.Diagnostics;

namespace Shinkin.Browsers;

/// <summary>
/// The session's download folder, watched for the file a click downloads: WebDriver has no download API,
/// so the folder is all a Selenium session can see.
/// </summary>
internal sealed class DownloadFolder
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly HashSet<string> before;
    private long lastSize = -1;

    private DownloadFolder(string path)
    {
        Path = path;
        before = Directory.GetFiles(path).ToHashSet(StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>Remembers what is in the folder now; only files that arrive later count.</summary>
    public static DownloadFolder Watch(string path) => new(path);

    /// <summary>The path of the downloaded file once it is complete, or null when <paramref name="timeout"/> runs out first.</summary>
    public async Task<string?> WaitForCompletedFileAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (CompletedFile() is { } file)
            {
                return file;
            }

            if (clock.Elapsed > timeout)
            {
                return null;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private string? CompletedFile()
    {
        var file = Directory.GetFiles(Path)
            .FirstOrDefault(f => !before.Contains(f) && !f.EndsWith(".crdownload", StringComparison.Ordinal) && !f.EndsWith(".tmp", StringComparison.Ordinal));
        if (file is null || Directory.GetFiles(Path, "*.crdownload").Length > 0)
        {
            return null;
        }

        // Done when the size holds between two polls.
        var size = new FileInfo(file).Length;
        var done = size == lastSize;
        lastSize = size;
        return done ? file : null;
    }
}
