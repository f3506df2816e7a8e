namespace Shinkin.FeatureFiles;

/// <summary>
/// One executable case: a Scenario, or one Examples row of a Scenario Outline (one NUnit test, one spec row,
/// one evidence record). Built from the Gherkin pickle, so Background steps, Rule backgrounds and Examples values
/// are already in place.
/// </summary>
public sealed class ScenarioCase
{
    internal ScenarioCase(
        FeatureDocument feature,
        string title,
        string? description,
        int? exampleNumber,
        string? examplesName,
        RuleDescriptor? rule,
        IReadOnlyList<string> tags,
        IReadOnlyList<string> inheritedTags,
        IReadOnlyList<KeyValuePair<string, string>> arguments,
        IReadOnlyList<ScenarioStep> steps,
        int pickleIndex,
        string pickleId,
        int line)
    {
        Feature = feature;
        Title = title;
        Description = description;
        ExampleNumber = exampleNumber;
        ExamplesName = examplesName;
        Rule = rule;
        Tags = tags;
        InheritedTags = inheritedTags;
        Arguments = arguments;
        Steps = steps;
        PickleIndex = pickleIndex;
        PickleId = pickleId;
        Line = line;
        DisplayTitle = exampleNumber is { } n ? $"{title} [例 {n}]" : title;
        Name = $"{feature.Title}: {DisplayTitle}";
    }

    /// <summary>The NUnit test name: <c>機能名: シナリオ名</c> or <c>機能名: シナリオ名 [例 n]</c>.</summary>
    public string Name { get; }

    /// <summary>The title reports show, unique within the feature: <c>シナリオ名</c> or <c>シナリオ名 [例 n]</c>.</summary>
    public string DisplayTitle { get; }

    public FeatureDocument Feature { get; }

    /// <summary>The scenario (outline) title as written, placeholders not substituted.</summary>
    public string Title { get; }

    public string? Description { get; }

    /// <summary>1-based position of the Examples row across all Examples blocks of the outline; null for a plain Scenario.</summary>
    public int? ExampleNumber { get; }

    /// <summary>Name of the Examples block the row belongs to, when it has one.</summary>
    public string? ExamplesName { get; }

    public RuleDescriptor? Rule { get; }

    /// <summary>Tags of the scenario and of its Examples block, without '@'.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Tags of the feature and the rule, without '@'.</summary>
    public IReadOnlyList<string> InheritedTags { get; }

    /// <summary>Every tag that applies (NUnit categories), without '@'.</summary>
    public IReadOnlyList<string> Categories => InheritedTags.Concat(Tags).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Examples header/value pairs of this row, in column order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Arguments { get; }

    public IReadOnlyList<ScenarioStep> Steps { get; }

    /// <summary>Index of the pickle in the feature's pickle list; Reqnroll matches executions to pickles by it.</summary>
    public int PickleIndex { get; }

    public string PickleId { get; }

    /// <summary>Line of the Scenario, or of the Examples row.</summary>
    public int Line { get; }

    public override string ToString() => Name;
}

/// <summary>The Rule a scenario belongs to.</summary>
public sealed record RuleDescriptor(string Title, string? Description, IReadOnlyList<string> Tags);
