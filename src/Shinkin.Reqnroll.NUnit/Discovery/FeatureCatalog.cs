using System.Reflection;
using System.Text.Json;
using Gherkin;
using Shinkin.Settings;

namespace Shinkin.Reqnroll.NUnit.Discovery;

/// <summary>Every .feature file under a features root, parsed; broken files become <see cref="Errors"/>.</summary>
public sealed class FeatureCatalog
{
    private FeatureCatalog(string rootDirectory, IReadOnlyList<FeatureDocument> features, IReadOnlyList<DiscoveryError> errors)
    {
        RootDirectory = rootDirectory;
        Features = features;
        Errors = errors;
    }

    public string RootDirectory { get; }

    public IReadOnlyList<FeatureDocument> Features { get; }

    public IReadOnlyList<DiscoveryError> Errors { get; }

    public IEnumerable<ScenarioCase> Scenarios => Features.SelectMany(f => f.Scenarios);

    /// <summary>The catalog a test assembly runs: root from <see cref="RunSettings.FeaturesDirectory"/> or the assembly folder,
    /// default dialect from the <c>language.feature</c> setting of the reqnroll.json beside the assembly.</summary>
    public static FeatureCatalog ForTestAssembly(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        var assemblyDirectory = AssemblyDirectory(testAssembly);
        var root = TestHostSettings.Current.FeaturesDirectory ?? assemblyDirectory;
        return Load(root, ReadDefaultLanguage(assemblyDirectory));
    }

    public static FeatureCatalog Load(string rootDirectory, string defaultLanguage = "en")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        var features = new List<FeatureDocument>();
        var errors = new List<DiscoveryError>();

        if (!Directory.Exists(root))
        {
            errors.Add(new DiscoveryError(string.Empty, root, null, null, "The features root folder does not exist."));
            return new FeatureCatalog(root, features, errors);
        }

        foreach (var file in FeatureFiles(root))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            try
            {
                if (FeatureParser.Parse(file, relative, defaultLanguage) is { } feature)
                {
                    features.Add(feature);
                }
            }
            catch (CompositeParserException e)
            {
                errors.Add(SyntaxError(relative, file, e.Errors.ToArray()));
            }
            catch (ParserException e)
            {
                errors.Add(SyntaxError(relative, file, [e]));
            }
            catch (IOException e)
            {
                errors.Add(new DiscoveryError(relative, file, null, null, $"The file could not be read: {e.Message}"));
            }
            catch (UnauthorizedAccessException e)
            {
                errors.Add(new DiscoveryError(relative, file, null, null, $"The file could not be read: {e.Message}"));
            }
        }

        errors.AddRange(DuplicateTitles(features));
        return new FeatureCatalog(root, features, errors);
    }

    /// <summary>Maps Reqnroll's <c>language.feature</c> (e.g. ja-JP) to a Gherkin dialect (ja); "en" when absent.</summary>
    public static string ReadDefaultLanguage(string directory)
    {
        var configFile = Path.Combine(directory, "reqnroll.json");
        if (!File.Exists(configFile))
        {
            return "en";
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(configFile), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (json.RootElement.TryGetProperty("language", out var language) &&
                language.ValueKind == JsonValueKind.Object &&
                language.TryGetProperty("feature", out var feature) &&
                feature.GetString() is { Length: > 0 } culture)
            {
                return ToDialect(culture);
            }
        }
        catch (JsonException)
        {
            // Reqnroll reports a malformed reqnroll.json itself when the run starts.
        }

        return "en";
    }

    private static string ToDialect(string culture)
    {
        var provider = new GherkinDialectProvider("en");
        foreach (var candidate in new[] { culture, culture.Split('-')[0] })
        {
            try
            {
                return provider.GetDialect(candidate, null).Language;
            }
            catch (NoSuchLanguageException)
            {
                // try the neutral language next
            }
        }

        return "en";
    }

    private static string AssemblyDirectory(Assembly assembly) =>
        string.IsNullOrEmpty(assembly.Location) ? AppContext.BaseDirectory : Path.GetDirectoryName(assembly.Location)!;

    private static IEnumerable<string> FeatureFiles(string root) =>
        Directory.EnumerateFiles(root, "*.feature", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(root, file)
                .Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                .Any(segment => segment is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    private static DiscoveryError SyntaxError(string relative, string file, ParserException[] errors)
    {
        var first = errors.FirstOrDefault(e => e.Location is not null);
        var message = "Gherkin syntax error:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e.Message));
        return new DiscoveryError(relative, file, first?.Location?.Line, first?.Location?.Column, message);
    }

    private static IEnumerable<DiscoveryError> DuplicateTitles(List<FeatureDocument> features) =>
        features
            .GroupBy(f => f.Title, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(duplicate => new DiscoveryError(
                duplicate.RelativePath,
                duplicate.FullPath,
                null,
                null,
                $"The feature name '{g.Key}' is also used by {g.First().RelativePath}. Reqnroll's reports identify features by name; give each feature a unique name.")));
}
