using System.Globalization;
using Shinkin.Cli.Commands;
using Shinkin.Reports;
using Shinkin.Reports.RunRecords;
using Shinkin.Settings;

namespace Shinkin.Cli.Runs;

/// <summary>
/// One pass of `dotnet test` with a run folder: what the run needs from outside is checked first (<see cref="Preflight"/>:
/// browser, remote endpoint, server under test), the folder is made (and proven writable) before any browser starts, the settings go into its run.json, each finished scenario prints a progress line, and afterwards the
/// reports are rendered from the folder and the .trx results are added up. A run stopped by Ctrl+C or SIGTERM
/// starts no further scenario, lets the running ones finish (at most <see cref="StopGrace"/>, or until a second
/// signal) and renders a partial report of what finished.
/// </summary>
public sealed class FeatureRun(RepositoryLayout repository, TextWriter stdout, TextWriter stderr, StopSignals? signals = null)
{
    /// <summary>How long a stopped run's scenarios may take to finish before the test run is killed.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(60);

    /// <summary>The exit code of a run stopped early, like a setup error: what it says is incomplete.</summary>
    public const int InterruptedExitCode = 2;

    private readonly StopSignals signals = signals ?? StopSignals.None();

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
    /// lines; returns the child's exit code and how many scenarios finished. Cancelling kills the test run at once, unless
    /// <paramref name="stopGrace"/> is given: then the run folder gets a stop request (no further scenario starts), the
    /// test run may end by itself within that time (or until a second signal), and the method returns instead of throwing.
    /// </summary>
    public async Task<(int ExitCode, int Finished)> ExecuteAsync(
        RunSettings settings, IReadOnlyList<string> testArguments, string logFile, CancellationToken cancellationToken, TimeSpan stopGrace = default)
    {
        var plan = ScenarioPlan.For(settings, settings.FeaturesDirectory ?? repository.FeaturesDirectory);
        using var progress = new ScenarioProgress(settings.RunDirectory, plan.Count, stdout);
        if (stopGrace <= TimeSpan.Zero)
        {
            var exit = await DotnetProcess.RunAsync(testArguments, repository.Root, logFile, TestHostEnvironment(settings), stdout, cancellationToken);
            progress.Complete();
            return (exit, progress.Finished);
        }

        using var kill = CancellationTokenSource.CreateLinkedTokenSource(signals.Insisted);
        await using var stopping = cancellationToken.Register(() => RequestStop(settings.RunDirectory, stopGrace, kill));
        int exitCode;
        try
        {
            exitCode = await DotnetProcess.RunAsync(testArguments, repository.Root, logFile, TestHostEnvironment(settings), stdout, kill.Token, ownSession: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stdout.WriteLine("==> stop: the test run was ended before it finished by itself (its scenario in progress is not reported)");
            exitCode = -1;
        }

        progress.Complete();
        return (exitCode, progress.Finished);
    }

    private void RequestStop(string runDirectory, TimeSpan grace, CancellationTokenSource kill)
    {
        var reason = signals.Reason ?? "stop requested";
        try
        {
            RunStopRequest.Write(runDirectory, reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"harness: cannot write the stop request ({ex.Message}); stopping the test run now");
            kill.Cancel();
            return;
        }

        stdout.WriteLine($"==> stop ({reason}): no further scenario starts; the ones running finish within {grace.TotalSeconds:0} s (send it again to stop at once)");
        kill.CancelAfter(grace);
    }

    /// <summary>`run`: the features in one engine against one target, reports written. Exit 0, 1 (failures) or 2.</summary>
    public async Task<int> RunAsync(RunSettings settings, string runSettingsFile, CancellationToken cancellationToken)
    {
        if (await Preflight.ProblemsAsync(settings, cancellationToken) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
            {
                stderr.WriteLine($"harness: {problem}");
            }

            throw new UsageException("the run cannot start (above); nothing was run and no run folder was made");
        }

        PrepareFolder(settings);
        var plan = ScenarioPlan.For(settings, settings.FeaturesDirectory ?? repository.FeaturesDirectory);
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
        var (exit, finished) = await ExecuteAsync(settings, arguments, log, cancellationToken, StopGrace);
        if (cancellationToken.IsCancellationRequested)
        {
            return await ReportPartialAsync(settings, plan.Count, finished, log);
        }

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

        var summary = SummarizeCommand.Run([testResults, "--require-tests"], stdout, stderr, settings.DryRun ? null : settings.RunDirectory);
        var (code, closing) = Closing(rc == 0 ? summary : rc, SummarizeCommand.Summarize(testResults), settings.DryRun);
        Stage(closing);
        stdout.WriteLine($"Run folder: {settings.RunDirectory}");
        return code;
    }

    /// <summary>
    /// The exit code and closing line of a run that finished. Passing says how much was verified: a run whose every
    /// scenario was 対象外 (no account for it in the profile, an engine gap) verified nothing, so it is not a pass (exit 1),
    /// and a pass beside 対象外 scenarios says how many were not run.
    /// </summary>
    internal static (int ExitCode, string Line) Closing(int exitCode, TestTotals totals, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var skipped = totals.Skipped.Count;
        return exitCode switch
        {
            not 0 => (exitCode, $"run: finished with failures (exit {exitCode})"),
            _ when dryRun => (0, "run: every step is bound (dry run, no browser)"),
            _ when skipped == 0 => (0, "run: all scenarios passed"),
            _ when totals.Passed == 0 => (1, $"run: nothing was verified — every selected scenario ({skipped}) is 対象外, with its reason above (exit 1)"),
            _ => (0, $"run: no failures — {totals.Passed} passed, {skipped} 対象外 with the reasons above"),
        };
    }

    /// <summary>
    /// A run stopped early: the scenarios that finished are rendered as a report that says it is partial (workbook,
    /// JUnit, Reqnroll's HTML) and the closing line says so too. Exit <see cref="InterruptedExitCode"/>.
    /// </summary>
    private async Task<int> ReportPartialAsync(RunSettings settings, int? planned, int finished, string log)
    {
        var reason = signals.Reason ?? RunStopRequest.Read(settings.RunDirectory) ?? "stop requested";
        var of = planned is { } count ? $"{finished} of {count}" : finished.ToString(CultureInfo.InvariantCulture);
        if (finished == 0 || settings.DryRun)
        {
            stderr.WriteLine($"harness: interrupted ({reason}) before any scenario finished: nothing to report; the log is {log}");
            return InterruptedExitCode;
        }

        Stage("run: reports of the scenarios that finished (partial)");
        try
        {
            await RunRecordStore.MarkInterruptedAsync(settings.RunDirectory, reason, planned, CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"harness: interrupted ({reason}); the run record cannot be marked partial: {ex.Message}");
            return InterruptedExitCode;
        }

        await ReportCommand.RenderAsync(settings.RunDirectory, repository, stdout, stderr, CancellationToken.None);
        stdout.WriteLine(ScenarioProgress.Totals(settings.RunDirectory));
        Stage($"run: interrupted ({reason}) — partial report: {of} scenarios finished (exit {InterruptedExitCode})");
        stdout.WriteLine($"Run folder: {settings.RunDirectory}");
        return InterruptedExitCode;
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

        if (s.Retries > 0)
        {
            parts.Add("retries " + s.Retries.ToString(CultureInfo.InvariantCulture));
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
