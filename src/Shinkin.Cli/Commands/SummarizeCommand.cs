using System.CommandLine;
using System.Globalization;
using System.Xml.Linq;
using Shinkin.Cli.Runs;
using Shinkin.Reports;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Cli.Commands;

/// <summary>
/// Adds up every .trx under a folder and prints one closing line ("N passed, N failed, N skipped"),
/// the skip reasons, and fails a run that executed no test at all. Given the run folder, it also names the scenarios
/// that passed only on a retry and counts them in the closing line ("N passed (再実行で合格 1), …"): NUnit sees a pass.
/// </summary>
public static class SummarizeCommand
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
    private static readonly Argument<string> Folder = new("folder") { Description = "a folder with .trx files" };
    private static readonly Option<bool> RequireTests = new("--require-tests") { Description = "fail when no test ran" };

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("summarize", "Add up the .trx files under a folder: one closing line, skip reasons.") { Folder, RequireTests };
        command.Hidden = true;
        command.SetAction(result => Run(result.GetValue(RequireTests) ? [result.GetValue(Folder)!, "--require-tests"] : [result.GetValue(Folder)!], stdout, stderr));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string? runFolder = null)
    {
        var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var requireTests = args.Contains("--require-tests");
        if (folder is null || !Directory.Exists(folder))
        {
            stderr.WriteLine($"summarize: no test results folder '{folder}'");
            return 2;
        }

        var totals = Summarize(folder);
        foreach (var (name, reason) in totals.Skipped)
        {
            stdout.WriteLine($"skipped: {name} — {reason}");
        }

        foreach (var name in totals.FailedNames)
        {
            stdout.WriteLine($"failed: {name}");
        }

        var retried = runFolder is null ? [] : PassedOnRetry(runFolder);
        foreach (var record in retried)
        {
            stdout.WriteLine($"{OutcomeLabels.PassedOnRetry}: {record.Feature} › {record.Scenario}{ScenarioProgress.Attempts(record)}");
        }

        var passed = retried.Count == 0 ? $"{totals.Passed} passed" : $"{totals.Passed} passed ({OutcomeLabels.PassedOnRetry} {retried.Count})";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed}, {totals.Failed} failed, {totals.Skipped.Count} skipped"));
        if (requireTests && totals.Passed + totals.Failed + totals.Skipped.Count == 0)
        {
            stderr.WriteLine("harness: no test was selected or executed (check --tags / --filter)");
            return 1;
        }

        return totals.Failed > 0 ? 1 : 0;
    }

    /// <summary>The scenarios of a run folder's record that passed on a retry.</summary>
    private static List<ScenarioRecord> PassedOnRetry(string runFolder)
    {
        var folder = Path.Combine(runFolder, RunRecordStore.ScenarioFolderName);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
                .Select(RunRecordStore.ReadScenario)
                .Where(record => record.Outcome == Outcome.PassedOnRetry)
                .ToList()
            : [];
    }

    public static TestTotals Summarize(string folder)
    {
        var passed = 0;
        var failed = new List<string>();
        var skipped = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories))
        {
            var doc = XDocument.Load(file);
            foreach (var result in doc.Descendants(Trx + "UnitTestResult"))
            {
                var name = (string?)result.Attribute("testName") ?? "?";
                switch ((string?)result.Attribute("outcome"))
                {
                    case "Passed":
                        passed++;
                        break;
                    case "Failed" or "Error" or "Timeout" or "Aborted":
                        failed.Add(name);
                        break;
                    default:
                        var reason = result.Descendants(Trx + "Message").FirstOrDefault()?.Value
                            ?? result.Descendants(Trx + "StdOut").FirstOrDefault()?.Value ?? "no reason given";
                        skipped.Add((name, reason.Trim().ReplaceLineEndings(" ")));
                        break;
                }
            }
        }

        return new TestTotals(passed, failed.Count, failed, skipped);
    }
}

public sealed record TestTotals(int Passed, int Failed, IReadOnlyList<string> FailedNames, IReadOnlyList<(string Name, string Reason)> Skipped);
