using System.CommandLine;
using System.Xml.Linq;
using Shinkin.Cli.Runs;
using Shinkin.Settings;

namespace Shinkin.Cli.Commands;

/// <summary>
/// `run`: every feature (or a tagged subset) in a real browser, reports written into a run folder. Settings are resolved
/// defaults → runsettings file → environment → options, written into the run folder's run.json, and read there by the test host.
/// </summary>
public static class RunCommand
{
    private static readonly Option<string?> Tags = new("--tags") { Description = "タグ式 / tag expression over the scenarios' tags, e.g. \"master\" or \"manual:2-1&!slow\"", HelpName = "EXPR" };
    private static readonly Option<string?> Filter = new("--filter") { Description = "dotnet test --filter の式 / raw `dotnet test --filter` expression", HelpName = "EXPR" };
    private static readonly Option<string?> TargetProfile = new("--target-profile") { Description = "ターゲットプロファイル / target profile (targets/NAME.json): URLs, CA, capabilities, words, account pool", HelpName = "FILE" };
    private static readonly Option<string?> Locators = new("--locators") { Description = "labels (既定: マニュアルの語句 / the manual's words) | testids (the reference server's fast path)", HelpName = "MODE" };
    private static readonly Option<string?> A11y = new("--a11y") { Description = "アクセシビリティ走査 / accessibility scan of each screen: off | report (default) | enforce (serious/critical violations fail the run)", HelpName = "MODE" };
    private static readonly Option<string?> Trace = new("--trace") { Description = "トレース / engine trace of each scenario: off (default) | on-failure (kept as trace.zip beside a failed scenario's evidence)", HelpName = "MODE" };
    private static readonly Option<string?> Target = new("--target") { Description = "別のリファレンスサーバ / another copy of the reference server (with SHINKIN_BACKOFFICE_KEY)", HelpName = "URL" };
    private static readonly Option<string?> Engine = new("--engine") { Description = $"ブラウザエンジン / {string.Join(" | ", BrowserEngines.Names)} (default playwright)", HelpName = "NAME" };
    private static readonly Option<string?> Grid = new("--grid") { Description = "Selenium Grid / W3C endpoint (implies --engine selenium-remote)", HelpName = "URL" };
    private static readonly Option<string?> PlaywrightServer = new("--pw-server") { Description = "remote Playwright server ws:// endpoint (implies --engine playwright-remote)", HelpName = "WS" };
    private static readonly Option<string?> Workers = new("--workers") { Description = "並列数 / parallel scenarios (default 2)", HelpName = "N" };
    private static readonly Option<string?> Retries = new("--retries") { Description = $"再実行 / run a failed scenario again up to N times (default 0, at most {RunSettings.MaxRetries}); a later pass is reported 再実行で合格, undefined/ambiguous/pending steps never retried", HelpName = "N" };
    private static readonly Option<string?> Shard = new("--shard") { Description = "分割実行 / run the stable subset I of N (merge with `report --merge`)", HelpName = "I/N" };
    private static readonly Option<bool> Headed = new("--headed") { Description = "ブラウザの画面を表示 / show the browser window" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "ブラウザなしで全ステップの対応を確認 / check that every step is bound, without a browser" };
    private static readonly Option<string?> Out = new("--out") { Description = "実行フォルダ / run folder (default Reports/out/<timestamp>)", HelpName = "DIR" };
    private static readonly Option<string?> RunSettingsFile = new("--runsettings") { Description = "runsettings file (default runsettings/ci.runsettings); its SHINKIN_* values are a layer under the environment", HelpName = "FILE" };

