using System.Globalization;
using System.Text;
using System.Xml;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Reports.JUnit;

/// <summary>
/// JUnit XML in the common shape CI servers read (Jenkins, GitLab, Azure DevOps, GitHub actions):
/// testsuites → testsuite per feature → testcase per scenario, failure with message and stack,
/// skipped with its reason. 保留 (pending) is reported as skipped so CI marks it, not as a pass. A scenario the run
/// retried carries the properties <c>attempts</c> and, when it passed on a retry (再実行で合格), <c>flaky</c>=true, with each
/// earlier failure as Maven Surefire's <c>flakyFailure</c> (or <c>rerunFailure</c> under a final failure). A partial
/// (interrupted) run says so in every testsuite's properties. The accessibility scans follow as one more testsuite
/// (<see cref="AccessibilitySuite"/>).
/// </summary>
public static class JUnitWriter
{
    public static async Task WriteAsync(RunRecord run, string path, CancellationToken cancellationToken = default)
    {
        var settings = new XmlWriterSettings
        {
            Async = true,
            Indent = true,
            Encoding = new UTF8Encoding(false),
        };
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        await using (var xml = XmlWriter.Create(stream, settings))
        {
            var all = run.Scenarios;
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, "testsuites", null);
            await Attr(xml, "name", $"試験結果報告書 {run.Info.RunId}");
            await Counts(xml, all, AccessibilitySuite.Counts(run));
            await Attr(xml, "time", Seconds(TotalTime(all)));
            await Attr(xml, "timestamp", Timestamp(run.Info.Start));

            var id = 0;
            foreach (var feature in all.GroupBy(s => (s.FeatureFile, s.Feature)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var scenarios = feature.ToList();
                await xml.WriteStartElementAsync(null, "testsuite", null);
                await Attr(xml, "name", feature.Key.Feature);
                await Counts(xml, scenarios);
                await Attr(xml, "time", Seconds(TotalTime(scenarios)));
                await Attr(xml, "timestamp", Timestamp(scenarios.Min(s => s.Start)));
                await Attr(xml, "hostname", Environment.MachineName);
                await Attr(xml, "id", (id++).ToString(CultureInfo.InvariantCulture));
                await Attr(xml, "package", feature.Key.FeatureFile);
                await xml.WriteStartElementAsync(null, "properties", null);
                await Property(xml, "target", run.Info.Target);
                await Property(xml, "engine", run.Info.Engine);
                await Property(xml, "browserVersion", run.Info.BrowserVersion);
                await Property(xml, "os", run.Info.OperatingSystem);
                await Property(xml, "shard", run.Info.Shard);
                await Property(xml, "retries", (run.Info.Settings?.Retries ?? 0).ToString(CultureInfo.InvariantCulture));
                if (run.Info.Interruption is { } interruption)
                {
                    await Property(xml, "partial", $"部分的な報告（中断: {interruption}）");
                }

                await xml.WriteEndElementAsync();
                foreach (var scenario in scenarios)
                {
                    await TestCase(xml, scenario);
                }

                await xml.WriteElementStringAsync(null, "system-out", null, "");
                await xml.WriteElementStringAsync(null, "system-err", null, "");
                await xml.WriteEndElementAsync();
            }

            await AccessibilitySuite.WriteAsync(xml, run, id);
            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
        }

        File.Move(temp, path, overwrite: true);
    }

