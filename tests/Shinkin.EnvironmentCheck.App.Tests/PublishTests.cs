using System.Reflection;
using System.Xml.Linq;
using Shinkin.Publishing;

namespace Shinkin.EnvironmentCheck.App.Tests;

/// <summary>The help-desk build: one self-contained win-x64 .exe, set in the project file and produced by <see cref="PublishChecker"/>.</summary>
public sealed class PublishTests
{
    private static string RepositoryRoot { get; } = typeof(PublishTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    [Test]
    public void Project_publishes_one_self_contained_win_x64_file_without_trimming()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot, PublishChecker.ProjectPath));
        var properties = project.Descendants().Where(e => e.Parent?.Name == "PropertyGroup").ToLookup(e => e.Name.LocalName, e => e.Value.Trim());
        var publishGroup = project.Descendants("PropertyGroup").Single(g => g.Elements("PublishSingleFile").Any());
        Assert.Multiple(() =>
        {
            Assert.That(properties["AssemblyName"], Is.EqualTo(new[] { "shinkin-check" }));
            Assert.That(properties["OutputType"], Is.EqualTo(new[] { "Exe" }));
            Assert.That(properties["RuntimeIdentifier"], Is.EqualTo(new[] { "win-x64" }));
            Assert.That(properties["SelfContained"], Is.EqualTo(new[] { "true" }));
            Assert.That(properties["PublishSingleFile"], Is.EqualTo(new[] { "true" }));
            Assert.That(properties["IncludeNativeLibrariesForSelfExtract"], Is.EqualTo(new[] { "true" }));
            Assert.That(properties["PublishTrimmed"], Is.EqualTo(new[] { "false" }), "ClosedXML 0.95 finds much of itself by reflection");
            Assert.That(properties["InvariantGlobalization"], Is.EqualTo(new[] { "false" }), "the verdicts are Japanese");
            Assert.That((string?)publishGroup.Attribute("Condition"), Does.Contain("_IsPublishing"),
                "only dotnet publish is win-x64 and self-contained; builds and tests stay portable");
        });
    }

    [Test]
    [Category("publish")]
    [CancelAfter(600_000)]
    public async Task Publish_writes_one_windows_exe(CancellationToken cancellationToken)
    {
        var output = Path.Combine(Path.GetTempPath(), "publish-checker-" + Guid.NewGuid().ToString("N"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            var code = await PublishChecker.RunAsync(RepositoryRoot, output, stdout, stderr, cancellationToken);
            var exe = Path.Combine(output, PublishChecker.ExeName);
            var header = new byte[2];
            if (File.Exists(exe))
            {
                await using var file = File.OpenRead(exe);
                await file.ReadExactlyAsync(header, cancellationToken);
            }

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(0), stderr.ToString());
                Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EqualTo(new[] { PublishChecker.ExeName }), "one file to hand out");
                Assert.That(header, Is.EqualTo("MZ"u8.ToArray()), "a Windows PE file starts with the DOS header");
                Assert.That(new FileInfo(exe).Length, Is.GreaterThan(30L << 20), "the .NET runtime is inside");
                Assert.That(stdout.ToString(), Does.Contain(exe).And.Contain("MiB"));
            });
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
