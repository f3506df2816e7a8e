using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using StepKeywordType = Io.Cucumber.Messages.Types.StepKeywordType;

namespace Shinkin.FeatureFiles;

/// <summary>
/// The one reader of .feature files, for the test bridge and the reports alike. It reads a file the way
/// Reqnroll's generator does: Gherkin AST, then Cucumber messages (GherkinDocument + pickles), and one
/// <see cref="ScenarioCase"/> per pickle, so what runs, what the spec lists and what the reports name agree.
/// </summary>
public static class FeatureReader
{
    /// <summary>Reads one file; <paramref name="relativePath"/> is its path below the features root ('/' separators).</summary>
    /// <returns>The feature, or null when the file holds no Feature (only comments or blank).</returns>
    /// <exception cref="FeatureSyntaxException">The file is not valid Gherkin.</exception>
    public static FeatureDocument? Read(string fullPath, string relativePath, string defaultLanguage = "en") =>
        Parse(File.ReadAllText(fullPath), relativePath, fullPath, defaultLanguage);

    /// <summary>Parses feature text; <paramref name="defaultLanguage"/> is the dialect when the text has no <c># language:</c> line.</summary>
    /// <returns>The feature, or null when the text holds no Feature (only comments or blank).</returns>
    /// <exception cref="FeatureSyntaxException">The text is not valid Gherkin.</exception>
    public static FeatureDocument? Parse(string text, string relativePath, string? fullPath = null, string defaultLanguage = "en")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(relativePath);
        fullPath ??= relativePath;
        Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(new GherkinDialectProvider(defaultLanguage)));
        }
        catch (CompositeParserException e)
        {
            throw new FeatureSyntaxException(relativePath, fullPath, e.Errors.Select(Problem).ToList(), e);
        }
        catch (ParserException e)
        {
            throw new FeatureSyntaxException(relativePath, fullPath, [Problem(e)], e);
        }

        if (ast.Feature is null)
        {
            return null;
        }

        var ids = new DeterministicIdGenerator(relativePath);
        var gherkinDocument = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, relativePath);
        var pickles = new PickleCompiler(ids).Compile(gherkinDocument);
        var source = new Source(relativePath, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);

        var feature = gherkinDocument.Feature;
        var document = new FeatureDocument
        {
            RelativePath = relativePath,
            FullPath = fullPath,
            Title = feature.Name,
            Description = NullIfBlank(feature.Description),
            Language = feature.Language,
            Tags = TagNames(feature.Tags),
            Source = source,
            GherkinDocument = gherkinDocument,
            Pickles = pickles,
        };

        var index = new AstIndex(feature);
        var dialect = new GherkinDialectProvider(defaultLanguage).GetDialect(feature.Language, null);
        for (var i = 0; i < pickles.Count; i++)
        {
            document.Add(ToScenario(document, pickles[i], i, index, dialect));
        }

        return document;
    }

    /// <summary>Every .feature file below <paramref name="root"/> in ordinal order; bin/ and obj/ (build output) are skipped.</summary>
    public static IEnumerable<string> FeatureFiles(string root) =>
        Directory.EnumerateFiles(root, "*.feature", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(root, file)
                .Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                .Any(segment => segment is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    /// <summary>A file's path below the features root, with '/' separators on every OS.</summary>
    public static string RelativePath(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    /// <summary>
    /// The dialect for files without <c># language:</c>: Reqnroll's <c>language.feature</c> (e.g. ja-JP → ja) of the
    /// reqnroll.json in <paramref name="directory"/>; "en" when there is none.
    /// </summary>
    public static string DefaultLanguage(string directory)
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

    private static FeatureSyntaxProblem Problem(ParserException e)
    {
        // Gherkin prefixes its messages with "(line:column): "; the location is kept apart so each reader formats it its way.
        var message = e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
        return new FeatureSyntaxProblem((int?)e.Location?.Line, (int?)e.Location?.Column, text);
    }

    private static ScenarioCase ToScenario(FeatureDocument document, Pickle pickle, int pickleIndex, AstIndex index, GherkinDialect dialect)
    {
        var (scenario, rule) = index.Scenarios[pickle.AstNodeIds[0]];
        ExampleRow? row = pickle.AstNodeIds.Count > 1 ? index.Rows[pickle.AstNodeIds[1]] : null;

        var ownTags = TagNames(scenario.Tags).Concat(row is null ? [] : TagNames(row.Examples.Tags)).Distinct(StringComparer.Ordinal).ToArray();
        var inheritedTags = document.Tags.Concat(rule is null ? [] : TagNames(rule.Tags)).Distinct(StringComparer.Ordinal).ToArray();

        var arguments = row is null
            ? []
            : row.Examples.TableHeader.Cells.Zip(row.Row.Cells, (header, value) => new KeyValuePair<string, string>(header.Value, value.Value)).ToArray();

        var steps = new List<ScenarioStep>(pickle.Steps.Count);
        foreach (var pickleStep in pickle.Steps)
        {
            var astStep = index.Steps[pickleStep.AstNodeIds[0]];
            steps.Add(new ScenarioStep
            {
                Kind = KindOf(astStep, pickleStep, isFirst: steps.Count == 0, dialect),
                Keyword = astStep.Keyword,
                Text = pickleStep.Text,
                DocString = pickleStep.Argument?.DocString?.Content,
                Table = pickleStep.Argument?.DataTable?.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToArray()).ToArray(),
                Line = (int)astStep.Location.Line,
                PickleStepId = pickleStep.Id,
            });
        }

        return new ScenarioCase
        {
            Feature = document,
            Title = scenario.Name,
            Description = NullIfBlank(scenario.Description),
            ExampleNumber = row?.Number,
            ExamplesName = NullIfBlank(row?.Examples.Name),
            Rule = rule is null ? null : new RuleDescriptor(rule.Name, NullIfBlank(rule.Description), TagNames(rule.Tags)),
            Tags = ownTags,
            InheritedTags = inheritedTags,
            Arguments = arguments,
            Steps = steps,
            PickleIndex = pickleIndex,
            PickleId = pickle.Id,
            Line = (int)(row?.Row.Location.Line ?? scenario.Location.Line),
        };
    }

    private static StepKind KindOf(Step astStep, PickleStep pickleStep, bool isFirst, GherkinDialect dialect) =>
        astStep.KeywordType switch
        {
            StepKeywordType.CONTEXT => StepKind.Given,
            StepKeywordType.ACTION => StepKind.When,
            StepKeywordType.OUTCOME => StepKind.Then,
            StepKeywordType.CONJUNCTION when IsBut(astStep.Keyword, dialect) => StepKind.But,
            StepKeywordType.CONJUNCTION => StepKind.And,
            // '*' continues the previous block; as the first step it can only mean a precondition.
            _ when !isFirst => StepKind.And,
            _ => pickleStep.Type switch
            {
                PickleStepType.ACTION => StepKind.When,
                PickleStepType.OUTCOME => StepKind.Then,
                _ => StepKind.Given,
            },
        };

    private static bool IsBut(string keyword, GherkinDialect dialect) =>
        keyword.Trim() != "*" && dialect.ButStepKeywords.Any(k => k.Trim() == keyword.Trim());

    private static string[] TagNames(IEnumerable<Tag> tags) =>
        tags.Select(t => t.Name.TrimStart('@')).Distinct(StringComparer.Ordinal).ToArray();

    private static string? NullIfBlank(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record ExampleRow(Examples Examples, TableRow Row, int Number);

    /// <summary>Lookups from the ids pickles refer to (astNodeIds) back to the Gherkin document.</summary>
    private sealed class AstIndex
    {
        public AstIndex(Feature feature)
        {
            foreach (var child in feature.Children)
            {
                if (child.Background is { } background)
                {
                    AddSteps(background.Steps);
                }
                else if (child.Scenario is { } scenario)
                {
                    AddScenario(scenario, null);
                }
                else if (child.Rule is { } rule)
                {
                    foreach (var ruleChild in rule.Children)
                    {
                        if (ruleChild.Background is { } ruleBackground)
                        {
                            AddSteps(ruleBackground.Steps);
                        }
                        else if (ruleChild.Scenario is { } ruleScenario)
                        {
                            AddScenario(ruleScenario, rule);
                        }
                    }
                }
            }
        }

        public Dictionary<string, Step> Steps { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (Scenario Scenario, Rule? Rule)> Scenarios { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ExampleRow> Rows { get; } = new(StringComparer.Ordinal);

        private void AddSteps(IEnumerable<Step> steps)
        {
            foreach (var step in steps)
            {
                Steps[step.Id] = step;
            }
        }

        private void AddScenario(Scenario scenario, Rule? rule)
        {
            Scenarios[scenario.Id] = (scenario, rule);
            AddSteps(scenario.Steps);
            var number = 0;
            foreach (var examples in scenario.Examples)
            {
                foreach (var row in examples.TableBody)
                {
                    Rows[row.Id] = new ExampleRow(examples, row, ++number);
                }
            }
        }
    }

    /// <summary>
    /// Ids stable across discovery runs and unique across features (the default incrementing
    /// generator would give every feature the ids 0, 1, 2... and collide in the run's message stream).
    /// </summary>
    private sealed class DeterministicIdGenerator(string seed) : IIdGenerator
    {
        private int _next;

        public string GetNewId()
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\n{_next++}"));
            return new Guid(hash.AsSpan(0, 16)).ToString();
        }
    }
}
