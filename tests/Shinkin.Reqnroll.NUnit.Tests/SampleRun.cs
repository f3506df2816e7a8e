namespace Shinkin.Reqnroll.NUnit.Tests;

/// <summary>One `dotnet test` run of the built sample, with what it left behind.</summary>
internal sealed class SampleRun
{
    private SampleRun(CliResult cli, IReadOnlyDictionary<string, TrxResult> results, IReadOnlyList<string> hookLog, string? html, IReadOnlyList<string> messages)
    {
        Cli = cli;
        Results = results;
        HookLog = hookLog;
        Html = html;
        Messages = messages;
    }

    public CliResult Cli { get; }

    public IReadOnlyDictionary<string, TrxResult> Results { get; }

    /// <summary>Lines the sample's hooks and steps append to SAMPLE_SUITE_LOG.</summary>
    public IReadOnlyList<string> HookLog { get; }

    public string? Html { get; }

    /// <summary>Reqnroll's message formatter output (ndjson lines).</summary>
    public IReadOnlyList<string> Messages { get; }

    public TrxResult Result(string name) =>
        Results.TryGetValue(name, out var result)
            ? result
            : throw new KeyNotFoundException($"No result '{name}'. Results: {string.Join(", ", Results.Keys)}{Environment.NewLine}{Cli.Output}");

    public string Outcome(string name) => Result(name).Outcome;

    public static async Task<SampleRun> ExecuteAsync(
        string name, string sampleOutput, string featureSet, IReadOnlyList<string> extraArguments, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        var runDirectory = Path.Combine(AppContext.BaseDirectory, "sample-runs", name);
        if (Directory.Exists(runDirectory))
        {
            Directory.Delete(runDirectory, recursive: true);
        }

        Directory.CreateDirectory(runDirectory);
        var reports = Path.Combine(sampleOutput, "reports");
        if (Directory.Exists(reports))
        {
            Directory.Delete(reports, recursive: true);
        }

        var log = Path.Combine(runDirectory, "hooks.log");
        var arguments = new List<string>
        {
            "test",
            Path.Combine(sampleOutput, "Shinkin.Reqnroll.NUnit.Sample.dll"),
            "--logger",
            "trx;LogFileName=results.trx",
            "--results-directory",
            runDirectory,
        };
        arguments.AddRange(extraArguments);

        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["SHINKIN_FEATURES_DIR"] = Path.Combine(sampleOutput, "Features", featureSet),
            ["SAMPLE_SUITE_LOG"] = log,
        };
        var cli = await DotnetCli.RunAsync(arguments, variables, limit);

        await global::NUnit.Framework.TestContext.Progress.WriteLineAsync($"sample run '{name}' took {cli.Elapsed}");
        var trx = Path.Combine(runDirectory, "results.trx");
        var html = Path.Combine(reports, "reqnroll_report.html");
        var ndjson = Path.Combine(reports, "reqnroll_report.ndjson");
        return new SampleRun(
            cli,
            File.Exists(trx) ? TrxReport.Read(trx) : new Dictionary<string, TrxResult>(),
            File.Exists(log) ? (await File.ReadAllLinesAsync(log)).Select(l => l.TrimStart('\uFEFF')).ToArray() : [],
            File.Exists(html) ? await File.ReadAllTextAsync(html) : null,
            File.Exists(ndjson) ? await File.ReadAllLinesAsync(ndjson) : []);
    }
}
