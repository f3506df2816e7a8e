using System.Text.Json;
using NUnit.Framework;

namespace Shinkin.Reqnroll.NUnit.Tests;

/// <summary>
/// Builds Samples/SampleSuite (a consumer of the bridge with Japanese features, step bindings, hooks and a
/// reqnroll.json with the html and message formatters) and runs it with `dotnet test` as a child process.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SampleRunTests
{
    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    private static readonly string[] PassingScenarios =
    [
        "基本動作: 成功するシナリオ",
        "基本動作: 足し算 <a> と <b> [例 1]",
        "基本動作: 足し算 <a> と <b> [例 2]",
        "基本動作: 足し算 <a> と <b> [例 3]",
        "表と文書: データテーブル",
        "表と文書: 文書と表の置き換え [例 1]",
        "表と文書: 規則の中のシナリオ",
        "並列A: 並列Aのシナリオ",
        "並列B: 並列Bのシナリオ",
    ];

    private static readonly string[] Features = ["基本動作", "表と文書", "並列A", "並列B"];

    private SampleRun _main = null!;
    private SampleRun _master = null!;
    private SampleRun _sideBySide = null!;
    private SampleRun _noneSelected = null!;
    private SampleRun _emptyRoot = null!;
    private SampleRun _retries = null!;

    [OneTimeSetUp]
    public async Task BuildAndRunSampleAsync()
    {
        var artifacts = Path.Combine(AppContext.BaseDirectory, "sample-build");
        var build = await DotnetCli.RunAsync(
            ["build", SampleProject.ProjectFile, "-c", SampleProject.Configuration, "--artifacts-path", artifacts, "-nodeReuse:false"],
            new Dictionary<string, string>(),
            BuildLimit);
        Assert.That(build.ExitCode, Is.Zero, build.Output);

        await TestContext.Progress.WriteLineAsync($"sample built in {build.Elapsed}");
        var output = Path.Combine(artifacts, "bin", "Shinkin.Reqnroll.NUnit.Sample", SampleProject.Configuration.ToLowerInvariant());
        _main = await SampleRun.ExecuteAsync("main", output, "behaviour", [], RunLimit);
        _master = await SampleRun.ExecuteAsync("master", output, "behaviour", ["--filter", "TestCategory=master"], RunLimit);
        _sideBySide = await SampleRun.ExecuteAsync("side-by-side", output, "side-by-side", [], RunLimit);
        _noneSelected = await SampleRun.ExecuteAsync(
            "none", output, "behaviour", ["--filter", "TestCategory=no-such-tag", "--", "RunConfiguration.TreatNoTestsAsError=true"], RunLimit);
        _emptyRoot = await SampleRun.ExecuteAsync("empty", output, "empty", [], RunLimit);
        _retries = await SampleRun.ExecuteAsync("retries", output, "retries", [], RunLimit, new Dictionary<string, string> { ["SHINKIN_RETRIES"] = "2" });
    }

    [Test]
    public void Passing_scenarios_pass_through_reqnroll()
    {
        Assert.Multiple(() =>
        {
            foreach (var name in PassingScenarios)
            {
                Assert.That(_main.Outcome(name), Is.EqualTo("Passed"), $"{name}{Environment.NewLine}{_main.Results.GetValueOrDefault(name)?.Message}");
            }
        });
    }

    [Test]
    public void A_failing_step_fails_the_test_and_names_the_step()
    {
        var result = _main.Result("基本動作: 失敗するステップ");
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo("Failed"));
            Assert.That(result.Message, Does.Contain("Step failed: ならば カウンターは 99 である (基本動作.feature:16)"));
            Assert.That(result.Message, Does.Contain("Expected: 99"));
            Assert.That(_main.Cli.ExitCode, Is.Not.Zero);
        });
    }

    [Test]
    public void An_undefined_step_fails_and_prints_the_binding_snippet()
    {
        var result = _main.Result("基本動作: 未定義のステップ");
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo("Failed"), "undefined must not be inconclusive even with missingOrPendingStepsOutcome=Inconclusive");
            Assert.That(result.Message, Does.Contain("[When(\"まだ誰も実装していない手順を実行する\")]"));
            Assert.That(result.Message, Does.Contain("public void"));
        });
    }

    [Test]
    public void An_ambiguous_step_fails()
    {
        var result = _main.Result("基本動作: 曖昧なステップ");
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo("Failed"));
            Assert.That(result.Message, Does.Contain("Ambiguous").And.Contain("二つの定義に一致する手順を実行する"));
        });
    }

    [Test]
    public void Pending_and_ignored_scenarios_are_neither_passed_nor_failed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_main.Outcome("基本動作: 保留のステップ"), Is.Not.EqualTo("Passed").And.Not.EqualTo("Failed"));
            Assert.That(_main.Outcome("基本動作: 無視するシナリオ"), Is.EqualTo("NotExecuted"));
        });
    }

    [Test]
    public void A_broken_feature_file_yields_a_failing_test_naming_file_line_and_parser_message()
    {
        var result = _main.Result("壊れた.feature: 読み込みエラー");
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo("Failed"));
            Assert.That(result.Message, Does.Contain("壊れた.feature(5,3)"));
            Assert.That(result.Message, Does.Contain("got 'これはキーワードのない行'"));
        });
    }

    [Test]
    public void Test_run_hooks_fire_once_and_feature_hooks_once_per_feature()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_main.HookLog.Count(line => line == "BeforeTestRun"), Is.EqualTo(1));
            Assert.That(_main.HookLog.Count(line => line == "AfterTestRun"), Is.EqualTo(1));
            Assert.That(_main.HookLog[0], Is.EqualTo("BeforeTestRun"));
            Assert.That(_main.HookLog[^1], Is.EqualTo("AfterTestRun"));
            foreach (var feature in Features)
            {
                Assert.That(_main.HookLog.Count(line => line == $"BeforeFeature|{feature}|ja-JP"), Is.EqualTo(1), feature);
                Assert.That(_main.HookLog.Count(line => line == $"AfterFeature|{feature}"), Is.EqualTo(1), feature);
            }
        });
    }

    [Test]
    public void Each_scenario_finds_its_case_in_the_scenario_container()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_main.HookLog, Does.Contain("Case|基本動作.feature|足し算 <a> と <b> [例 3]|3|smoke,master"));
            Assert.That(_main.HookLog, Does.Contain("Case|表と文書.feature|規則の中のシナリオ||rule-tag"));
        });
    }

    [Test]
    public void Scenarios_get_feature_and_rule_tags_in_reqnroll()
    {
        Assert.That(_main.HookLog, Does.Contain("Scenario|表と文書|規則の中のシナリオ|rule-tag"));
        Assert.That(_main.HookLog, Does.Contain("Scenario|基本動作|成功するシナリオ|master,smoke"));
    }

    [Test]
    public void Two_workers_run_scenarios_in_parallel_without_mixing_contexts()
    {
        var overlaps = _main.HookLog.Where(line => line.StartsWith("Overlap|", StringComparison.Ordinal)).Select(line => line.Split('|')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(overlaps.Select(o => (o[1], o[2])), Is.EquivalentTo(new[] { ("並列A", "True"), ("並列B", "True") }));
            Assert.That(overlaps.Select(o => o[3]).Distinct().Count(), Is.EqualTo(2), "the two scenarios ran on two NUnit workers");
            Assert.That(_main.Outcome("並列A: 並列Aのシナリオ"), Is.EqualTo("Passed"), "its Then step checks that its scenario context stayed its own");
            Assert.That(_main.Outcome("並列B: 並列Bのシナリオ"), Is.EqualTo("Passed"));
        });
    }

    [Test]
    public void Scenarios_of_a_feature_without_feature_hooks_run_side_by_side()
    {
        var meetings = _sideBySide.HookLog.Where(line => line.StartsWith("SideBySide|", StringComparison.Ordinal)).Select(line => line.Split('|')).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(meetings.Select(m => (m[1], m[2], m[3])), Is.EquivalentTo(new[] { ("同時", "同時のシナリオ一", "True"), ("同時", "同時のシナリオ二", "True") }));
            Assert.That(meetings.Select(m => m[4]).Distinct().Count(), Is.EqualTo(2), "the two scenarios of one feature ran on two NUnit workers");
            Assert.That(_sideBySide.HookLog.Where(line => line.Contains("Feature|", StringComparison.Ordinal)), Is.Empty, "no feature hook applies to the feature");
            Assert.That(_sideBySide.Outcome("同時: 同時のシナリオ一"), Is.EqualTo("Passed"), "its Then step checks that its scenario context stayed its own");
            Assert.That(_sideBySide.Outcome("同時: 同時のシナリオ二"), Is.EqualTo("Passed"));
            Assert.That(_sideBySide.Messages, Is.Not.Empty, "Reqnroll's message formatter copes with one feature started on two runners");
        });
    }

    [Test]
    public void Reqnrolls_html_formatter_writes_a_report_with_the_scenarios()
    {
        Assert.That(_main.Html, Is.Not.Null, "reports/reqnroll_report.html configured in the sample's reqnroll.json");
        Assert.Multiple(() =>
        {
            Assert.That(_main.Html, Does.Contain("<title>Reqnroll Report"));
            foreach (var title in new[] { "機能: 基本動作", "成功するシナリオ", "失敗するステップ", "足し算", "文書と表の置き換え", "規則の中のシナリオ", "並列Aのシナリオ" })
            {
                Assert.That(_main.Html, Does.Contain(title));
            }
        });
    }

    [Test]
    public void Reqnroll_reports_every_executed_scenario_against_its_pickle()
    {
        var envelopes = _main.Messages.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var pickleIds = envelopes.Where(e => e.TryGetProperty("pickle", out _)).Select(e => e.GetProperty("pickle").GetProperty("id").GetString()).ToHashSet();
        var testCasePickles = envelopes.Where(e => e.TryGetProperty("testCase", out _)).Select(e => e.GetProperty("testCase").GetProperty("pickleId").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(pickleIds, Has.Count.EqualTo(14));
            Assert.That(testCasePickles, Has.Count.EqualTo(13), "every scenario but the ignored one ran");
            Assert.That(testCasePickles, Is.SubsetOf(pickleIds));
            Assert.That(envelopes.Count(e => e.TryGetProperty("testCaseFinished", out _)), Is.EqualTo(13));
        });
    }

    [Test]
    public void Dotnet_test_filter_selects_scenarios_by_tag()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_master.Results.Keys, Is.EquivalentTo(new[] { "基本動作: 成功するシナリオ", "基本動作: 足し算 <a> と <b> [例 3]" }));
            Assert.That(_master.Results.Values.Select(r => r.Outcome), Is.All.EqualTo("Passed"));
            Assert.That(_master.HookLog.Where(line => line.StartsWith("BeforeFeature|", StringComparison.Ordinal)), Is.EqualTo(new[] { "BeforeFeature|基本動作|ja-JP" }));
            Assert.That(_master.Cli.ExitCode, Is.Zero);
        });
    }

    [Test]
    public void A_selection_of_zero_scenarios_fails_the_run()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_noneSelected.Cli.ExitCode, Is.Not.Zero, _noneSelected.Cli.Output);
            Assert.That(_noneSelected.Cli.Output, Does.Contain("No test matches the given testcase filter"));
            Assert.That(_noneSelected.Results, Is.Empty);
        });
    }

    [Test]
    public void A_features_root_without_features_yields_a_failing_test()
    {
        var result = _emptyRoot.Results.Values.Single();
        Assert.Multiple(() =>
        {
            Assert.That(result.Name, Is.EqualTo("features root: シナリオなし"));
            Assert.That(result.Outcome, Is.EqualTo("Failed"));
            Assert.That(result.Message, Does.Contain("No .feature file"));
            Assert.That(_emptyRoot.Cli.ExitCode, Is.Not.Zero);
        });
    }

    [Test]
    public void A_scenario_that_fails_once_passes_on_its_retry_and_says_so()
    {
        var result = _retries.Result("再実行: 初回だけ失敗するシナリオ");
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo("Passed"), result.Message);
            Assert.That(result.StdOut, Does.Contain("再実行で合格: 2 回目で合格"));
            Assert.That(result.StdOut, Does.Contain("1 回目: 不合格、再実行します").And.Contain("attempt 1 fails on purpose"));
            Assert.That(Attempts("初回だけ失敗するシナリオ"), Is.EqualTo(new[] { "1/3|retry", "2/3|final" }), "the evidence hooks learn before the end hooks that a retry follows");
        });
    }

    [Test]
    public void A_scenario_that_always_fails_runs_once_plus_its_retries_and_fails()
    {
        var result = _retries.Result("再実行: 毎回失敗するシナリオ");
        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo("Failed"));
            Assert.That(result.Message, Does.Contain("Step failed: ならば カウンターは 99 である"));
            Assert.That(result.StdOut, Does.Contain("3 回実行し、いずれも不合格"));
            Assert.That(Attempts("毎回失敗するシナリオ"), Is.EqualTo(new[] { "1/3|retry", "2/3|retry", "3/3|final" }));
        });
    }

    [TestCase("未定義の手順があるシナリオ", true)]
    [TestCase("曖昧な手順があるシナリオ", true)]
    [TestCase("保留の手順があるシナリオ", false)]
    public void Undefined_ambiguous_and_pending_steps_are_never_retried(string scenario, bool fails)
    {
        Assert.Multiple(() =>
        {
            Assert.That(_retries.Outcome($"再実行: {scenario}"), fails ? Is.EqualTo("Failed") : Is.Not.EqualTo("Failed").And.Not.EqualTo("Passed"));
            Assert.That(Attempts(scenario), Is.EqualTo(new[] { "1/3|final" }), "one attempt only");
            Assert.That(_retries.Result($"再実行: {scenario}").StdOut, Does.Not.Contain("再実行します"));
        });
    }

    [Test]
    public void Feature_hooks_fire_once_however_often_a_scenario_runs()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_retries.HookLog.Count(line => line == "BeforeFeature|再実行|ja-JP"), Is.EqualTo(1));
            Assert.That(_retries.HookLog.Count(line => line == "AfterFeature|再実行"), Is.EqualTo(1));
            Assert.That(_retries.HookLog.Count(line => line.StartsWith("Scenario|再実行|", StringComparison.Ordinal)), Is.EqualTo(2 + 3 + 1 + 1 + 1), "a BeforeScenario per attempt");
        });
    }

    [Test]
    public void Reqnroll_reports_each_attempt_and_marks_the_retried_ones()
    {
        var finished = _retries.Messages
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("testCaseFinished", out _))
            .Select(e => e.GetProperty("testCaseFinished").GetProperty("willBeRetried").GetBoolean())
            .ToList();
        Assert.That(finished, Has.Count.EqualTo(8));
        Assert.That(finished.Count(retried => retried), Is.EqualTo(3), "attempt 1 of the flaky scenario, attempts 1 and 2 of the failing one");
    }

    private string[] Attempts(string scenario) =>
        _retries.HookLog
            .Where(line => line.StartsWith($"Attempt|{scenario}|", StringComparison.Ordinal))
            .Select(line => line[$"Attempt|{scenario}|".Length..])
            .ToArray();
}
