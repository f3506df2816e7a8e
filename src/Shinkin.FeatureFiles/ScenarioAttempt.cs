namespace Shinkin.FeatureFiles;

/// <summary>
/// Which run of a <see cref="ScenarioCase"/> this is, when a run retries failed scenarios. The test bridge registers one
/// per attempt in the scenario container beside the case; before the scenario's end hooks run, it marks an attempt that
/// failed and will be run again (<see cref="WillBeRetried"/>), so the evidence hooks keep that attempt as an earlier one
/// instead of writing it as the scenario's result.
/// </summary>
public sealed class ScenarioAttempt
{
    public ScenarioAttempt(int number, int maxAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, number);
        Number = number;
        MaxAttempts = maxAttempts;
    }

    /// <summary>1 for the first run of the case, 2 for its first retry, …</summary>
    public int Number { get; }

    /// <summary>1 + the run's retries.</summary>
    public int MaxAttempts { get; }

    /// <summary>A run after a failed one: a pass now is 再実行で合格.</summary>
    public bool IsRetry => Number > 1;

    /// <summary>This attempt failed and another one follows; set by the bridge before the scenario's end hooks.</summary>
    public bool WillBeRetried { get; private set; }

    /// <summary>Marks this attempt as one that another follows (only when attempts remain).</summary>
    public void RetryAfterThis()
    {
        if (Number >= MaxAttempts)
        {
            throw new InvalidOperationException($"attempt {Number} of {MaxAttempts} is the last one.");
        }

        WillBeRetried = true;
    }

    public override string ToString() => $"{Number}/{MaxAttempts}";
}
