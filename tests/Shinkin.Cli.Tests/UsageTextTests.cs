using System.Text.RegularExpressions;
using NUnit.Framework;
using Shinkin.Cli.Commands;
using Shinkin.Cli.Runs;

namespace Shinkin.Cli.Tests;

/// <summary>The help of every verb: present, in both languages, and every repository path it names exists.</summary>
[TestFixture]
public sealed partial class UsageTextTests
{
    private static IEnumerable<string> Verbs() =>
        CommandLine.Build(TextWriter.Null, TextWriter.Null).Subcommands.Where(c => !c.Hidden).Select(c => c.Name);

    private static async Task<string> HelpAsync(params string[] arguments)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.DispatchAsync(arguments, stdout, stderr);
        Assert.That(exit, Is.Zero, stderr.ToString());
        return stdout.ToString();
    }

    [TestCaseSource(nameof(Verbs))]
    public async Task Each_verb_has_help_in_Japanese_and_English(string verb)
    {
        var help = await HelpAsync("help", verb);

        Assert.Multiple(() =>
        {
            Assert.That(help, Does.Match(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]"), "Japanese");
            Assert.That(help, Does.Match("[A-Za-z]{4,} [a-z]{2,}"), "English");
        });
    }

    [Test]
    public async Task Every_path_in_the_usage_text_exists()
    {
        var root = RepositoryLayout.Find()!.Root;
        var texts = new List<string> { await HelpAsync("help") };
        foreach (var verb in Verbs())
        {
            texts.Add(await HelpAsync("help", verb));
        }

        var missing = texts.SelectMany(t => RepositoryPath().Matches(t).Select(m => m.Value.TrimEnd('.', ',', ')', ';')))
            .Where(p => p.IndexOfAny(['<', '>', '*']) < 0 && !p.Contains("NAME", StringComparison.Ordinal) && !p.StartsWith("Reports/out", StringComparison.Ordinal))
            .Distinct()
            .Where(p => !File.Exists(Path.Combine(root, p)) && !Directory.Exists(Path.Combine(root, p)))
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public async Task The_help_lists_every_documented_environment_override()
    {
        var help = await HelpAsync("help");

        Assert.That(Shinkin.Settings.SettingsEnvironment.Variables.Select(v => v.Name), Has.All.Matches<string>(name => help.Contains(name, StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"(?<![\w/])(tests|targets|Features|Reports|runsettings|src|docs|bench|bootstrap)/[^\s""'`]+")]
    private static partial Regex RepositoryPath();
}
