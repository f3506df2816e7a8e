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
        var evidence = new ScenarioEvidence(new RunRecordStore(runFolder.FullName), feature.Scenarios[1]);

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

        var folders = feature.Scenarios.Select(c => new ScenarioEvidence(store, c).ArtifactFolder).ToList();

        Assert.That(folders, Is.Unique.And.Count.EqualTo(2));
    }
}
