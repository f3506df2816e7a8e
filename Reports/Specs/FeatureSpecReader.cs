using Shinkin.FeatureFiles;
using CaseStepKind = Shinkin.FeatureFiles.StepKind;

namespace Shinkin.Reports.Specs;

/// <summary>
/// The spec's view of the <c>.feature</c> files, read by <see cref="FeatureReader"/> (the reader the test bridge runs
/// from): the same cases, example numbers, tags and default dialect (<c>reqnroll.json</c> in the features root).
/// </summary>
public static class FeatureSpecReader
{
    /// <summary>Every feature under <paramref name="featuresRoot"/>, ordered by relative path; bin/obj are ignored.</summary>
    public static async Task<IReadOnlyList<FeatureSpec>> ReadAllAsync(string featuresRoot, CancellationToken cancellationToken = default)
    {
        var language = FeatureReader.DefaultLanguage(featuresRoot);
        var result = new List<FeatureSpec>();
        foreach (var file in FeatureFiles(featuresRoot))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            result.Add(Parse(text, FeatureReader.RelativePath(featuresRoot, file), language));
        }

        return result;
    }

    /// <summary>Synchronous twin of <see cref="ReadAllAsync"/> for callers that are not async (test fixtures, analyzers).</summary>
    public static IReadOnlyList<FeatureSpec> ReadAll(string featuresRoot)
    {
        var language = FeatureReader.DefaultLanguage(featuresRoot);
        return FeatureFiles(featuresRoot).Select(f => Parse(File.ReadAllText(f), FeatureReader.RelativePath(featuresRoot, f), language)).ToList();
    }

    public static IEnumerable<string> FeatureFiles(string featuresRoot) =>
        Directory.Exists(featuresRoot)
            ? FeatureReader.FeatureFiles(featuresRoot)
            : throw new DirectoryNotFoundException($"Features folder not found: {featuresRoot}");

    /// <summary>
    /// Parses one feature (<paramref name="defaultLanguage"/>: the dialect of a file without <c># language:</c>);
    /// a syntax error becomes a <see cref="FeatureFileException"/> naming file and line.
    /// </summary>
    public static FeatureSpec Parse(string text, string featureFile, string defaultLanguage = "en")
    {
        FeatureDocument? feature;
        try
        {
            feature = FeatureReader.Parse(text, featureFile, defaultLanguage: defaultLanguage);
        }
        catch (FeatureSyntaxException ex)
        {
            var detail = ex.Problems.Count == 1
                ? ex.Problems[0].Message
                : string.Join("; ", ex.Problems.Select(p => $"line {p.Line ?? 0}: {p.Message}"));
            throw new FeatureFileException(featureFile, ex.First?.Line ?? 0, detail, ex);
        }

        if (feature is null)
        {
            throw new FeatureFileException(featureFile, 1, "no Feature (機能) in the file.");
        }

        return new FeatureSpec(featureFile, feature.Title, feature.Description, feature.Tags, feature.Scenarios.Select(ToSpec).ToList());
    }

    private static ScenarioSpec ToSpec(ScenarioCase scenario) => new()
    {
        FeatureFile = scenario.Feature.RelativePath,
        Feature = scenario.Feature.Title,
        Rule = scenario.Rule?.Title,
        // The name the test explorer and the evidence workbook use, so a spec row and its result match.
        Name = scenario.DisplayTitle,
        Line = scenario.Line,
        Tags = scenario.Categories,
        Steps = Steps(scenario.Steps),
        Example = scenario.ExampleNumber is null ? null : Example(scenario),
        Description = scenario.Description,
    };

    private static string Example(ScenarioCase scenario)
    {
        var values = string.Join(", ", scenario.Arguments.Select(a => $"{a.Key}={a.Value}"));
        return scenario.ExamplesName is { } name ? $"{name}: {values}" : values;
    }

    private static List<SpecStep> Steps(IEnumerable<ScenarioStep> steps)
    {
        var result = new List<SpecStep>();
        var previous = StepKind.Context;
        foreach (var step in steps)
        {
            // And/But continue the column of the step before them.
            var kind = step.Kind switch
            {
                CaseStepKind.Given => StepKind.Context,
                CaseStepKind.When => StepKind.Action,
                CaseStepKind.Then => StepKind.Outcome,
                _ => previous,
            };
            previous = kind;
            result.Add(new SpecStep(step.Keyword.Trim(), kind, step.Text, Argument(step)));
        }

        return result;
    }

    private static string? Argument(ScenarioStep step) =>
        step.Table is { } table
            ? string.Join("\n", table.Select(row => "| " + string.Join(" | ", row) + " |"))
            : step.DocString;
}
