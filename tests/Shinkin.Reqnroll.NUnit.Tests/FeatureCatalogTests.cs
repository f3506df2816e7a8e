using NUnit.Framework;
using Shinkin.FeatureFiles;
using Shinkin.Reqnroll.NUnit.Discovery;
using Shinkin.Reqnroll.NUnit.Execution;

namespace Shinkin.Reqnroll.NUnit.Tests;

[TestFixture]
public sealed class FeatureCatalogTests
{
    private FeatureCatalog _catalog = null!;

    [OneTimeSetUp]
    public void LoadSampleFeatures() =>
        _catalog = FeatureCatalog.Load(
            SampleProject.FeaturesDirectory("behaviour"),
            FeatureReader.DefaultLanguage(SampleProject.Directory));

    private ScenarioCase Scenario(string name) => _catalog.Scenarios.Single(s => s.Name == name);

    [Test]
    public void Default_language_comes_from_reqnroll_json() =>
        Assert.That(FeatureReader.DefaultLanguage(SampleProject.Directory), Is.EqualTo("ja"));

    [Test]
    public void Every_scenario_and_examples_row_becomes_a_named_case()
    {
        Assert.That(_catalog.Scenarios.Select(s => s.Name), Is.EquivalentTo(new[]
        {
            "並列A: 並列Aのシナリオ",
            "並列B: 並列Bのシナリオ",
            "基本動作: 成功するシナリオ",
            "基本動作: 失敗するステップ",
            "基本動作: 未定義のステップ",
            "基本動作: 曖昧なステップ",
            "基本動作: 保留のステップ",
            "基本動作: 無視するシナリオ",
            "基本動作: 足し算 <a> と <b> [例 1]",
            "基本動作: 足し算 <a> と <b> [例 2]",
            "基本動作: 足し算 <a> と <b> [例 3]",
            "表と文書: データテーブル",
            "表と文書: 文書と表の置き換え [例 1]",
            "表と文書: 規則の中のシナリオ",
        }));
    }

    [Test]
    public void A_file_without_language_header_uses_the_configured_dialect()
    {
        var feature = _catalog.Features.Single(f => f.RelativePath == "表と文書.feature");
        Assert.Multiple(() =>
        {
            Assert.That(feature.Language, Is.EqualTo("ja"));
            Assert.That(FeatureInfos.Create(feature).Language.Name, Is.EqualTo("ja-JP"));
            Assert.That(feature.Pickles.Count, Is.EqualTo(feature.Scenarios.Count));
        });
    }

    [Test]
    public void Background_steps_come_first_in_every_scenario()
    {
        var steps = Scenario("基本動作: 失敗するステップ").Steps;
        Assert.That(steps.Select(s => (s.Kind, s.ToString())), Is.EqualTo(new[]
        {
            (StepKind.Given, "前提 カウンターを 0 にする"),
            (StepKind.When, "もし カウンターに 1 を足す"),
            (StepKind.Then, "ならば カウンターは 99 である"),
            (StepKind.And, "かつ カウンターは 1 である"),
        }));
    }

    [Test]
    public void Outline_rows_are_numbered_across_examples_blocks_and_substituted()
    {
        var third = Scenario("基本動作: 足し算 <a> と <b> [例 3]");
        Assert.Multiple(() =>
        {
            Assert.That(third.ExampleNumber, Is.EqualTo(3));
            Assert.That(third.Title, Is.EqualTo("足し算 <a> と <b>"));
            Assert.That(third.Steps.Select(s => s.Text), Is.EqualTo(new[] { "カウンターを 0 にする", "カウンターに 10 を足す", "カウンターに 5 を足す", "カウンターは 15 である" }));
            Assert.That(third.Arguments, Is.EqualTo(new Dictionary<string, string> { ["a"] = "10", ["b"] = "5", ["合計"] = "15" }));
            Assert.That(third.Tags, Is.EqualTo(new[] { "master" }), "tags of the second Examples block");
            Assert.That(third.Categories, Is.EquivalentTo(new[] { "smoke", "master" }));
            Assert.That(Scenario("基本動作: 足し算 <a> と <b> [例 1]").Categories, Is.EqualTo(new[] { "smoke" }));
        });
    }

