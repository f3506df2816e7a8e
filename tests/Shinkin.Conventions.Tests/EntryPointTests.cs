using System.Text.RegularExpressions;
using NUnit.Framework;
using Shinkin.Repository;

namespace Shinkin.Conventions.Tests;

/// <summary>
/// The command line is the only orchestrator: the two entry scripts stay thin bootstraps with the same build rule,
/// and no code outside src/Shinkin.Settings reads a SHINKIN_* variable.
/// </summary>
[TestFixture]
public sealed partial class EntryPointTests
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(RepositoryRoot.Path, relative));

    [TestCase("harness")]
    [TestCase("harness.ps1")]
    public void The_script_is_a_thin_bootstrap(string script)
    {
        var text = Read(script);
        var lines = text.Split('\n').Count(l => l.Trim().Length > 0);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Is.LessThanOrEqualTo(40), "install or check prerequisites, build when needed, hand over to the CLI");
            Assert.That(text, Does.Not.Contain("SHINKIN_"), "settings belong to the CLI and src/Shinkin.Settings");
            Assert.That(text, Does.Not.Contain("dotnet test"), "the CLI runs the tests");
            Assert.That(text, Does.Contain("shinkin.dll"));
        });
    }

    [Test]
    public void Both_scripts_and_the_doctor_share_one_build_rule()
    {
        var bash = Read("harness");
        var powershell = Read("harness.ps1");
        var csharp = Read("src/Shinkin.Cli/Runs/BuildState.cs");

        var bashSkipped = BashSkipped().Matches(bash).Select(m => m.Groups[1].Value).ToList();
        var bashSources = BashSource().Matches(bash).Select(m => "." + m.Groups[1].Value).ToList();
        var psSkipped = Quoted().Matches(PowerShellList().Match(powershell.Split("$sources")[0]).Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        var psSources = Quoted().Matches(PowerShellList().Match(powershell.Split("$sources")[1]).Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        var csSkipped = DoubleQuoted().Matches(CSharpList().Matches(csharp)[0].Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
        var csSources = DoubleQuoted().Matches(CSharpList().Matches(csharp)[1].Groups[1].Value).Select(m => m.Groups[1].Value).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(csSkipped, Is.Not.Empty.And.Contains("bin"));
            Assert.That(csSources, Is.Not.Empty.And.Contains(".cs"));
            Assert.That(bashSkipped, Is.EquivalentTo(csSkipped), "harness: skipped folders");
            Assert.That(bashSources, Is.EquivalentTo(csSources), "harness: source kinds");
            Assert.That(psSkipped, Is.EquivalentTo(csSkipped), "harness.ps1: skipped folders");
            Assert.That(psSources, Is.EquivalentTo(csSources), "harness.ps1: source kinds");
        });
    }

    [Test]
    public void No_code_outside_the_settings_project_reads_a_SHINKIN_variable()
    {
        var offenders = Directory.EnumerateFiles(RepositoryRoot.Path, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/')))
            .Where(f => !f.Relative.StartsWith("src/Shinkin.Settings/", StringComparison.Ordinal)
                && !f.Relative.Split('/').Any(s => s is "bin" or "obj"))
            .SelectMany(f => File.ReadLines(f.Full).Select((line, i) => (f.Relative, Line: line, Number: i + 1)))
            .Where(x => ReadsShinkinVariable().IsMatch(x.Line))
            .Select(x => $"{x.Relative}:{x.Number}: {x.Line.Trim()}")
            .ToList();

        Assert.That(offenders, Is.Empty, "read settings through Shinkin.Settings (SettingsEnvironment, TestHostSettings)");
    }

    [GeneratedRegex(@"-name (\.?[A-Za-z_]+)(?= -o| \\\))")]
    private static partial Regex BashSkipped();

    [GeneratedRegex(@"-name '\*\.(\w+)'")]
    private static partial Regex BashSource();

    [GeneratedRegex(@"=\s*@\(([^)]*)\)")]
    private static partial Regex PowerShellList();

    [GeneratedRegex(@"'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\{ get; \} =\s*\[([^\]]*)\]")]
    private static partial Regex CSharpList();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex DoubleQuoted();

    [GeneratedRegex(@"GetEnvironmentVariable\(\s*""SHINKIN_|const string \w+ = ""SHINKIN_")]
    private static partial Regex ReadsShinkinVariable();
}
