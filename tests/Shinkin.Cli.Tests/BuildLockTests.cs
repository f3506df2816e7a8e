using NUnit.Framework;

namespace Shinkin.Cli.Tests;

/// <summary>
/// Two entry scripts started while the build is out of date build once, not twice at the same time: the second waits for
/// the first one's build (saying so) and then finds it current. Before, both built the same outputs at once and the
/// second failed moving the first one's build-start file (seen: a `./harness help` beside `./harness test`, and the
/// README's `./harness grid` in one terminal beside `./harness run` in another). Each script runs from a copy of the
/// repository's entry files with a `dotnet` first on PATH that records each build and holds it open until the test lets
/// it end, so the second script is started while the first one's build is surely running.
/// </summary>
[TestFixture]
[Category("parity")]
[NonParallelizable]
[Platform(Include = "Linux", Reason = "the stand-in dotnet is a shell script")]
public sealed class BuildLockTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private DirectoryInfo folder = null!;

    [SetUp]
    public void CreateFolder() => folder = InspectableFolder.Create("shinkin-build-lock-");

    [TearDown]
    public void RemoveFolder() => InspectableFolder.Release(folder);

    private string Copy => Path.Combine(folder.FullName, "repository");

    private string BuildLog => Path.Combine(folder.FullName, "builds.log");

    private string Release => Path.Combine(folder.FullName, "release");

    [TestCase("harness", "harness")]
    [TestCase("harness.ps1", "harness")]
    [TestCase("harness", "harness.ps1")]
    public async Task A_second_script_waits_for_the_first_ones_build_and_does_not_build_again(string first, string second)
    {
        var environment = PrepareCopy();

        await using var one = HarnessProcess.StartScript(Copy, first, ["help"], environment);
        await one.WaitForAsync(() => File.Exists(BuildLog) && File.ReadAllText(BuildLog).Contains("start", StringComparison.Ordinal) ? "" : null, $"{first}'s build", Limit);
        await using var two = HarnessProcess.StartScript(Copy, second, ["help"], environment);
        await two.WaitForAsync(
            () => two.Output.Contains("harness: waiting for another harness to finish building", StringComparison.Ordinal)
                || File.ReadAllLines(BuildLog).Count(l => l.StartsWith("start", StringComparison.Ordinal)) > 1 ? "" : null,
            $"{second} waiting for the build or building itself",
            Limit);
        await File.WriteAllTextAsync(Release, "");

        var exits = (await one.ExitCodeAsync(Limit), await two.ExitCodeAsync(Limit));
        var builds = File.ReadAllLines(BuildLog);
        Assert.Multiple(() =>
        {
            Assert.That(exits, Is.EqualTo((0, 0)), one.Output + two.Output);
            Assert.That(builds.Count(l => l.StartsWith("start", StringComparison.Ordinal)), Is.EqualTo(1), "one build: " + string.Join(" | ", builds));
            Assert.That(two.Output, Does.Contain("harness: waiting for another harness to finish building").And.Not.Contain("harness: building"));
            Assert.That(one.Output, Does.Contain("harness: building Shinkin.Automation.sln").And.Contain("cli shinkin.dll help"));
            Assert.That(two.Output, Does.Contain("cli shinkin.dll help"), "the second went on to the command line once the build was done");
        });
    }

    /// <summary>The entry scripts and what they look at, a source newer than any build, and the stand-in dotnet; its environment.</summary>
    private Dictionary<string, string?> PrepareCopy()
    {
        foreach (var file in new[] { "harness", "harness.ps1", "bootstrap/debian-packages.txt" })
        {
            var target = Path.Combine(Copy, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(HarnessProcess.Root, file), target);
        }

        var cli = Path.Combine(Copy, "src", "Shinkin.Cli", "bin", "Debug", "net10.0", "shinkin.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(cli)!);
        File.WriteAllText(cli, "");
        File.WriteAllText(Path.Combine(Copy, "src", "Program.cs"), "// a source with no build after it");

        var bin = Directory.CreateDirectory(Path.Combine(folder.FullName, "bin")).FullName;
        var dotnet = Path.Combine(bin, "dotnet");
        File.WriteAllText(dotnet, """
            #!/bin/sh
            # Stand-in dotnet: a build is recorded and lasts until the test creates the release file; anything else is the command line.
            if [ "$1" = build ]; then
              echo "start $$" >> "$SHINKIN_TEST_BUILD_LOG"
              while [ ! -e "$SHINKIN_TEST_RELEASE" ]; do sleep 0.1; done
              echo "end $$" >> "$SHINKIN_TEST_BUILD_LOG"
              exit 0
            fi
            echo "cli $(basename "$1") $2"
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new Dictionary<string, string?>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["SHINKIN_TEST_BUILD_LOG"] = BuildLog,
            ["SHINKIN_TEST_RELEASE"] = Release,
        };
    }
}
