using NUnit.Framework;
using Reqnroll;
using Reqnroll.Bindings;
using Shinkin.FeatureFiles;
using Shinkin.Settings;

namespace Shinkin.Reqnroll.NUnit.Execution;

/// <summary>
/// `--dry-run` (<see cref="RunSettings.DryRun"/>): every step is matched against the step definitions without running
/// anything (no hooks, no browser). A step with no binding, or with several, fails the test.
/// </summary>
internal static class DryRun
{
    public static bool IsRequested => TestHostSettings.Current.DryRun;

    public static void Check(ITestRunner runner, ScenarioCase scenario)
    {
        var registry = runner.TestThreadContext.TestThreadContainer.Resolve<IBindingRegistry>();
        var problems = new List<string>();
        var current = StepDefinitionType.Given;
        foreach (var step in scenario.Steps)
        {
            current = step.Kind switch
            {
                StepKind.Given => StepDefinitionType.Given,
                StepKind.When => StepDefinitionType.When,
                StepKind.Then => StepDefinitionType.Then,
                _ => current,
            };
            var matches = registry.GetConsideredStepDefinitions(current, step.Text)
                .Where(b => b.IsValid && b.Regex is { } regex && regex.IsMatch(step.Text))
                .ToList();
            if (matches.Count == 0)
            {
                problems.Add($"undefined: {step} ({scenario.Feature.RelativePath}:{step.Line})");
            }
            else if (matches.Count > 1 && matches.Count(m => !m.IsScoped) > 1)
            {
                problems.Add($"ambiguous: {step} ({scenario.Feature.RelativePath}:{step.Line}) matches {string.Join(", ", matches.Select(m => m.Method.Name))}");
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"Dry run of '{scenario.Name}':{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        TestContext.Out.WriteLine($"dry run: {scenario.Steps.Count} steps bound");
    }
}
