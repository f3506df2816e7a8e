using Shinkin.Reports.Accessibility;
using Shinkin.Reports.RunRecords;
using Shinkin.Settings;

namespace Shinkin.Cli.Runs;

/// <summary>
/// The run's accessibility result, judged from its run folder once the reports are written: one line always; in
/// enforce mode every serious or critical violation named and exit 1, so the workbook and junit.xml already say why.
/// </summary>
public static class AccessibilityVerdict
{
    /// <summary>0, or 1 when <paramref name="mode"/> is enforce and a scanned screen has a serious or critical violation.</summary>
    public static async Task<int> JudgeAsync(string runFolder, A11yMode mode, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (mode == A11yMode.Off)
        {
            return 0;
        }

        var run = await RunRecordStore.LoadAsync(runFolder, cancellationToken);
        var summary = AccessibilitySummary.Of(run.Accessibility);
        stdout.WriteLine($"アクセシビリティ: {summary.Line()}");
        if (summary.Blocking.Count == 0)
        {
            return 0;
        }

        var writer = mode == A11yMode.Enforce ? stderr : stdout;
        writer.WriteLine(mode == A11yMode.Enforce
            ? $"harness: 深刻・致命的なアクセシビリティ違反 {summary.Blocking.Count} 件のため不合格です (--a11y enforce); the アクセシビリティ sheet lists each element and how to fix it:"
            : $"深刻・致命的なアクセシビリティ違反 {summary.Blocking.Count} 件 (--a11y report: reported, the run's result does not depend on it):");
        foreach (var (screen, violation) in summary.Blocking)
        {
            writer.WriteLine("  " + AccessibilitySummary.Describe(screen, violation));
        }

        return mode == A11yMode.Enforce ? 1 : 0;
    }
}
