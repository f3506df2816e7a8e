using System.Globalization;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Formatters.RuntimeSupport;

namespace Shinkin.Reqnroll.NUnit.Discovery;

/// <summary>A parsed .feature file: what Reqnroll's generator would have compiled into one test class.</summary>
public sealed class FeatureDocument
{
    private readonly List<ScenarioCase> _scenarios = [];
    private readonly Lazy<FeatureInfo> _featureInfo;

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
        // One FeatureInfo per feature for the whole run: Reqnroll compares feature infos by reference
        // when it picks runners and matches feature contexts.
        _featureInfo = new Lazy<FeatureInfo>(CreateFeatureInfo, LazyThreadSafetyMode.ExecutionAndPublication);
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

    internal Source Source { get; }

    internal GherkinDocument GherkinDocument { get; }

    internal IReadOnlyList<Pickle> Pickles { get; }

    internal FeatureInfo FeatureInfo => _featureInfo.Value;

    internal void Add(ScenarioCase scenario) => _scenarios.Add(scenario);

    public override string ToString() => $"{RelativePath} ({Title})";

    private FeatureInfo CreateFeatureInfo() =>
        new(
            ToCulture(Language),
            FolderPath,
            Title,
            Description,
            ProgrammingLanguage.CSharp,
            Tags.ToArray(),
            new FeatureMessages(Source, GherkinDocument, Pickles));

    private static CultureInfo ToCulture(string language)
    {
        try
        {
            // Gherkin dialects are neutral ("ja"); Reqnroll's generated code hands over the specific culture (ja-JP).
            return CultureInfo.CreateSpecificCulture(language);
        }
        catch (CultureNotFoundException)
        {
            // Gherkin has dialects such as en-pirate that are no .NET culture.
            return CultureInfo.GetCultureInfo("en-US");
        }
    }

    private sealed class FeatureMessages(Source source, GherkinDocument gherkinDocument, IReadOnlyList<Pickle> pickles)
        : IFeatureLevelCucumberMessages
    {
        public bool HasMessages => true;

        public Source Source { get; } = source;

        public GherkinDocument GherkinDocument { get; } = gherkinDocument;

        public IEnumerable<Pickle> Pickles { get; } = pickles;
    }
}
