using System.Reflection;
using Shinkin.FeatureFiles;
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
        return Load(root, FeatureReader.DefaultLanguage(assemblyDirectory));
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

        foreach (var file in FeatureReader.FeatureFiles(root))
        {
            var relative = FeatureReader.RelativePath(root, file);
            try
            {
                if (FeatureReader.Read(file, relative, defaultLanguage) is { } feature)
                {
                    features.Add(feature);
                }
            }
            catch (FeatureSyntaxException e)
            {
                errors.Add(SyntaxError(e));
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


    private static string AssemblyDirectory(Assembly assembly) =>
        string.IsNullOrEmpty(assembly.Location) ? AppContext.BaseDirectory : Path.GetDirectoryName(assembly.Location)!;

    private static DiscoveryError SyntaxError(FeatureSyntaxException e)
    {
        var first = e.First;
        var message = "Gherkin syntax error:" + Environment.NewLine
            + string.Join(Environment.NewLine, e.Problems.Select(p => p.Line is { } line ? $"  ({line}:{p.Column}): {p.Message}" : "  " + p.Message));
        return new DiscoveryError(e.RelativePath, e.FullPath, first?.Line, first?.Column, message);
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
