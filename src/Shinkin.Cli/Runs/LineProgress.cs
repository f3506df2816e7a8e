namespace Shinkin.Cli.Runs;

/// <summary>
/// A long job's progress lines, written when reported, in order, before the job returns. <see cref="Progress{T}"/>
/// posts each line to the thread pool instead: lines came out after the ones that follow them, or after the caller
/// had closed the writer (a test host crashed on that).
/// </summary>
internal sealed class LineProgress(TextWriter output) : IProgress<string>
{
    private readonly Lock gate = new();

    public void Report(string value)
    {
        lock (gate)
        {
            output.WriteLine(value);
        }
    }
}
