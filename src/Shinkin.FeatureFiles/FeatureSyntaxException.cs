namespace Shinkin.FeatureFiles;

/// <summary>One complaint of the Gherkin parser, its location kept apart from the text.</summary>
public sealed record FeatureSyntaxProblem(int? Line, int? Column, string Message);

/// <summary>A .feature file that is not valid Gherkin: every problem the parser found, with file and line.</summary>
public sealed class FeatureSyntaxException : Exception
{
    public FeatureSyntaxException()
    {
        RelativePath = "";
        FullPath = "";
        Problems = [];
    }

    public FeatureSyntaxException(string message)
        : base(message)
    {
        RelativePath = "";
        FullPath = "";
        Problems = [];
    }

    public FeatureSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        RelativePath = "";
        FullPath = "";
        Problems = [];
    }

    public FeatureSyntaxException(string relativePath, string fullPath, IReadOnlyList<FeatureSyntaxProblem> problems, Exception? innerException = null)
        : base($"{relativePath}: Gherkin syntax error: {string.Join("; ", problems?.Select(p => p.Message) ?? [])}", innerException)
    {
        ArgumentNullException.ThrowIfNull(problems);
        RelativePath = relativePath;
        FullPath = fullPath;
        Problems = problems;
    }

    public string RelativePath { get; }

    public string FullPath { get; }

    public IReadOnlyList<FeatureSyntaxProblem> Problems { get; }

    /// <summary>The first problem that has a location: where an editor should jump.</summary>
    public FeatureSyntaxProblem? First => Problems.FirstOrDefault(p => p.Line is not null) ?? Problems.FirstOrDefault();
}
