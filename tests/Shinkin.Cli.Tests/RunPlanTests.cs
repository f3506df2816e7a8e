using NUnit.Framework;
using Shinkin.Cli.Runs;
using Shinkin.Reports.RunRecords;
using Shinkin.Settings;

namespace Shinkin.Cli.Tests;

/// <summary>What a run prints while it goes on: how many scenarios it will finish, and a line as each one does.</summary>
[TestFixture]
public sealed class RunPlanTests
{
    [TestCase("TestCategory=manual:5-1", new[] { "manual:5-1", "logout" }, "x", true)]
    [TestCase("TestCategory=manual:5-1", new[] { "master" }, "x", false)]
    [TestCase("(TestCategory=master&TestCategory!=slow)", new[] { "master", "slow" }, "x", false)]
    [TestCase("TestCategory=e2e|TestCategory=readonly", new[] { "readonly" }, "x", true)]
    [TestCase("FullyQualifiedName~ログアウト", new[] { "a" }, "ログアウト.シナリオ", true)]
    [TestCase("FullyQualifiedName!~ログアウト", new[] { "a" }, "ログアウト.シナリオ", false)]
    [TestCase("", new[] { "a" }, "x", true)]
    public void A_filter_selects_as_dotnet_test_would(string filter, string[] categories, string name, bool selected) =>
        Assert.That(TestFilterExpression.TryParse(filter)!.Matches(categories, name), Is.EqualTo(selected));

    [TestCase("Priority=1")]
    [TestCase("TestCategory=a&")]
    [TestCase("(TestCategory=a")]
    public void A_filter_it_cannot_read_leaves_the_count_unknown(string filter) =>
        Assert.That(TestFilterExpression.TryParse(filter), Is.Null);

    [Test]
    public void The_plan_counts_the_scenarios_of_a_tag_and_a_shard()
    {
        var features = RepositoryLayout.Find()!.FeaturesDirectory;
        var logout = ScenarioPlan.For(new RunSettings { Filter = "TestCategory=manual:5-1" }, features);
        var all = ScenarioPlan.For(new RunSettings(), features);
        var halves = new[] { "1/2", "2/2" }.Sum(shard => ScenarioPlan.For(new RunSettings { Shard = shard }, features).Count);

        Assert.Multiple(() =>
        {
            Assert.That(logout.Count, Is.EqualTo(2), "the logout outline has two examples");
            Assert.That(all.Count, Is.GreaterThan(70));
            Assert.That(halves, Is.EqualTo(all.Count), "two shards make the whole");
            Assert.That(all.Problems, Is.Empty);
        });
    }

    [Test]
    public async Task A_line_appears_for_each_finished_scenario()
    {
        var lines = (await ProgressLinesAsync(
            new ScenarioRecord
            {
                Id = "a", FeatureFile = "a.feature", Feature = "ログアウト", Scenario = "ログアウトする", Outcome = Outcome.Failed,
                Duration = TimeSpan.FromSeconds(12.3), Error = "［ログアウト］ボタンが見つかりません",
            },
            new ScenarioRecord { Id = "b", FeatureFile = "a.feature", Feature = "ログアウト", Scenario = "閉じる", Outcome = Outcome.Passed }))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Some.Match(@"^\[1/2\] NG       12\.3s  ログアウト › ログアウトする  残り約 \d+秒"));
            Assert.That(lines, Has.Some.Contains("［ログアウト］ボタンが見つかりません"), "a failure says why at once");
            Assert.That(lines, Has.Some.Match(@"^\[2/2\] OK .* ログアウト › 閉じる$"));
        });
    }

    [Test]
    public async Task A_scenario_that_passed_on_a_retry_says_so_in_its_line() =>
        Assert.That(
            await ProgressLinesAsync(Retried("c", Outcome.PassedOnRetry)),
            Does.Match(@"^\[1/1\] 再実行で合格 +\d+\.\ds  ログアウト › 閉じる（2 回目で合格）"));

    /// <summary>A scenario record as the evidence hooks write it after a failed first attempt.</summary>
    internal static ScenarioRecord Retried(string id, Outcome outcome) => new()
    {
        Id = id, FeatureFile = "a.feature", Feature = "ログアウト", Scenario = "閉じる", Outcome = outcome, Attempt = 2,
        EarlierAttempts = [new ScenarioRecord { Id = id, FeatureFile = "a.feature", Feature = "ログアウト", Scenario = "閉じる", Outcome = Outcome.Failed, Error = "時間切れ" }],
    };

    /// <summary>What the progress of a run prints while the test host writes <paramref name="records"/>, one after another, into its folder.</summary>
    private static async Task<string> ProgressLinesAsync(params ScenarioRecord[] records)
    {
        var folder = Directory.CreateTempSubdirectory("shinkin-progress-");
        try
        {
            using var output = new StringWriter();
            using (var progress = new ScenarioProgress(folder.FullName, expected: records.Length, output))
            {
                var store = new RunRecordStore(folder.FullName);
                foreach (var record in records)
                {
                    await store.WriteScenarioAsync(record);
                }

                progress.Complete();
                Assert.That(progress.Finished, Is.EqualTo(records.Length));
            }

            return output.ToString();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
