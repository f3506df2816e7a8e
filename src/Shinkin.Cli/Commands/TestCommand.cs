using System.CommandLine;
using System.Globalization;
using Shinkin.Cli.Runs;
using Shinkin.Settings;

namespace Shinkin.Cli.Commands;

/// <summary>
/// `test`: every test of the solution — unit, server, browser contract, the Windows-script parity check and every
/// feature on Playwright (label mode, hook-less embedded server, accessibility enforced) — then a representative subset
/// of the features on Selenium. The full Selenium pass is a recorded benchmark (bench/README.md).
/// </summary>
public static class TestCommand
{
    /// <summary>Every chain of procedures end to end, the read-only smoke set and both logouts: each page object on Selenium.</summary>
    public const string SeleniumSubsetTags = "e2e|readonly|manual:5-1|manual:2-4:2|manual:3-1:6";

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("test", "ソリューションの全テストを実行します / Run every test of the solution (unit, server, browser contract, scripts, features).");
        command.SetAction(async (_, cancellationToken) => await RunAsync(RepositoryLayout.Require(), stdout, stderr, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(RepositoryLayout repository, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var results = Path.Combine(repository.TestResults, DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var run = new FeatureRun(repository, stdout, stderr);
        var rc = 0;

        run.Stage("test: restoring the PowerShell tool the Windows-script parity test runs (.config/dotnet-tools.json)");
        if (await DotnetProcess.RunAsync(["tool", "restore"], repository.Root, Path.Combine(results, "tool-restore.log"), new Dictionary<string, string>(), stdout, cancellationToken) != 0)
        {
            stderr.WriteLine($"harness: dotnet tool restore failed (see {Path.Combine(results, "tool-restore.log")}); the parity test will fail");
        }

        // Enforced: the reference server must stay free of serious and critical WCAG violations on every screen the features reach.
        var playwright = new RunSettings { RunDirectory = Path.Combine(results, "features-playwright"), A11y = A11yMode.Enforce };
        FeatureRun.PrepareFolder(playwright);
        run.Stage("test: every test project of Shinkin.Automation.sln (features on Playwright Chromium, label mode)");
        var (solutionExit, _) = await run.ExecuteAsync(
            playwright,
            ["test", repository.Solution, "--no-build", "--nologo", "-m:1", "--settings", repository.RunSettingsFile("ci"), "--results-directory", results, "--logger", "trx"],
            Path.Combine(results, "solution.log"),
            cancellationToken);
        rc = solutionExit == 0 ? rc : 1;
        rc = await JudgeAccessibilityAsync(playwright, stdout, stderr, cancellationToken) == 0 ? rc : 1;

        var selenium = new RunSettings
        {
            RunDirectory = Path.Combine(results, "features-selenium"),
            Tags = SeleniumSubsetTags,
            Filter = TagFilter.ToTestFilter(SeleniumSubsetTags),
            Browser = new BrowserOptions { Engine = BrowserEngine.Selenium },
        };
        FeatureRun.PrepareFolder(selenium);
        run.Stage($"test: a representative subset of the features on Selenium Chrome (--tags \"{SeleniumSubsetTags}\")");
        var (seleniumExit, _) = await run.ExecuteAsync(
            selenium,
            [
                "test", repository.FeaturesProject, "--no-build", "--nologo", "--settings", repository.RunSettingsFile("selenium-chrome"),
                "--results-directory", Path.Combine(results, "selenium"), "--filter", selenium.Filter, "--logger", "trx;LogFileName=features-selenium.trx",
            ],
            Path.Combine(results, "selenium.log"),
            cancellationToken);
        rc = seleniumExit == 0 ? rc : 1;

        run.Stage("test: summary");
        var summary = SummarizeCommand.Run([results, "--require-tests"], stdout, stderr);
        stdout.WriteLine($"Results: {results}");
        return rc == 0 ? summary : rc;
    }

    private static async Task<int> JudgeAccessibilityAsync(RunSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            return await AccessibilityVerdict.JudgeAsync(settings.RunDirectory, settings.A11y, stdout, stderr, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            // The features never started (the solution pass says why); nothing was scanned.
            stderr.WriteLine($"harness: no accessibility record to judge: {ex.Message}");
            return 1;
        }
    }
}
