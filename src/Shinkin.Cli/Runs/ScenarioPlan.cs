using Shinkin.FeatureFiles;
using Shinkin.Reqnroll.NUnit.Discovery;
using Shinkin.Settings;

namespace Shinkin.Cli.Runs;

/// <summary>How many scenarios a run will finish: the feature files read as the test host reads them, filtered and sharded.</summary>
public sealed record ScenarioPlan(int? Count, IReadOnlyList<string> Problems)
{
    public static ScenarioPlan For(RunSettings settings, string featuresDirectory)
    {
        var catalog = FeatureCatalog.Load(featuresDirectory, FeatureReader.DefaultLanguage(featuresDirectory));
        var problems = catalog.Errors.Select(e => e.ToString()).ToList();
        if (TestFilterExpression.TryParse(settings.Filter) is not { } filter)
        {
            return new ScenarioPlan(null, problems);
        }

        var shard = Shard.Parse(settings.Shard);
        var count = catalog.Scenarios.Count(s =>
            shard.Contains(s.Name)
            && !s.Categories.Contains("ignore", StringComparer.OrdinalIgnoreCase)
            && filter.Matches(s.Categories, $"{s.Feature.Title}.{s.Name}"));
        return new ScenarioPlan(count, problems);
    }
}
