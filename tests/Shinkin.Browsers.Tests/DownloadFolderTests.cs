using NUnit.Framework;

namespace Shinkin.Browsers.Tests;

/// <summary>
/// How a Selenium session decides that a download is complete, against a folder written the way Chromium
/// writes one (no browser): the steps are held as long as a busy machine holds them, which real Chromium
/// does only now and then (the flaky contract test of the issue).
/// </summary>
public sealed class DownloadFolderTests
{
    private const string Name = "d-m10000001.p12";

    // Many polls long, so a rule that takes a file whose size held between two polls sees every step as "done".
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly byte[] Bytes = [.. Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7 % 253))];

    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "shinkin-downloads-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Waits_through_the_temporary_and_the_partial_file_for_the_complete_one()
    {
        var watch = DownloadFolder.Watch(folder);
        var browser = WriteLikeChromiumAsync(Name);

        var file = await watch.WaitForCompletedFileAsync(Patience, CancellationToken.None);
        var finished = browser.IsCompleted;
        await browser;

        Assert.That(Path.GetFileName(file), Is.EqualTo(Name));
        Assert.That(finished, Is.True, "returned while the browser was still writing");
        Assert.That(await File.ReadAllBytesAsync(file!), Is.EqualTo(Bytes));
    }

    [Test]
    public async Task An_unfinished_file_left_by_an_earlier_download_does_not_hold_up_the_next()
    {
        await File.WriteAllBytesAsync(Path.Combine(folder, "d-m10000009.p12.crdownload"), Bytes[..10]);
        var watch = DownloadFolder.Watch(folder);
        var browser = WriteLikeChromiumAsync(Name);

        var file = await watch.WaitForCompletedFileAsync(Patience, CancellationToken.None);
        await browser;

        Assert.That(Path.GetFileName(file), Is.EqualTo(Name));
    }

    [Test]
    public async Task On_timeout_says_what_arrived_and_that_it_is_not_finished()
    {
        var watch = DownloadFolder.Watch(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, Name + ".crdownload"), Bytes[..1024]);

        var file = await watch.WaitForCompletedFileAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.That(file, Is.Null);
        Assert.That(watch.Seen, Is.EqualTo($"seen: {Name}.crdownload (1024 bytes, not finished)"));
        Assert.That(DownloadFolder.Watch(folder).Seen, Does.StartWith("nothing arrived"));
    }

    /// <summary>
    /// Chromium on Linux: a hidden temporary file in the download folder (created before the name is known),
    /// renamed to &lt;name&gt;.crdownload once it is, and to &lt;name&gt; only when every byte is written.
    /// </summary>
    private async Task WriteLikeChromiumAsync(string name)
    {
        await Task.Yield();
        var temporary = Path.Combine(folder, ".org.chromium.Chromium.k3Xq9Z");
        await File.WriteAllBytesAsync(temporary, Bytes[..1024]);
        await Task.Delay(Held);

        var partial = Path.Combine(folder, name + ".crdownload");
        File.Move(temporary, partial);
        await Task.Delay(Held);
        await using (var stream = new FileStream(partial, FileMode.Append))
        {
            await stream.WriteAsync(Bytes.AsMemory(1024));
        }

        await Task.Delay(Held);
        File.Move(partial, Path.Combine(folder, name));
    }
}
