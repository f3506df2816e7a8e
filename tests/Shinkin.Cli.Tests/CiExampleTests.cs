using System.Globalization;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Shinkin.Cli.Commands;
using Shinkin.Cli.Runs;
using YamlDotNet.RepresentationModel;

namespace Shinkin.Cli.Tests;

/// <summary>
/// The sharded CI example (docs/ci/github-actions-shards.yml) stays ready to copy: it is valid YAML, every `./harness`
/// command in it parses as a real verb with real options, and its shard matrix, `--shard` counts, artifacts and merged
/// folders agree, so no slice of the scenarios is run twice or left out of the report.
/// </summary>
[TestFixture]
public sealed partial class CiExampleTests
{
    private const string Example = "docs/ci/github-actions-shards.yml";
    private YamlMappingNode jobs = null!;

    [OneTimeSetUp]
    public void Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryLayout.Find()!.Root, Example));
        stream.Load(reader);
        jobs = (YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode)["jobs"];
    }

    [Test]
    public void Every_harness_command_is_a_real_verb_with_real_options()
    {
        var commands = Steps(jobs).SelectMany(step => HarnessCommands(step, shard: 1)).ToList();
        var root = CommandLine.Build(TextWriter.Null, TextWriter.Null);

        Assert.That(commands, Has.Count.GreaterThanOrEqualTo(2), "a shard run and a merge");
        Assert.Multiple(() =>
        {
            foreach (var command in commands)
            {
                var parsed = root.Parse(command);
                Assert.That(parsed.Errors.Select(e => e.Message), Is.Empty, string.Join(' ', command));
                Assert.That(parsed.CommandResult.Command.Hidden, Is.False, string.Join(' ', command));
            }
        });
    }

    [Test]
    public void The_matrix_the_shard_counts_the_artifacts_and_the_merge_agree()
    {
        var (name, shardJob) = jobs.Children.Select(j => ((string)j.Key!, (YamlMappingNode)j.Value))
            .Single(j => j.Item2.Children.ContainsKey("strategy"));
        var matrix = ((YamlSequenceNode)Map(Map(shardJob, "strategy"), "matrix")["shard"]).Select(n => int.Parse((string)n!, CultureInfo.InvariantCulture)).ToList();
        var count = matrix.Count;

        var runs = matrix.Select(i => (Shard: i, Run: Steps(shardJob).SelectMany(step => HarnessCommands(step, i)).Single(c => c[0] == "run"))).ToList();
        var outFolders = runs.Select(r => Value(r.Run, "--out")).ToList();
        var uploads = matrix.Select(i => Steps(shardJob).Select(s => UploadOf(s, i)).OfType<(string Name, string Path)>().Single()).ToList();

        var (_, merger) = jobs.Children.Select(j => ((string)j.Key!, (YamlMappingNode)j.Value)).Single(j => Needs(j.Item2).Contains(name));
        var merge = Steps(merger).SelectMany(step => HarnessCommands(step, shard: 0)).Single(c => c[0] == "report");
        var download = Steps(merger).Where(s => Uses(s).StartsWith("actions/download-artifact", StringComparison.Ordinal)).Select(s => Map(s, "with")).Single();
        var merged = merge.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal) || a == "--merge").Where(a => a != "--merge").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(matrix, Is.EqualTo(Enumerable.Range(1, count)), "shards 1 … n, each once");
            Assert.That(runs.Select(r => Value(r.Run, "--shard")), Is.EqualTo(matrix.Select(i => $"{i}/{count}")), "each machine runs its own slice of the same n");
            Assert.That(outFolders, Is.Unique, "one run folder per shard");
            Assert.That(uploads.Select(u => u.Path), Is.EqualTo(outFolders), "each run folder is kept");
            Assert.That(uploads.Select(u => u.Name), Is.Unique);
            Assert.That(uploads.Select(u => u.Name), Has.All.Matches<string>(n => Regex.IsMatch(n, "^" + Regex.Escape((string)download["pattern"]!).Replace(@"\*", ".*", StringComparison.Ordinal) + "$")), "the merge job downloads every shard's artifact");
            Assert.That(merge, Does.Contain("--merge"));
            Assert.That(merged, Is.EqualTo(uploads.Select(u => $"{(string)download["path"]!}/{u.Name}")), "the merge takes exactly the n downloaded run folders");
            Assert.That((string?)merger["if"], Is.EqualTo("always()"), "a failed shard still gets its report");
        });
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode jobsOrJob) =>
        jobsOrJob.Children.ContainsKey("steps")
            ? ((YamlSequenceNode)jobsOrJob["steps"]).Cast<YamlMappingNode>()
            : jobsOrJob.Children.Values.Cast<YamlMappingNode>().SelectMany(Steps);

    private static IReadOnlyList<string> Needs(YamlMappingNode job) =>
        !job.Children.TryGetValue("needs", out var needs) ? []
        : needs is YamlSequenceNode list ? list.Select(n => (string)n!).ToList()
        : [(string)needs!];

    private static string Uses(YamlMappingNode step) => step.Children.TryGetValue("uses", out var uses) ? (string)uses! : "";

    /// <summary>The upload-artifact step's name and path for shard <paramref name="shard"/>, or null for another step.</summary>
    private static (string Name, string Path)? UploadOf(YamlMappingNode step, int shard) =>
        Uses(step).StartsWith("actions/upload-artifact", StringComparison.Ordinal)
            ? (Expand((string)Map(step, "with")["name"]!, shard), Expand((string)Map(step, "with")["path"]!, shard))
            : null;

    /// <summary>Each `./harness VERB …` line of a step's script, as arguments, with the matrix shard filled in.</summary>
    private static IEnumerable<string[]> HarnessCommands(YamlMappingNode step, int shard) =>
        !step.Children.TryGetValue("run", out var run) ? []
        : ((string)run!).Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("./harness ", StringComparison.Ordinal))
            .Select(line => Words().Matches(Expand(line, shard)).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value).Skip(1).ToArray());

    private static string Expand(string text, int shard) => MatrixShard().Replace(text, shard.ToString(CultureInfo.InvariantCulture));

    private static string Value(string[] command, string option) => command[Array.IndexOf(command, option) + 1];

    [GeneratedRegex(@"\$\{\{\s*matrix\.shard\s*\}\}")]
    private static partial Regex MatrixShard();

    [GeneratedRegex("\"([^\"]*)\"|\\S+")]
    private static partial Regex Words();
}