    [Test]
    public void Outline_placeholders_are_substituted_in_doc_strings_and_tables()
    {
        var steps = Scenario("表と文書: 文書と表の置き換え [例 1]").Steps;
        Assert.Multiple(() =>
        {
            Assert.That(steps[0].DocString, Is.EqualTo("こんにちは 太郎 さん"));
            Assert.That(steps[1].Table, Is.EqualTo(new[] { new[] { "名前", "役割" }, new[] { "太郎", "管理者" } }));
            Assert.That(steps[2].Text, Is.EqualTo("文書は \"こんにちは 太郎 さん\" である"));
        });
    }

    [Test]
    public void Data_tables_and_but_steps_are_kept()
    {
        var steps = Scenario("表と文書: データテーブル").Steps;
        Assert.Multiple(() =>
        {
            Assert.That(steps[0].Table, Has.Count.EqualTo(3));
            Assert.That(steps[0].Table![1], Is.EqualTo(new[] { "山田", "管理者" }));
            Assert.That(steps[2].Kind, Is.EqualTo(StepKind.But));
            Assert.That(steps[2].Keyword, Is.EqualTo("しかし"));
        });
    }

    [Test]
    public void Rule_scenarios_carry_the_rule_and_its_background()
    {
        var scenario = Scenario("表と文書: 規則の中のシナリオ");
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Rule?.Title, Is.EqualTo("規則の背景も実行される"));
            Assert.That(scenario.InheritedTags, Is.EqualTo(new[] { "rule-tag" }));
            Assert.That(scenario.Steps.Select(s => s.ToString()), Is.EqualTo(new[] { "前提 規則の背景で \"規則背景\" を記録する", "ならば 記録は \"規則背景\" である" }));
        });
    }

    [Test]
    public void Pickle_ids_are_unique_and_match_the_feature_messages()
    {
        var ids = _catalog.Scenarios.Select(s => s.PickleId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique);
            foreach (var feature in _catalog.Features)
            {
                var pickles = feature.Pickles;
                Assert.That(feature.Scenarios.Select(s => pickles[s.PickleIndex].Id), Is.EqualTo(feature.Scenarios.Select(s => s.PickleId)));
                Assert.That(feature.Scenarios.SelectMany(s => s.Steps).Select(s => s.PickleStepId), Is.EqualTo(pickles.SelectMany(p => p.Steps).Select(s => s.Id)));
            }
        });
    }

    [Test]
    public void A_broken_file_becomes_an_error_with_file_line_and_parser_message()
    {
        var error = _catalog.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.RelativePath, Is.EqualTo("壊れた.feature"));
            Assert.That(error.Line, Is.EqualTo(5));
            Assert.That(error.ToString(), Does.Contain("壊れた.feature(5,3)").And.Contain("got 'これはキーワードのない行'"));
            Assert.That(_catalog.Features.Select(f => f.RelativePath), Does.Not.Contain("壊れた.feature"));
        });
    }

    [Test]
    public void A_missing_root_is_an_error()
    {
        var catalog = FeatureCatalog.Load(Path.Combine(SampleProject.Directory, "no-such-folder"));
        Assert.That(catalog.Errors.Single().Message, Does.Contain("does not exist"));
    }

    [Test]
    public void Features_sharing_a_name_are_reported()
    {
        var root = Directory.CreateTempSubdirectory("shinkin-reqnroll-dup-");
        try
        {
            const string text = "# language: ja\n機能: 同名\n  シナリオ: ひとつ\n    前提 何かがある\n";
            File.WriteAllText(Path.Combine(root.FullName, "a.feature"), text);
            File.WriteAllText(Path.Combine(root.FullName, "b.feature"), text);

            var catalog = FeatureCatalog.Load(root.FullName);

            Assert.That(catalog.Errors.Single().ToString(), Does.Contain("b.feature").And.Contain("also used by a.feature"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
