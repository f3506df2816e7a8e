using Shinkin.Reports.RunRecords;
using Shinkin.Reports.Specs;

namespace Shinkin.Reports.Coverage;

public sealed record CoveringScenario(string Feature, string Scenario, string FeatureFile, int Line, string Reference)
{
    public override string ToString() => $"{Feature} / {Scenario}";
}

/// <summary>One numbered step of the manual and what covers it.</summary>
public sealed record CoverageRow(ManualStep Step, IReadOnlyList<CoveringScenario> Scenarios, Outcome? LatestResult)
{
    public bool IsCovered => Scenarios.Count > 0;
}

/// <summary>A manual tag that points at a procedure or step the manual does not have.</summary>
public sealed record UnknownManualReference(string FeatureFile, int Line, string Scenario, string Tag);

/// <summary>
/// Manual coverage: section → procedure → numbered step → covering scenarios → latest result.
/// Built from the manual structure file and the scenarios' <c>manual:</c> tags (from the feature
/// files, or from a run record when no features folder is at hand).
/// </summary>
public sealed class CoverageMatrix
{
    private CoverageMatrix(ManualStructure manual, IReadOnlyList<CoverageRow> rows, IReadOnlyList<UnknownManualReference> unknown, bool hasResults)
    {
        Manual = manual;
        Rows = rows;
        UnknownReferences = unknown;
        HasResults = hasResults;
    }

    public ManualStructure Manual { get; }

    public IReadOnlyList<CoverageRow> Rows { get; }

    public IReadOnlyList<UnknownManualReference> UnknownReferences { get; }

    /// <summary>True when a run record supplied the latest results.</summary>
    public bool HasResults { get; }

    public int TotalSteps => Rows.Count;

    public int CoveredSteps => Rows.Count(r => r.IsCovered);

    /// <summary>Loads the manual structure and every feature under <paramref name="featuresRoot"/>.</summary>
    public static CoverageMatrix Load(string manualStructurePath, string featuresRoot) =>
        Build(ManualStructure.Load(manualStructurePath), FeatureSpecReader.ReadAll(featuresRoot).SelectMany(f => f.Scenarios));

    public static async Task<CoverageMatrix> LoadAsync(string manualStructurePath, string? featuresRoot, RunRecord? run = null, CancellationToken cancellationToken = default)
    {
        var manual = await ManualStructure.LoadAsync(manualStructurePath, cancellationToken);
        IEnumerable<ScenarioSpec>? scenarios = null;
        if (featuresRoot is not null && Directory.Exists(featuresRoot))
        {
            scenarios = (await FeatureSpecReader.ReadAllAsync(featuresRoot, cancellationToken)).SelectMany(f => f.Scenarios);
        }

        return Build(manual, scenarios, run);
    }

    /// <summary>
    /// Builds the matrix. With <paramref name="scenarios"/> null the covering scenarios are taken from
    /// the run record's tags instead, so an old run can be rendered without its feature files.
    /// </summary>
    public static CoverageMatrix Build(ManualStructure manual, IEnumerable<ScenarioSpec>? scenarios, RunRecord? run = null)
    {
        var covering = (scenarios ?? FromRun(run)).ToList();
        var unknown = new List<UnknownManualReference>();
        var tagged = new List<(ScenarioSpec Scenario, ManualReference Reference)>();
        foreach (var scenario in covering)
        {
            foreach (var tag in scenario.Tags.Where(t => t.StartsWith(ManualReference.TagPrefix, StringComparison.Ordinal)))
            {
                var reference = ManualReference.TryParse(tag);
                if (reference is null || !manual.Procedures.TryGetValue(reference.ProcedureId, out var procedure)
                    || (reference.ToStep is { } to && to > procedure.Steps.Count))
                {
                    unknown.Add(new UnknownManualReference(scenario.FeatureFile, scenario.Line, scenario.Name, tag));
                    continue;
                }

                tagged.Add((scenario, reference));
            }
        }

        var results = run?.Scenarios
            .SelectMany(s => ManualReference.FromTags(s.Tags).Select(r => (Reference: r, s.Outcome)))
            .ToList();

        var rows = manual.Steps.Select(step =>
        {
            var covers = tagged
                .Where(t => t.Reference.Covers(step.ProcedureId, step.Number))
                .Select(t => new CoveringScenario(t.Scenario.Feature, t.Scenario.Name, t.Scenario.FeatureFile, t.Scenario.Line, t.Reference.ToString()))
                .DistinctBy(c => (c.FeatureFile, c.Scenario))
                .ToList();
            var latest = results is null
                ? null
                : OutcomeLabels.Combine(results.Where(r => r.Reference.Covers(step.ProcedureId, step.Number)).Select(r => r.Outcome));
            return new CoverageRow(step, covers, latest);
        }).ToList();

        return new CoverageMatrix(manual, rows, unknown, run is not null);
    }

    /// <summary>Adds the latest results of a run to the same coverage.</summary>
    public CoverageMatrix WithResults(RunRecord run)
    {
        var results = run.Scenarios.SelectMany(s => ManualReference.FromTags(s.Tags).Select(r => (Reference: r, s.Outcome))).ToList();
        var rows = Rows.Select(r => r with
        {
            LatestResult = OutcomeLabels.Combine(results.Where(x => x.Reference.Covers(r.Step.ProcedureId, r.Step.Number)).Select(x => x.Outcome)),
        }).ToList();
        return new CoverageMatrix(Manual, rows, UnknownReferences, true);
    }

    /// <summary>Numbered steps no scenario covers, optionally only in the given chapters ("2", "3", …).</summary>
    public IReadOnlyList<ManualStep> UncoveredSteps(IEnumerable<string>? chapters = null)
    {
        var wanted = chapters?.ToHashSet(StringComparer.Ordinal);
        return Rows
            .Where(r => !r.IsCovered && (wanted is null || wanted.Contains(r.Step.Chapter)))
            .Select(r => r.Step)
            .ToList();
    }

    private static IEnumerable<ScenarioSpec> FromRun(RunRecord? run) =>
        run?.Scenarios.Select(s => new ScenarioSpec
        {
            FeatureFile = s.FeatureFile,
            Feature = s.Feature,
            Rule = s.Rule,
            Name = s.Scenario,
            Line = 0,
            Tags = s.Tags,
            Steps = [],
        }) ?? [];
}
