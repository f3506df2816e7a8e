using Io.Cucumber.Messages.Types;

namespace Shinkin.FeatureFiles;

/// <summary>A parsed .feature file: what Reqnroll's generator would have compiled into one test class.</summary>
public sealed class FeatureDocument
{
    private readonly List<ScenarioCase> _scenarios = [];

    internal FeatureDocument(
        string relativePath,
        string fullPath,
        string title,
        string? description,
        string language,
        IReadOnlyList<string> tags,
        Source source,
        GherkinDocument gherkinDocument,
        IReadOnlyList<Pickle> pickles)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        Title = title;
        Description = description;
        Language = language;
        Tags = tags;
        Source = source;
        GherkinDocument = gherkinDocument;
        Pickles = pickles;
    }

    /// <summary>Path relative to the features root, with '/' separators.</summary>
    public string RelativePath { get; }

    public string FullPath { get; }

    public string Title { get; }

    public string? Description { get; }

    /// <summary>Gherkin dialect of the file, e.g. <c>ja</c>.</summary>
    public string Language { get; }

    /// <summary>Feature tags without '@'.</summary>
    public IReadOnlyList<string> Tags { get; }

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
    public Source Source { get; }

    public GherkinDocument GherkinDocument { get; }

    /// <summary>One pickle per scenario case, in the order of <see cref="Scenarios"/>.</summary>
    public IReadOnlyList<Pickle> Pickles { get; }

    internal void Add(ScenarioCase scenario) => _scenarios.Add(scenario);

    public override string ToString() => $"{RelativePath} ({Title})";
}
