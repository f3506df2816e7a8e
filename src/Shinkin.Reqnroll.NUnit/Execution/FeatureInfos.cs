using System.Globalization;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using Reqnroll.Formatters.RuntimeSupport;
using Shinkin.FeatureFiles;

namespace Shinkin.Reqnroll.NUnit.Execution;

/// <summary>What Reqnroll's generated code hands over for a feature: its FeatureInfo with the feature's Cucumber messages.</summary>
internal static class FeatureInfos
{
    public static FeatureInfo Create(FeatureDocument feature) =>
        new(
            ToCulture(feature.Language),
            feature.FolderPath,
            feature.Title,
            feature.Description,
            ProgrammingLanguage.CSharp,
            feature.Tags.ToArray(),
            new FeatureMessages(feature.Source, feature.GherkinDocument, feature.Pickles));

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
