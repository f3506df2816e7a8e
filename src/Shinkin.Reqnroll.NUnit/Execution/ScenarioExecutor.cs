using System.Collections.Specialized;
using System.Globalization;
using System.Runtime.ExceptionServices;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using Reqnroll;
using Reqnroll.Infrastructure;
using Shinkin.FeatureFiles;

namespace Shinkin.Reqnroll.NUnit.Execution;

/// <summary>
/// The body of a generated Reqnroll test method: scenario start, steps, error collection, scenario end — and, when the
/// run retries failed scenarios, the same again on the same runner (feature hooks stay once per feature), each attempt
/// in a fresh scenario container with its own <see cref="ScenarioAttempt"/>.
/// </summary>
internal static class ScenarioExecutor
{
    public static async Task RunAsync(ITestRunner runner, ScenarioCase scenario, int retries)
    {
        if (DryRun.IsRequested)
        {
            DryRun.Check(runner, scenario);
            return;
        }

        if (runner.FeatureContext is { BeforeFeatureHookFailed: true } featureContext)
        {
            throw new ScenarioFailedException(
                $"Scenario skipped: the [BeforeFeature] hook of '{scenario.Feature.Title}' failed.",
                featureContext.BeforeFeatureHookError);
        }

        for (var number = 1; ; number++)
        {
            var attempt = new ScenarioAttempt(number, retries + 1);
            var failure = await RunAttemptAsync(runner, scenario, attempt);
            if (failure is null)
            {
                if (attempt.IsRetry)
                {
                    await TestContext.Out.WriteLineAsync($"再実行で合格: {number} 回目で合格 (passed on attempt {number} of {attempt.MaxAttempts})");
                }

                return;
            }

            if (!attempt.WillBeRetried)
            {
                if (attempt.IsRetry)
                {
                    await TestContext.Out.WriteLineAsync($"{number} 回実行し、いずれも不合格 (failed on every one of {number} attempts)");
                }

                failure.Throw();
            }

            await TestContext.Out.WriteLineAsync($"{number} 回目: 不合格、再実行します (attempt {number} failed, retrying): {FirstLine(failure.SourceException.Message)}");

            // What NUnit recorded of the failed attempt (assertions inside Assert.Multiple, warnings) must not fail a later pass.
            TestExecutionContext.CurrentContext.CurrentResult.AssertionResults.Clear();
        }
    }

    /// <summary>
    /// Only a scenario that failed by throwing (a step, a hook) is run again. Undefined, ambiguous (a binding error) and
    /// pending steps would fail the same way every time; a scenario declared not applicable (skipped) did not fail; and a
    /// run asked to stop starts nothing new.
    /// </summary>
    internal static bool IsRetried(ScenarioExecutionStatus status, Exception failure) =>
        status == ScenarioExecutionStatus.TestError
        && failure is not ResultStateException { ResultState.Status: not TestStatus.Failed }
        && StopRequest.Reason is null;

    private static async Task<ExceptionDispatchInfo?> RunAttemptAsync(ITestRunner runner, ScenarioCase scenario, ScenarioAttempt attempt)
    {
        runner.OnScenarioInitialize(
            new ScenarioInfo(
                scenario.Title,
                scenario.Description,
                scenario.Tags.ToArray(),
                ArgumentsOf(scenario),
                scenario.InheritedTags.ToArray(),
                scenario.PickleIndex.ToString(CultureInfo.InvariantCulture)),
            scenario.Rule is { } rule ? new RuleInfo(rule.Title, rule.Description, rule.Tags.ToArray()) : null);

        // Hooks and steps take the case itself (feature file, example number, tags) by context injection
        // instead of parsing it back out of the NUnit test name, and the attempt beside it.
        runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(scenario);
        runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(attempt);

        ExceptionDispatchInfo? failure = null;
        try
        {
            failure = await RunStepsAsync(runner, scenario);
            if (failure is not null
                && attempt.Number < attempt.MaxAttempts
                && IsRetried(runner.ScenarioContext.ScenarioExecutionStatus, failure.SourceException))
            {
                // Before the end hooks: the evidence hooks keep this attempt as an earlier one.
                attempt.RetryAfterThis();
            }
        }
        finally
        {
            try
            {
                await runner.OnScenarioEndAsync();
            }
            catch (Exception afterScenario) when (failure is not null)
            {
                // The scenario's own failure is the one to report; keep the hook error visible in the output.
                await TestContext.Error.WriteLineAsync($"[AfterScenario] also failed: {afterScenario}");
            }
        }

        return failure;
    }

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split("\n", 2)[0];

