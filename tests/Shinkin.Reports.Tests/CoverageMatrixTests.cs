using Shinkin.Reports.Coverage;

namespace Shinkin.Reports.Tests;

[TestFixture]
public sealed class CoverageMatrixTests
{
    private string _folder = "";
    private string _features = "";

    [OneTimeSetUp]
    public void WriteFeatures()
    {
        _folder = SyntheticRun.NewFolder("coverage");
        _features = SampleFeatures.WriteAll(_folder);
    }

    [OneTimeTearDown]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Steps_are_covered_by_whole_procedure_range_and_single_step_tags()
    {
        var matrix = CoverageMatrix.Load(SyntheticRun.ManualStructurePath(), _features);

        CoverageRow Row(string procedure, int step) => matrix.Rows.Single(r => r.Step.ProcedureId == procedure && r.Step.Number == step);
        Assert.That(Enumerable.Range(1, 8).Select(n => Row("2-1", n).IsCovered), Has.All.True, "@manual:2-1 covers every step");
        Assert.That(Row("2-2", 3).Scenarios.Single().Scenario, Is.EqualTo("マスターユーザがログインする"));
        Assert.That(Row("2-2", 4).IsCovered, Is.False, "@manual:2-2:1-3 stops at step 3");
        Assert.That(Row("2-3", 1).Scenarios, Has.Count.EqualTo(2), "both example rows of the outline");
        Assert.That(Row("2-1", 1).Scenarios.Single().Reference, Is.EqualTo("2-1"));
        Assert.That(Row("2-1", 1).LatestResult, Is.Null);
        Assert.That(matrix.HasResults, Is.False);
    }

    [Test]
    public void Uncovered_steps_can_be_listed_per_chapter()
    {
        var matrix = CoverageMatrix.Load(SyntheticRun.ManualStructurePath(), _features);

        var uncovered = matrix.UncoveredSteps(chapters: ["2", "5"]);

        Assert.That(uncovered.Select(s => s.Chapter).Distinct(), Is.EqualTo(new[] { "2" }), "5-1 is fully covered");
        Assert.That(uncovered.Select(s => $"{s.ProcedureId}:{s.Number}"), Does.Contain("2-2:4").And.Contain("2-4:1").And.Not.Contain("2-1:1"));
        Assert.That(matrix.UncoveredSteps().Count(s => s.Chapter == "1"), Is.EqualTo(16), "no chapter filter: all chapters");
        Assert.That(matrix.CoveredSteps + matrix.UncoveredSteps().Count, Is.EqualTo(matrix.TotalSteps));
    }

    [Test]
    public void Tags_pointing_outside_the_manual_are_reported()
    {
        var matrix = CoverageMatrix.Load(SyntheticRun.ManualStructurePath(), _features);
        Assert.That(matrix.UnknownReferences.Select(u => u.Tag), Is.EqualTo(new[] { "manual:9-9" }));
        Assert.That(matrix.UnknownReferences[0].FeatureFile, Is.EqualTo("chapter5/logout.feature"));
    }

    [Test]
    public async Task Latest_results_come_from_the_run_record_worst_first()
    {
        var run = SyntheticRun.NewFolder("coverage-run");
        try
        {
            await SyntheticRun.WriteSampleAsync(run);
            var record = await RunRecordStore.LoadAsync(run);
            var matrix = CoverageMatrix.Load(SyntheticRun.ManualStructurePath(), _features).WithResults(record);
            Assert.That(matrix.HasResults, Is.True);
            Assert.That(matrix.Rows.Single(r => r.Step.ProcedureId == "2-1" && r.Step.Number == 2).LatestResult, Is.EqualTo(Outcome.Failed));
            Assert.That(matrix.Rows.Single(r => r.Step.ProcedureId == "2-1" && r.Step.Number == 5).LatestResult, Is.Null, "the run only covered 2-1:1-3");
            Assert.That(matrix.Rows.Single(r => r.Step.ProcedureId == "2-2" && r.Step.Number == 1).LatestResult, Is.EqualTo(Outcome.Passed));
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }
    }

    [TestCase("manual:2-1", "2-1", null, null)]
    [TestCase("@manual:2-1:1-3", "2-1", 1, 3)]
    [TestCase("manual:3-4:7", "3-4", 7, 7)]
    public void Manual_tags_parse(string tag, string procedure, int? from, int? to)
    {
        var reference = ManualReference.TryParse(tag);
        Assert.That(reference, Is.EqualTo(new ManualReference(procedure, from, to)));
    }

    [TestCase("master")]
    [TestCase("manual:")]
    [TestCase("manual:2-1:3-1")]
    [TestCase("manual:2-1:x")]
    [TestCase("manual:2-1:0")]
    public void Malformed_manual_tags_are_rejected(string tag) =>
        Assert.That(ManualReference.TryParse(tag), Is.Null);
}
