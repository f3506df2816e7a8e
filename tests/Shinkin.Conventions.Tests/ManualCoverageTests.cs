using NUnit.Framework;
using Shinkin.Reports.Coverage;
using Shinkin.Repository;

namespace Shinkin.Conventions.Tests;

/// <summary>
/// The manual is the source of truth: every numbered step of every procedure must be encoded by
/// at least one scenario tagged with it, and no tag may point at a step the manual does not have.
/// </summary>
[TestFixture]
public sealed class ManualCoverageTests
{
    private static string FeaturesRoot => Path.Combine(RepositoryRoot.Path, "Features");

    private static string ManualStructurePath => Path.Combine(FeaturesRoot, "manual-structure.json");

    [TestCase("1")]
    [TestCase("2")]
    [TestCase("3")]
    [TestCase("4")]
    [TestCase("5")]
    public async Task Every_numbered_step_of_the_chapter_is_covered_by_a_scenario(string chapter)
    {
        var matrix = await CoverageMatrix.LoadAsync(ManualStructurePath, FeaturesRoot);
        var rows = matrix.Rows.Where(r => r.Step.Chapter == chapter).ToList();
        Assert.That(rows, Is.Not.Empty, $"manual-structure.json has no steps for chapter {chapter}");
        var uncovered = rows.Where(r => !r.IsCovered).Select(r => r.Step.ToString()).ToList();
        Assert.That(uncovered, Is.Empty, $"steps of chapter {chapter} that no scenario is tagged with");
    }

    [Test]
    public async Task Every_manual_tag_points_at_a_real_step()
    {
        var matrix = await CoverageMatrix.LoadAsync(ManualStructurePath, FeaturesRoot);
        var unknown = matrix.UnknownReferences.Select(u => $"{u.FeatureFile}:{u.Line} {u.Scenario} @{u.Tag}").ToList();
        Assert.That(unknown, Is.Empty);
    }

    [Test]
    public async Task Manual_structure_lists_the_manual_procedures()
    {
        var matrix = await CoverageMatrix.LoadAsync(ManualStructurePath, FeaturesRoot);
        var procedures = matrix.Rows.Select(r => r.Step.ProcedureId).Distinct().ToList();
        Assert.That(procedures, Is.EquivalentTo(new[]
        {
            "1-1", "1-2", "1-3", "1-4", "1-5",
            "2-1", "2-2", "2-3", "2-4", "2-5",
            "3-1", "3-2", "3-3", "3-4",
            "4-1", "4-2", "4-3", "4-4",
            "5-1",
        }));
        Assert.That(matrix.TotalSteps, Is.EqualTo(98));
    }
}