    private static async Task<ExceptionDispatchInfo?> RunStepsAsync(ITestRunner runner, ScenarioCase scenario)
    {
        string? failedAt = null;
        await runner.OnScenarioStartAsync();
        if (runner.ScenarioContext.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
        {
            failedAt = "[BeforeScenario] hook";
        }

        foreach (var step in scenario.Steps)
        {
            try
            {
                await ExecuteStepAsync(runner, step);
            }
            catch (Exception e)
            {
                return Capture(Translate(e, runner, scenario, failedAt ?? Describe(step, scenario)));
            }

            if (failedAt is null && runner.ScenarioContext.ScenarioExecutionStatus != ScenarioExecutionStatus.OK)
            {
                failedAt = Describe(step, scenario);
            }
        }

        try
        {
            await runner.CollectScenarioErrorsAsync();
            return null;
        }
        catch (Exception e)
        {
            return Capture(Translate(e, runner, scenario, failedAt ?? "[AfterScenarioBlock] hook"));
        }
    }

    private static Task ExecuteStepAsync(ITestRunner runner, ScenarioStep step)
    {
        var table = ToTable(step.Table);
        return step.Kind switch
        {
            StepKind.Given => runner.GivenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.When => runner.WhenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.Then => runner.ThenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.But => runner.ButAsync(step.Text, step.DocString, table, step.Keyword),
            _ => runner.AndAsync(step.Text, step.DocString, table, step.Keyword),
        };
    }

    private static DataTable? ToTable(IReadOnlyList<IReadOnlyList<string>>? rows)
    {
        if (rows is not { Count: > 0 })
        {
            return null;
        }

        var table = new DataTable(rows[0].ToArray());
        foreach (var row in rows.Skip(1))
        {
            table.AddRow(row.ToArray());
        }

        return table;
    }

    private static Exception Translate(Exception error, ITestRunner runner, ScenarioCase scenario, string failedAt)
    {
        // Undefined steps fail whatever missingOrPendingStepsOutcome says: a spec that cannot run is not "inconclusive".
        if (runner.ScenarioContext?.ScenarioExecutionStatus == ScenarioExecutionStatus.UndefinedStep)
        {
            return new AssertionException(
                $"Undefined step(s) in '{scenario.Name}' ({scenario.Feature.RelativePath}:{scenario.Line}).{Environment.NewLine}{UndefinedStepsMessage(runner, error)}");
        }

        // Pending and ignored scenarios keep NUnit's own outcome (inconclusive / ignored).
        if (error is ResultStateException and not AssertionException)
        {
            return error;
        }

        if (error is AssertionException)
        {
            ForgetRecordedAssertion(error.Message);
        }

        // NUnit appends the inner exception's message and stack trace to the result.
        return new ScenarioFailedException($"Step failed: {failedAt}", error);
    }

    /// <summary>
    /// NUnit 4 records a failed Assert.That on the running test before throwing. The step's failure is reported
    /// once, wrapped with the step that failed, so drop NUnit's own record of the same assertion.
    /// </summary>
    private static void ForgetRecordedAssertion(string message)
    {
        var recorded = TestExecutionContext.CurrentContext.CurrentResult.AssertionResults;
        for (var i = recorded.Count - 1; i >= 0; i--)
        {
            if (recorded[i].Message == message)
            {
                recorded.RemoveAt(i);
            }
        }
    }

    private static string UndefinedStepsMessage(ITestRunner runner, Exception error)
    {
        try
        {
            var factory = runner.TestThreadContext.TestThreadContainer.Resolve<ITestUndefinedMessageFactory>();
            return factory.BuildFromContext(runner.ScenarioContext, runner.FeatureContext);
        }
        catch (ReqnrollException)
        {
            return error.Message;
        }
    }

    /// <summary>Examples header → value in column order, as generated code passes them (a repeated header keeps its first value).</summary>
    private static OrderedDictionary ArgumentsOf(ScenarioCase scenario)
    {
        var dictionary = new OrderedDictionary();
        foreach (var (header, value) in scenario.Arguments)
        {
            if (!dictionary.Contains(header))
            {
                dictionary.Add(header, value);
            }
        }

        return dictionary;
    }

    private static string Describe(ScenarioStep step, ScenarioCase scenario) =>
        $"{step} ({scenario.Feature.RelativePath}:{step.Line})";

    private static ExceptionDispatchInfo Capture(Exception e) => ExceptionDispatchInfo.Capture(e);
}

/// <summary>A scenario failed; the message names the step, the inner exception is what the step threw.</summary>
public sealed class ScenarioFailedException : Exception
{
    public ScenarioFailedException()
    {
    }

    public ScenarioFailedException(string message)
        : base(message)
    {
    }

    public ScenarioFailedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
