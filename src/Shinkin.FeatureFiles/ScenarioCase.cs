namespace Shinkin.FeatureFiles;

/// <summary>
/// One executable case: a Scenario, or one Examples row of a Scenario Outline (one NUnit test, one spec row,
/// one evidence record). Built from the Gherkin pickle, so Background steps, Rule backgrounds and Examples values
/// are already in place.
/// </summary>
public sealed class ScenarioCase
{
    // Only the reader builds cases (object initializers), so a case always matches its pickle.
    internal ScenarioCase()
    {
    }

    /// <summary>The NUnit test name: <c>機能名: シナリオ名</c> or <c>機能名: シナリオ名 [例 n]</c>.</summary>
    public string Name => $"{Feature.Title}: {DisplayTitle}";

    /// <summary>The title reports show, unique within the feature: <c>シナリオ名</c> or <c>シナリオ名 [例 n]</c>.</summary>
    public string DisplayTitle => ExampleNumber is { } n ? $"{Title} [例 {n}]" : Title;

    public required FeatureDocument Feature { get; init; }

    /// <summary>The scenario (outline) title as written, placeholders not substituted.</summary>
    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>1-based position of the Examples row across all Examples blocks of the outline; null for a plain Scenario.</summary>
    public int? ExampleNumber { get; init; }

    /// <summary>Name of the Examples block the row belongs to, when it has one.</summary>
    public string? ExamplesName { get; init; }

    public RuleDescriptor? Rule { get; init; }

    /// <summary>Tags of the scenario and of its Examples block, without '@'.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Tags of the feature and the rule, without '@'.</summary>
    public required IReadOnlyList<string> InheritedTags { get; init; }

    /// <summary>Every tag that applies (NUnit categories), without '@'.</summary>
    public IReadOnlyList<string> Categories => InheritedTags.Concat(Tags).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Examples header/value pairs of this row, in column order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Arguments { get; init; }

    public required IReadOnlyList<ScenarioStep> Steps { get; init; }

    /// <summary>Index of the pickle in the feature's pickle list; Reqnroll matches executions to pickles by it.</summary>
    public required int PickleIndex { get; init; }

    public required string PickleId { get; init; }

    /// <summary>Line of the Scenario, or of the Examples row.</summary>
    public required int Line { get; init; }

    public override string ToString() => Name;
}

/// <summary>The Rule a scenario belongs to.</summary>
public sealed record RuleDescriptor(string Title, string? Description, IReadOnlyList<string> Tags);