    private static async Task TestCase(XmlWriter xml, ScenarioRecord scenario)
    {
        await xml.WriteStartElementAsync(null, "testcase", null);
        await Attr(xml, "name", scenario.Scenario);
        await Attr(xml, "classname", scenario.Feature);
        await Attr(xml, "time", Seconds(scenario.Duration));
        if (scenario.EarlierAttempts.Count > 0)
        {
            await xml.WriteStartElementAsync(null, "properties", null);
            await Property(xml, "attempts", scenario.Attempt.ToString(CultureInfo.InvariantCulture));
            if (scenario.Outcome == Outcome.PassedOnRetry)
            {
                await Property(xml, "flaky", "true");
            }

            await xml.WriteEndElementAsync();
        }

        switch (scenario.Outcome)
        {
            case Outcome.Failed:
                await Failure(xml, "failure", scenario);
                break;
            case Outcome.Skipped:
                await xml.WriteStartElementAsync(null, "skipped", null);
                await Attr(xml, "message", TextCleaner.FirstLine($"{OutcomeLabels.NotApplicable}: {scenario.SkipReason ?? scenario.Error ?? "理由なし"}", 500));
                await xml.WriteEndElementAsync();
                break;
            case Outcome.Pending:
                await xml.WriteStartElementAsync(null, "skipped", null);
                await Attr(xml, "message", TextCleaner.FirstLine($"{OutcomeLabels.Pending}: {scenario.Error ?? "未実装または保留中のステップ"}", 500));
                await xml.WriteEndElementAsync();
                break;
        }

        foreach (var earlier in scenario.EarlierAttempts)
        {
            await Failure(xml, scenario.Outcome == Outcome.PassedOnRetry ? "flakyFailure" : "rerunFailure", earlier);
        }

        var log = new StringBuilder();
        foreach (var step in scenario.Steps)
        {
            log.Append(CultureInfo.InvariantCulture, $"{step.Number,2}. {step.Keyword.Trim()} {step.Text} … {OutcomeLabels.Label(step.Outcome)} ({Seconds(step.Duration)}s)");
            if (step.Screenshot is not null)
            {
                log.Append(CultureInfo.InvariantCulture, $" [{step.Screenshot}]");
            }

            log.Append('\n');
        }

        await xml.WriteElementStringAsync(null, "system-out", null, TextCleaner.Clean(log.ToString()));
        await xml.WriteEndElementAsync();
    }

    /// <summary>A failure element (failure, flakyFailure, rerunFailure) naming the failed step, with the error and its stack.</summary>
    private static async Task Failure(XmlWriter xml, string element, ScenarioRecord attempt)
    {
        var failedStep = attempt.Steps.FirstOrDefault(s => s.Outcome == Outcome.Failed);
        await xml.WriteStartElementAsync(null, element, null);
        await Attr(xml, "message", TextCleaner.FirstLine(attempt.Error ?? failedStep?.Error, 500));
        await Attr(xml, "type", failedStep is null ? "ScenarioFailed" : $"{failedStep.Keyword.Trim()} {failedStep.Text}");
        await xml.WriteStringAsync(TextCleaner.Clean(string.Join("\n\n",
            new[] { attempt.Error ?? failedStep?.Error, failedStep?.StackTrace }.Where(s => !string.IsNullOrEmpty(s)))));
        await xml.WriteEndElementAsync();
    }

    /// <param name="more">Testcases beside the scenarios (the accessibility suite's) that the totals include.</param>
    private static async Task Counts(XmlWriter xml, IReadOnlyCollection<ScenarioRecord> scenarios, (int Tests, int Failures, int Skipped) more = default)
    {
        await Attr(xml, "tests", (scenarios.Count + more.Tests).ToString(CultureInfo.InvariantCulture));
        await Attr(xml, "failures", (scenarios.Count(s => s.Outcome == Outcome.Failed) + more.Failures).ToString(CultureInfo.InvariantCulture));
        await Attr(xml, "errors", "0");
        await Attr(xml, "skipped", (scenarios.Count(s => s.Outcome is Outcome.Skipped or Outcome.Pending) + more.Skipped).ToString(CultureInfo.InvariantCulture));
    }

    internal static async Task Property(XmlWriter xml, string name, string value)
    {
        await xml.WriteStartElementAsync(null, "property", null);
        await Attr(xml, "name", name);
        await Attr(xml, "value", value);
        await xml.WriteEndElementAsync();
    }

    internal static Task Attr(XmlWriter xml, string name, string value) =>
        xml.WriteAttributeStringAsync(null, name, null, TextCleaner.Clean(value));

    private static TimeSpan TotalTime(IEnumerable<ScenarioRecord> scenarios) =>
        scenarios.Aggregate(TimeSpan.Zero, (total, s) => total + s.Duration);

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    internal static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
