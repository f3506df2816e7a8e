namespace Shinkin.FeatureFiles;

/// <summary>How Reqnroll is told about a step: the Given/When/Then/And/But call of the generated code.</summary>
public enum StepKind
{
    Given,
    When,
    Then,
    And,
    But,
}

/// <summary>One executable step of a scenario, with Background steps and Examples values already applied.</summary>
public sealed class ScenarioStep
{
    // Only the reader builds steps (object initializers), so a step always matches its pickle step.
    internal ScenarioStep()
    {
    }

    public required StepKind Kind { get; init; }

    /// <summary>The keyword as written in the feature file, e.g. <c>前提</c> or <c>Given </c>.</summary>
    public required string Keyword { get; init; }

    public required string Text { get; init; }

    public string? DocString { get; init; }

    /// <summary>DataTable rows; the first row is the header.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Table { get; init; }

    public required int Line { get; init; }

    public required string PickleStepId { get; init; }

    public override string ToString() => $"{Keyword.Trim()} {Text}";
}
