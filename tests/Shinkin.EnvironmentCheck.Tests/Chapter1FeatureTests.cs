using System.Text.RegularExpressions;
using Shinkin.FeatureFiles;
using Shinkin.Repository;

namespace Shinkin.EnvironmentCheck.Tests;

/// <summary>Keeps the chapter-1 feature valid Gherkin that points at fixtures which exist.</summary>
public sealed partial class Chapter1FeatureTests
{
    [Test]
    public void Chapter1_feature_parses_has_one_scenario_per_procedure_and_names_existing_fixtures()
    {
        var features = Path.Combine(RepositoryRoot.Path, "Features");
        var path = Path.Combine(features, "01_environment", "事前準備.feature");
        var feature = FeatureReader.Read(path, "01_environment/事前準備.feature", FeatureReader.DefaultLanguage(features));
        var text = File.ReadAllText(path);
        var fixtures = FixtureName().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(feature?.Language, Is.EqualTo("ja"));
            Assert.That(feature?.Scenarios.Select(s => s.Tags.Single(t => t.StartsWith("manual:", StringComparison.Ordinal))).Distinct(),
                Is.EqualTo(new[] { "manual:1-1", "manual:1-2", "manual:1-3", "manual:1-4", "manual:1-5" }));
            Assert.That(fixtures, Is.Not.Empty);
            Assert.That(fixtures.Where(f => !File.Exists(Fixture.PathOf(f))), Is.Empty);
        });
    }

    [GeneratedRegex(@"[a-z0-9-]+\.reg")]
    private static partial Regex FixtureName();
}
