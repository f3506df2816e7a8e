using System.Diagnostics;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Shinkin.Cli.Runs;
using Shinkin.Grid;

namespace Shinkin.Cli.Tests;

/// <summary>
/// `grid` as a person runs it: the command line as a child process serving a real Selenium Grid until SIGTERM, and the
/// exit 2 that names what to install when Java, or npm for a jar not yet installed, is missing.
/// </summary>
[TestFixture]
[Category("grid")]
[NonParallelizable]
public sealed partial class GridCommandTests
{
    private static readonly RepositoryLayout Repository = RepositoryLayout.Find() ?? throw new InvalidOperationException("repository not found");
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("shinkin-grid-cli-");

    [OneTimeTearDown]
    public void RemoveFolder() => folder.Delete(recursive: true);

    [Test]
    public async Task Without_Java_it_exits_2_naming_the_package_to_install()
    {
        var (exit, output) = await RunToEndAsync(["grid", "--port", "0"], path: EmptyFolder("bin"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("Java is not installed").And.Contain(JavaRuntime.DebianPackage));
            Assert.That(output, Does.Not.Contain("Grid URL"));
        });
    }

    [Test]
    public async Task Test_only_grid_without_Java_says_the_pass_was_not_run_and_why_and_exits_0()
    {
        var (exit, output) = await RunToEndAsync(["test", "--only", "grid"], path: EmptyFolder("bin"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), output);
            Assert.That(output, Does.Contain("not run: the features through a real Selenium Grid").And.Contain(JavaRuntime.DebianPackage));
            Assert.That(output, Does.Contain("0 passed, 0 failed, 0 skipped"));
            Assert.That(output, Does.Not.Contain("no test was selected"));
        });
    }

    [Test]
    public async Task Without_npm_and_without_the_jar_it_exits_2_naming_npm()
    {
        var java = await RequireJavaAsync();
        var bin = EmptyFolder("bin");
        File.CreateSymbolicLink(Path.Combine(bin, "java"), java.Executable);

        var (exit, output) = await RunToEndAsync(["grid", "--port", "0", "--install-dir", EmptyFolder("no-jar")], path: bin);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain($"{SeleniumServerPackage.Name} {SeleniumServerPackage.Version}").And.Contain("npm"));
        });
    }

    [Test]
    public async Task A_trust_file_that_does_not_exist_is_a_usage_error()
    {
        var (exit, output) = await RunToEndAsync(["grid", "--trust", Path.Combine(folder.FullName, "missing.pem")], path: null);

        Assert.That((exit, output), Is.EqualTo((2, $"harness: --trust {Path.Combine(folder.FullName, "missing.pem")}: no such file{Environment.NewLine}")));
    }

    [Test]
    public async Task Serves_a_ready_hub_and_node_on_loopback_until_SIGTERM_then_leaves_nothing_running()
    {
        await RequireJavaAsync();
        if (SeleniumServerPackage.Unavailable(Repository.GridFolder) is { } reason)
        {
            Assert.Ignore(reason);
        }

        await using var grid = HarnessProcess.StartCli(["grid", "--port", "0"]);
        var output = await grid.WaitForAsync(() => grid.Output is var text && text.Contains("Press Ctrl+C", StringComparison.Ordinal) ? text : null, "the grid's ready line", TimeSpan.FromMinutes(6));
        var hub = Address("Grid URL", output);
        var node = Address("node", output);

        Assert.That(hub, Is.Not.Null, output);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var status = GridStatus.Parse(await http.GetStringAsync(new Uri(hub!, "status")));
        var jvms = grid.Descendants(line => line.Contains("java", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(hub!.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(status.AcceptsSessions, Is.True, "ready when the URL is printed");
            Assert.That(status.Nodes.Single().Uri, Is.EqualTo(node), "the node it printed is the one registered");
            Assert.That(jvms, Has.Count.EqualTo(2), "a hub and a node");
        });

        var stopped = Stopwatch.StartNew();
        await grid.SignalAsync("TERM");
        var exit = await grid.ExitCodeAsync(TimeSpan.FromMinutes(1));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, grid.Output);
            Assert.That(grid.Output, Does.Contain("grid: stopped"));
            Assert.That(stopped.Elapsed, Is.LessThan(TimeSpan.FromSeconds(45)));
            Assert.That(jvms.Where(pid => Directory.Exists($"/proc/{pid}")), Is.Empty, "the hub's and the node's JVMs are gone");
            Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri(hub!, "status")), "the hub's port is closed");
            Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri(node!, "status")), "the node's port is closed");
        });
    }

    private static async Task<JavaRuntime> RequireJavaAsync()
    {
        try
        {
            return await JavaRuntime.RequireAsync();
        }
        catch (GridSetupException ex)
        {
            Assert.Ignore($"the Selenium Grid cannot start here: {ex.Message}");
            throw;
        }
    }

    /// <summary>The http URL on the first line that starts with <paramref name="label"/>, or null.</summary>
    private static Uri? Address(string label, string output) =>
        output.Split('\n').FirstOrDefault(line => line.StartsWith(label + " ", StringComparison.Ordinal)) is { } line
        && UrlPattern().Match(line) is { Success: true } match ? new Uri(match.Value) : null;

    /// <summary>A new empty folder for this test.</summary>
    private string EmptyFolder(string name) => Directory.CreateDirectory(Path.Combine(folder.FullName, TestContext.CurrentContext.Test.Name, name)).FullName;

    /// <summary>
    /// `dotnet shinkin.dll ARGS` to its end, output and errors interleaved; with <paramref name="path"/>, PATH is only that
    /// folder and JAVA_HOME is unset, so Java and npm are what that folder holds.
    /// </summary>
    private static async Task<(int Exit, string Output)> RunToEndAsync(string[] arguments, string? path)
    {
        await using var process = HarnessProcess.StartCli(arguments, path is null ? null : new Dictionary<string, string?> { ["PATH"] = path, ["JAVA_HOME"] = null });
        var exit = await process.ExitCodeAsync(TimeSpan.FromMinutes(3));
        return (exit, process.Output);
    }

    [GeneratedRegex(@"http://[^\s/]+/")]
    private static partial Regex UrlPattern();
}
