using Io.Cucumber.Messages.Types;

namespace Shinkin.FeatureFiles;

/// <summary>A parsed .feature file: what Reqnroll's generator would have compiled into one test class.</summary>
public sealed class FeatureDocument
{
    private readonly List<ScenarioCase> _scenarios = [];

    // Only the reader builds documents (object initializers), so messages and cases always belong together.
    internal FeatureDocument()
    {
    }

    /// <summary>Path relative to the features root, with '/' separators.</summary>
    public required string RelativePath { get; init; }

    public required string FullPath { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Gherkin dialect of the file, e.g. <c>ja</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Feature tags without '@'.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    public IReadOnlyList<ScenarioCase> Scenarios => _scenarios;

    /// <summary>Folder of the file relative to the features root ('/' separators, empty at the root).</summary>
    public string FolderPath
    {
        get
        {
            var slash = RelativePath.LastIndexOf('/');
            return slash < 0 ? string.Empty : RelativePath[..slash];
        }
    }

    /// <summary>The file's text as a Cucumber message (what Reqnroll's formatters report as the source).</summary>
    public required Source Source { get; init; }

    public required GherkinDocument GherkinDocument { get; init; }

    /// <summary>One pickle per scenario case, in the order of <see cref="Scenarios"/>.</summary>
    public required IReadOnlyList<Pickle> Pickles { get; init; }

    internal void Add(ScenarioCase scenario) => _scenarios.Add(scenario);

    public override string ToString() => $"{RelativePath} ({Title})";
}
