using System.Globalization;
using Shinkin.Cli.Commands;
using Shinkin.Reports;
using Shinkin.Settings;

namespace Shinkin.Cli.Runs;

/// <summary>
/// One pass of `dotnet test` with a run folder: the folder is made (and proven writable) before any browser
/// starts, the settings go into its run.json, each finished scenario prints a progress line, and afterwards the
/// reports are rendered from the folder and the .trx results are added up.
/// </summary>
public sealed class FeatureRun(RepositoryLayout repository, TextWriter stdout, TextWriter stderr)
{
    /// <summary>Creates the run folder and writes the settings into it; a folder that cannot be written is a usage error.</summary>
    public static void PrepareFolder(RunSettings settings)
    {
        var folder = settings.RunDirectory;
        try
        {
            Directory.CreateDirectory(folder);
            if (File.Exists(RunSettingsFile.PathIn(folder)))
            {
                throw new UsageException($"{folder} already holds a run record (run.json): give --out a new folder.");
            }

            RunSettingsFile.Write(settings);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"the run folder {folder} cannot be written: {ex.Message}");
        }
    }

    /// <summary>The environment a test host of this run gets: its run folder, Reqnroll's own reports there, and the secret key.</summary>
    public static Dictionary<string, string> TestHostEnvironment(RunSettings settings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SettingsEnvironment.RunDirectory] = settings.RunDirectory,
            ["REQNROLL_FORMATTERS_HTML"] = "outputFilePath=" + Path.Combine(settings.RunDirectory, "reqnroll_report.html"),
            ["REQNROLL_FORMATTERS_MESSAGE"] = "outputFilePath=" + Path.Combine(settings.RunDirectory, "reqnroll_report.ndjson"),
        };
        if (settings.BackOfficeKey is { } key)
        {
            environment[SettingsEnvironment.BackOfficeKey] = key;
        }

        return environment;
    }

    /// <summary>
    /// Runs <paramref name="testArguments"/> (after `dotnet test`) for the run of <paramref name="settings"/> with progress
    /// lines; returns the child's exit code and how many scenarios finished.
    /// </summary>
    public async Task<(int ExitCode, int Finished)> ExecuteAsync(RunSettings settings, IReadOnlyList<string> testArguments, string logFile, CancellationToken cancellationToken)
    {
        var plan = ScenarioPlan.For(settings, settings.FeaturesDirectory ?? repository.FeaturesDirectory);
        using var progress = new ScenarioProgress(settings.RunDirectory, plan.Count, stdout);
        var exit = await DotnetProcess.RunAsync(testArguments, repository.Root, logFile, TestHostEnvironment(settings), stdout, cancellationToken);
        progress.Complete();
        return (exit, progress.Finished);
    }

    /// <summary>`run`: the features in one engine against one target, reports written. Exit 0, 1 (failures) or 2.</summary>
    public async Task<int> RunAsync(RunSettings settings, string runSettingsFile, CancellationToken cancellationToken)
    {
        PrepareFolder(settings);
        var plan = ScenarioPlan.For(settings, repository.FeaturesDirectory);
        if (plan.Count == 0 && !settings.DryRun)
        {
            throw new UsageException($"no scenario is selected by {(settings.Tags.Length > 0 ? "--tags " + settings.Tags : "--filter " + settings.Filter)}{(settings.Shard != "1/1" ? " in shard " + settings.Shard : "")}: nothing was run");
        }

        var testResults = Path.Combine(settings.RunDirectory, "testresults");
        var arguments = new List<string>
        {
            "test", repository.FeaturesProject, "--no-build", "--nologo", "--settings", runSettingsFile,
            "--results-directory", testResults, "--logger", "trx;LogFileName=features.trx",
        };
        if (settings.Filter.Length > 0)
        {
            arguments.AddRange(["--filter", settings.Filter]);
        }

        arguments.AddRange(["--", "NUnit.NumberOfTestWorkers=" + settings.Workers.ToString(CultureInfo.InvariantCulture)]);
        Stage($"run: {(plan.Count is { } n ? n.ToString(CultureInfo.InvariantCulture) + " scenarios" : "the scenarios")} — {Describe(settings)}");
        var log = Path.Combine(testResults, "dotnet-test.log");
        var (exit, finished) = await ExecuteAsync(settings, arguments, log, cancellationToken);

        if (finished == 0 && !settings.DryRun)
        {
            foreach (var line in DotnetProcess.Tail(log, 30))
            {
                stderr.WriteLine(line);
            }

            stderr.WriteLine($"harness: no scenario finished (dotnet test exit {exit}); the log is {log}");
            return 2;
        }

        var rc = exit == 0 ? 0 : 1;
        if (!settings.DryRun)
        {
            Stage("run: reports");
            if (await ReportCommand.RenderAsync(settings.RunDirectory, repository, stdout, stderr, cancellationToken) != 0)
            {
                rc = 2;
            }
            else if (await AccessibilityVerdict.JudgeAsync(settings.RunDirectory, settings.A11y, stdout, stderr, cancellationToken) != 0 && rc == 0)
            {
                rc = 1;
            }
        }

        var summary = SummarizeCommand.Run([testResults, "--require-tests"], stdout, stderr);
        rc = rc == 0 ? summary : rc;
        Stage(rc == 0 ? "run: all scenarios passed" : $"run: finished with failures (exit {rc})");
        stdout.WriteLine($"Run folder: {settings.RunDirectory}");
        return rc;
    }

    public void Stage(string text)
    {
        stdout.WriteLine();
        stdout.WriteLine("==> " + text);
    }

    public static string Describe(RunSettings s)
    {
        var parts = new List<string> { "engine " + s.Browser.Engine.Name(), "locators " + s.Locators.Name(), "workers " + s.Workers.ToString(CultureInfo.InvariantCulture) };
        if (s.Target is { } target)
        {
            parts.Add("target " + target);
        }

        if (s.TargetProfile is { } profile)
        {
            parts.Add("profile " + profile);
        }

        if (s.Shard != "1/1")
        {
            parts.Add("shard " + s.Shard);
        }

        if (s.Filter.Length > 0)
        {
            parts.Add("filter " + s.Filter);
        }

        if (s.DryRun)
        {
            parts.Add("dry run");
        }

        return string.Join(", ", parts);
    }
}