    public static Command Build(TextWriter stdout, TextWriter stderr, StopSignals signals)
    {
        var command = new Command("run", "全機能を実ブラウザで実行し報告書を書き出します / Run every feature in a real browser and write the reports (Reports/out/<timestamp>/).")
        {
            Tags, Filter, TargetProfile, Locators, A11y, Trace, Target, Engine, Grid, PlaywrightServer, Workers, Retries, Shard, Headed, DryRun, Out, RunSettingsFile,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var repository = RepositoryLayout.Require();
            var runSettingsFile = Path.GetFullPath(result.GetValue(RunSettingsFile) ?? repository.RunSettingsFile("ci"));
            var settings = Resolve(result, repository, runSettingsFile, Environment.GetEnvironmentVariable);
            if (settings.TargetProfile is { } profile)
            {
                var run = new FeatureRun(repository, stdout, stderr);
                run.Stage("run: checking the target profile");
                if (CheckProfileCommand.Run([profile], stdout, stderr) != 0)
                {
                    throw new UsageException($"fix the target profile {profile} (errors above); nothing was run");
                }
            }

            return await new FeatureRun(repository, stdout, stderr, signals).RunAsync(settings, runSettingsFile, cancellationToken);
        });
        return command;
    }

    /// <summary>Defaults → the runsettings file's SHINKIN_* values → the environment → the options given.</summary>
    internal static RunSettings Resolve(ParseResult result, RepositoryLayout repository, string runSettingsFile, Func<string, string?> environment)
    {
        var settings = SettingsEnvironment.Apply(new RunSettings(), ReadRunSettingsVariables(runSettingsFile));
        settings = SettingsEnvironment.Apply(settings, environment);

        var browser = settings.Browser;
        if (result.GetValue(Grid) is { } grid)
        {
            browser = browser with { GridUrl = SettingsEnvironment.ParseUri("--grid", grid, "http", "https"), Engine = BrowserEngine.SeleniumRemote };
        }

        if (result.GetValue(PlaywrightServer) is { } server)
        {
            browser = browser with { PlaywrightServerUrl = SettingsEnvironment.ParseUri("--pw-server", server, "ws", "wss"), Engine = BrowserEngine.PlaywrightRemote };
        }

        if (result.GetValue(Engine) is { } engine)
        {
            browser = browser with { Engine = BrowserEngines.Parse(engine, "--engine") };
        }

        if (result.GetValue(Headed))
        {
            browser = browser with { Headless = false };
        }

        var tags = result.GetValue(Tags) ?? "";
        var filter = result.GetValue(Filter) ?? "";
        if (tags.Length > 0)
        {
            string fromTags;
            try
            {
                fromTags = TagFilter.ToTestFilter(tags);
            }
            catch (FormatException ex)
            {
                throw new UsageException($"bad --tags expression '{tags}': {ex.Message}");
            }

            filter = filter.Length > 0 ? $"({filter})&({fromTags})" : fromTags;
        }

        var profile = result.GetValue(TargetProfile);
        if (profile is not null && !File.Exists(profile))
        {
            throw new UsageException($"target profile not found: {profile}");
        }

        var stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        settings = settings with
        {
            Browser = browser,
            Tags = tags,
            Filter = result.GetValue(Filter) is null && tags.Length == 0 ? settings.Filter : filter,
            Locators = result.GetValue(Locators) is { } locators ? LocatorModes.Parse(locators, "--locators") : settings.Locators,
            A11y = result.GetValue(A11y) is { } a11y ? A11yModes.Parse(a11y, "--a11y") : settings.A11y,
            Trace = result.GetValue(Trace) is { } trace ? TraceModes.Parse(trace, "--trace") : settings.Trace,
            Target = result.GetValue(Target) is { } target ? SettingsEnvironment.ParseUri("--target", target, "https", "http") : settings.Target,
            TargetProfile = profile is not null ? Path.GetFullPath(profile) : settings.TargetProfile,
            Workers = result.GetValue(Workers) is { } workers ? Count(workers, "--workers") : settings.Workers,
            Retries = result.GetValue(Retries) is { } retries ? SettingsEnvironment.ParseRetries("--retries", retries) : settings.Retries,
            Shard = result.GetValue(Shard) ?? settings.Shard,
            DryRun = result.GetValue(DryRun) || settings.DryRun,
            RunDirectory = Path.GetFullPath(result.GetValue(Out) ?? Path.Combine(repository.ReportsOut, stamp)),
        };

        var problems = settings.Problems();
        return problems.Count == 0 ? settings : throw new UsageException(string.Join("; ", problems));
    }

    private static int Count(string value, string option) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new UsageException($"{option} must be a whole number ≥ 1 (given '{value}')");

    /// <summary>The SHINKIN_* entries of a runsettings file's &lt;EnvironmentVariables&gt;, read as one more layer of overrides.</summary>
    private static Func<string, string?> ReadRunSettingsVariables(string file)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"runsettings file not found: {file}");
        }

        try
        {
            var variables = XDocument.Load(file).Descendants("EnvironmentVariables").Elements()
                .ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.Ordinal);
            return name => variables.GetValueOrDefault(name);
        }
        catch (System.Xml.XmlException ex)
        {
            throw new UsageException($"{file}: not a runsettings file ({ex.Message})");
        }
    }
}
