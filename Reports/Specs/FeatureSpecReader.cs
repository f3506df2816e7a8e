using System.Text;
using Gherkin;
using Gherkin.Ast;

namespace Shinkin.Reports.Specs;

/// <summary>Reads <c>.feature</c> files (any Gherkin language, <c># language: ja</c> included) into <see cref="FeatureSpec"/>s.</summary>
public static class FeatureSpecReader
{
    /// <summary>Every feature under <paramref name="featuresRoot"/>, ordered by relative path; bin/obj are ignored.</summary>
    public static async Task<IReadOnlyList<FeatureSpec>> ReadAllAsync(string featuresRoot, CancellationToken cancellationToken = default)
    {
        var result = new List<FeatureSpec>();
        foreach (var file in FeatureFiles(featuresRoot))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            result.Add(Parse(text, Relative(featuresRoot, file)));
        }

        return result;
    }

    /// <summary>Synchronous twin of <see cref="ReadAllAsync"/> for callers that are not async (test fixtures, analyzers).</summary>
    public static IReadOnlyList<FeatureSpec> ReadAll(string featuresRoot) =>
        FeatureFiles(featuresRoot).Select(f => Parse(File.ReadAllText(f), Relative(featuresRoot, f))).ToList();

    public static IEnumerable<string> FeatureFiles(string featuresRoot)
    {
        if (!Directory.Exists(featuresRoot))
        {
            throw new DirectoryNotFoundException($"Features folder not found: {featuresRoot}");
        }

        return Directory.EnumerateFiles(featuresRoot, "*.feature", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Relative(featuresRoot, f)))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Parses one feature; a syntax error becomes a <see cref="FeatureFileException"/> naming file and line.</summary>
    public static FeatureSpec Parse(string text, string featureFile)
    {
        GherkinDocument document;
        try
        {
            document = new Parser().Parse(new StringReader(text));
        }
        catch (CompositeParserException ex)
        {
            var first = ex.Errors.FirstOrDefault();
            var detail = string.Join("; ", ex.Errors.Select(e => $"line {e.Location?.Line ?? 0}: {Message(e)}"));
            throw new FeatureFileException(featureFile, first?.Location?.Line ?? 0, detail, ex);
        }
        catch (ParserException ex)
        {
            throw new FeatureFileException(featureFile, ex.Location?.Line ?? 0, Message(ex), ex);
        }

        var feature = document.Feature
            ?? throw new FeatureFileException(featureFile, 1, "no Feature (機能) in the file.");
        var featureTags = TagNames(feature.Tags);
        var scenarios = new List<ScenarioSpec>();
        var featureBackground = new List<SpecStep>();
        foreach (var child in feature.Children)
        {
            switch (child)
            {
                case Background background:
                    featureBackground.AddRange(Steps(background.Steps));
                    break;
                case Scenario scenario:
                    scenarios.AddRange(Expand(featureFile, feature.Name, null, featureTags, featureBackground, scenario));
                    break;
                case Rule rule:
                    var ruleTags = featureTags.Concat(TagNames(rule.Tags)).ToList();
                    var ruleBackground = new List<SpecStep>(featureBackground);
                    foreach (var ruleChild in rule.Children)
                    {
                        if (ruleChild is Background rb)
                        {
                            ruleBackground.AddRange(Steps(rb.Steps));
                        }
                        else if (ruleChild is Scenario rs)
                        {
                            scenarios.AddRange(Expand(featureFile, feature.Name, rule.Name, ruleTags, ruleBackground, rs));
                        }
                    }

                    break;
            }
        }

        return new FeatureSpec(featureFile, feature.Name, Trim(feature.Description), featureTags, scenarios);
    }

    private static IEnumerable<ScenarioSpec> Expand(string file, string feature, string? rule, IReadOnlyList<string> inherited, IReadOnlyList<SpecStep> background, Scenario scenario)
    {
        var tags = inherited.Concat(TagNames(scenario.Tags)).Distinct(StringComparer.Ordinal).ToList();
        var examples = scenario.Examples.ToList();
        if (examples.Count == 0)
        {
            yield return new ScenarioSpec
            {
                FeatureFile = file,
                Feature = feature,
                Rule = rule,
                Name = scenario.Name,
                Line = scenario.Location.Line,
                Tags = tags,
                Steps = background.Concat(Steps(scenario.Steps)).ToList(),
                Description = Trim(scenario.Description),
            };
            yield break;
        }

        foreach (var table in examples)
        {
            var header = table.TableHeader?.Cells.Select(c => c.Value).ToList() ?? [];
            var rowNumber = 0;
            foreach (var row in table.TableBody)
            {
                rowNumber++;
                var values = header.Zip(row.Cells.Select(c => c.Value)).ToList();
                string Fill(string s) => values.Aggregate(s, (acc, v) => acc.Replace($"<{v.First}>", v.Second, StringComparison.Ordinal));
                var steps = Steps(scenario.Steps).Select(s => s with { Text = Fill(s.Text), Argument = s.Argument is null ? null : Fill(s.Argument) });
                var exampleName = string.IsNullOrWhiteSpace(table.Name) ? "" : table.Name.Trim() + " ";
                yield return new ScenarioSpec
                {
                    FeatureFile = file,
                    Feature = feature,
                    Rule = rule,
                    Name = $"{Fill(scenario.Name)} [{exampleName}#{rowNumber}]",
                    Line = row.Location.Line,
                    Tags = tags.Concat(TagNames(table.Tags)).Distinct(StringComparer.Ordinal).ToList(),
                    Steps = background.Concat(steps).ToList(),
                    Example = string.Join(", ", values.Select(v => $"{v.First}={v.Second}")),
                    Description = Trim(scenario.Description),
                };
            }
        }
    }

    private static List<SpecStep> Steps(IEnumerable<Step> steps)
    {
        var result = new List<SpecStep>();
        var previous = StepKind.Context;
        foreach (var step in steps)
        {
            var kind = step.KeywordType switch
            {
                StepKeywordType.Context => StepKind.Context,
                StepKeywordType.Action => StepKind.Action,
                StepKeywordType.Outcome => StepKind.Outcome,
                _ => previous,
            };
            previous = kind;
            result.Add(new SpecStep(step.Keyword.Trim(), kind, step.Text, Argument(step.Argument)));
        }

        return result;
    }

    private static string? Argument(StepArgument? argument) => argument switch
    {
        DataTable table => string.Join("\n", table.Rows.Select(r => "| " + string.Join(" | ", r.Cells.Select(c => c.Value)) + " |")),
        DocString doc => doc.Content,
        _ => null,
    };

    private static List<string> TagNames(IEnumerable<Tag> tags) => tags.Select(t => t.Name.TrimStart('@')).ToList();

    private static string? Trim(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            builder.AppendLine(line.Trim());
        }

        return builder.ToString().Trim();
    }

    private static string Message(ParserException ex)
    {
        // Gherkin prefixes its messages with "(line:col): "; the file name and line are added by us.
        var message = ex.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)
        || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal);
}
