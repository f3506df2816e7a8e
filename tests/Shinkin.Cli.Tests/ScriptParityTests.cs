using System.Diagnostics;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Shinkin.Cli.Runs;

namespace Shinkin.Cli.Tests;

/// <summary>
/// harness.ps1 (under the PowerShell tool pinned in .config/dotnet-tools.json) and ./harness answer the same
/// invocations with the same exit code and the same output, so Windows users get what the Linux CI tests.
/// </summary>
[TestFixture]
[Category("parity")]
[NonParallelizable]
public sealed partial class ScriptParityTests
{
    private RepositoryLayout repository = null!;
    private DirectoryInfo folder = null!;

    [OneTimeSetUp]
    public void RequireACurrentBuild()
    {
        repository = RepositoryLayout.Find() ?? throw new InvalidOperationException("repository not found");
        if (BuildState.FirstNewerSource(repository) is { } newer)
        {
            // The scripts would build while this test host runs from the build: only through ./harness test is it current.
            Assert.Ignore($"the build is older than {newer}: run through ./harness test, which builds first");
        }
    }

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("shinkin-parity-");

    [TearDown]
    public void RemoveFolder() => folder.Delete(recursive: true);

    private static IEnumerable<TestCaseData> Invocations()
    {
        yield return new TestCaseData((object)new[] { "help" }).SetName("help");
        yield return new TestCaseData((object)new[] { "help", "run" }).SetName("help run");
        yield return new TestCaseData((object)new[] { "check-env", "tests/Shinkin.EnvironmentCheck.Tests/Fixtures/manual-conformant-hkcu.reg", "--format", "json" }).SetName("check-env on a fixture");
        yield return new TestCaseData((object)new[] { "check-env", "tests/Shinkin.EnvironmentCheck.Tests/Fixtures/win10-default.reg" }).SetName("check-env with findings");
        yield return new TestCaseData((object)new[] { "run", "--dry-run", "--tags", "manual:5-1", "--out", "{out}" }).SetName("run --dry-run");
        yield return new TestCaseData((object)new[] { "run", "--workers", "0" }).SetName("run with a bad option");
    }

    [TestCaseSource(nameof(Invocations))]
    public async Task Both_scripts_answer_alike(string[] arguments)
    {
        var bash = await RunAsync(Path.Combine(repository.Root, "harness"), [], arguments, "bash");
        var powershell = await RunAsync("dotnet", ["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", "harness.ps1"], arguments, "ps");

        Assert.Multiple(() =>
        {
            Assert.That(powershell.ExitCode, Is.EqualTo(bash.ExitCode), "exit code");
            Assert.That(powershell.Output, Is.EqualTo(bash.Output), "standard output");
            Assert.That(powershell.Errors, Is.EqualTo(bash.Errors), "standard error");
            Assert.That(bash.Output.Length + bash.Errors.Length, Is.GreaterThan(0), "the invocation printed something");
        });
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, string[] prefix, string[] arguments, string name)
    {
        var output = Path.Combine(folder.FullName, name);
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in prefix.Concat(arguments.Select(a => a.Replace("{out}", output, StringComparison.Ordinal))))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("SHINKIN_", StringComparison.Ordinal) || k.StartsWith("REQNROLL_FORMATTERS", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, Normalize(await stdout, output), Normalize(await stderr, output));
    }

    /// <summary>What legitimately differs between two runs: the run folder and durations.</summary>
    private static string Normalize(string text, string output) =>
        Duration().Replace(text.Replace(output, "<out>", StringComparison.Ordinal).ReplaceLineEndings("\n"), "Duration: <t>");

    [GeneratedRegex(@"Duration: [\d.]+ \w+")]
    private static partial Regex Duration();
}
