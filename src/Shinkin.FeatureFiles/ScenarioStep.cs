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
    internal ScenarioStep(
        StepKind kind,
        string keyword,
        string text,
        string? docString,
        IReadOnlyList<IReadOnlyList<string>>? table,
        int line,
        string pickleStepId)
    {
        Kind = kind;
        Keyword = keyword;
        Text = text;
        DocString = docString;
        Table = table;
        Line = line;
        PickleStepId = pickleStepId;
    }

    public StepKind Kind { get; }

    /// <summary>The keyword as written in the feature file, e.g. <c>前提</c> or <c>Given </c>.</summary>
    public string Keyword { get; }

    public string Text { get; }

    public string? DocString { get; }

    /// <summary>DataTable rows; the first row is the header.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Table { get; }

    public int Line { get; }

    public string PickleStepId { get; }

    public override string ToString() => $"{Keyword.Trim()} {Text}";
}
