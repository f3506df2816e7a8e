namespace Shinkin.Reports.Specs;

/// <summary>Which column of the spec a step belongs to: 前提 (Given), 手順 (When), 期待結果 (Then).</summary>
public enum StepKind
{
    Context,
    Action,
    Outcome,
}

public sealed record SpecStep(string Keyword, StepKind Kind, string Text, string? Argument)
{
    public override string ToString() => Argument is null ? $"{Keyword}{Text}" : $"{Keyword}{Text}\n{Argument}";
}

/// <summary>
/// One executable scenario as the feature file states it. Scenario Outlines are expanded: each
/// example row becomes its own scenario with the placeholders filled in, as the runner executes it.
/// </summary>
public sealed record ScenarioSpec
{
    public required string FeatureFile { get; init; }

    public required string Feature { get; init; }

    public string? Rule { get; init; }

    public required string Name { get; init; }

    public required int Line { get; init; }

    /// <summary>Tags without '@', inherited from feature, rule and examples.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>Background steps followed by the scenario's own steps.</summary>
    public required IReadOnlyList<SpecStep> Steps { get; init; }

    /// <summary>"a=1, b=2" for an expanded example row; null for a plain scenario.</summary>
    public string? Example { get; init; }

    public string? Description { get; init; }
}

public sealed record FeatureSpec(string FeatureFile, string Name, string? Description, IReadOnlyList<string> Tags, IReadOnlyList<ScenarioSpec> Scenarios);

/// <summary>A feature file that does not parse; names the file and line so the author can fix it.</summary>
public sealed class FeatureFileException : Exception
{
    public FeatureFileException()
    {
        FilePath = "";
    }

    public FeatureFileException(string message)
        : base(message)
    {
        FilePath = "";
    }

    public FeatureFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "";
    }

    public FeatureFileException(string filePath, int line, string message, Exception? innerException = null)
        : base($"{filePath}:{line}: {message}", innerException)
    {
        FilePath = filePath;
        Line = line;
    }

    public string FilePath { get; }

    public int Line { get; }
}
