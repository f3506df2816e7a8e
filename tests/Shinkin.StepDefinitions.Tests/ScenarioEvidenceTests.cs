using NUnit.Framework;
using Shinkin.FeatureFiles;
using Shinkin.Reports.RunRecords;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Tests;

[TestFixture]
public sealed class ScenarioEvidenceTests
{
    private const string Logout = """
        # language: ja
        @chapter5
        機能: ログアウト

          @manual:5-1
          シナリオテンプレート: <利用者> がログアウトする
            もし ［ログアウト］ボタンをクリックする

            @master
            例: マスターユーザ
              | 利用者 |
              | master |

            例: 一般ユーザ
              | 利用者  |
              | general |
        """;

    private DirectoryInfo runFolder = null!;

    [SetUp]
    public void CreateRunFolder() => runFolder = Directory.CreateTempSubdirectory("shinkin-evidence-");

    [TearDown]
    public void DeleteRunFolder() => runFolder.Delete(recursive: true);

    [Test]
    public void The_record_names_the_feature_file_the_example_row_and_the_tags_of_its_case()
    {
        var feature = FeatureReader.Parse(Logout, "05_logout/ログアウト.feature")!;
        var evidence = new ScenarioEvidence(new RunRecordStore(runFolder.FullName), feature.Scenarios[1], new ScenarioAttempt(1, 1));

        evidence.Begin();
        var record = evidence.Complete(Outcome.Passed, null);

        Assert.Multiple(() =>
        {
            Assert.That(record.FeatureFile, Is.EqualTo("05_logout/ログアウト.feature"), "the file, not folder + feature title");
            Assert.That(record.Feature, Is.EqualTo("ログアウト"));
            Assert.That(record.Scenario, Is.EqualTo("<利用者> がログアウトする [例 2]"));
            Assert.That(record.Tags, Is.EqualTo(new[] { "chapter5", "manual:5-1" }), "the second Examples block is not @master");
            Assert.That(record.Id, Is.EqualTo("05_logout/ログアウト-<利用者> がログアウトする [例 2]"));
        });
    }

    [Test]
    public void Rows_of_one_outline_keep_their_artefacts_apart()
    {
        var feature = FeatureReader.Parse(Logout, "05_logout/ログアウト.feature")!;
        var store = new RunRecordStore(runFolder.FullName);

        var folders = feature.Scenarios.Select(c => new ScenarioEvidence(store, c, new ScenarioAttempt(1, 1)).ArtifactFolder).ToList();

        Assert.That(folders, Is.Unique.And.Count.EqualTo(2));
    }

    [Test]
    public void A_retry_keeps_its_files_beside_the_first_attempts_and_says_which_attempt_it_is()
    {
        var scenarioCase = FeatureReader.Parse(Logout, "05_logout/ログアウト.feature")!.Scenarios[0];
        var store = new RunRecordStore(runFolder.FullName);
        var first = new ScenarioEvidence(store, scenarioCase, new ScenarioAttempt(1, 3));
        var second = new ScenarioEvidence(store, scenarioCase, new ScenarioAttempt(2, 3));

        second.Begin();
        var record = second.Complete(Outcome.PassedOnRetry, null);

        Assert.Multiple(() =>
        {
            Assert.That(second.ArtifactFolder, Is.EqualTo(Path.Combine(first.ArtifactFolder, "attempt-2")));
            Assert.That(second.ArtifactFolder, Does.Exist);
            Assert.That(record.Attempt, Is.EqualTo(2));
            Assert.That(record.Id, Is.EqualTo(first.ScenarioId), "one record per scenario, whichever attempt writes it");
        });
    }

    [Test]
    public void A_failure_cause_found_after_the_fact_comes_first_in_the_record()
    {
        var scenarioCase = FeatureReader.Parse(Logout, "05_logout/ログアウト.feature")!.Scenarios[0];
        var evidence = new ScenarioEvidence(new RunRecordStore(runFolder.FullName), scenarioCase, new ScenarioAttempt(1, 1));

        var record = evidence.Complete(Outcome.Failed, new InvalidOperationException("net::ERR_CONNECTION_REFUSED"), "試験対象サーバ https://127.0.0.1:1 に接続できません");

        Assert.That(record.Error, Does.StartWith("試験対象サーバ https://127.0.0.1:1 に接続できません").And.EndWith("net::ERR_CONNECTION_REFUSED"));
    }
}
