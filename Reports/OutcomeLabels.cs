using Shinkin.Reports.RunRecords;

namespace Shinkin.Reports;

/// <summary>How outcomes are written in every report (the QA team's vocabulary).</summary>
public static class OutcomeLabels
{
    public const string Ok = "OK";
    public const string PassedOnRetry = "再実行で合格";
    public const string Ng = "NG";
    public const string Pending = "保留";
    public const string NotApplicable = "対象外";
    public const string Uncovered = "未網羅";
    public const string NotRun = "未実行";

    /// <summary>The order reports list outcomes in: OK, 再実行で合格, NG, 保留, 対象外.</summary>
    public static IReadOnlyList<Outcome> ReportOrder { get; } = [Outcome.Passed, Outcome.PassedOnRetry, Outcome.Failed, Outcome.Pending, Outcome.Skipped];

    /// <summary>Counts as passed (pass rates, exit code): OK and 再実行で合格.</summary>
    public static bool IsPass(Outcome outcome) => outcome is Outcome.Passed or Outcome.PassedOnRetry;

    public static string Label(Outcome outcome) => outcome switch
    {
        Outcome.Passed => Ok,
        Outcome.PassedOnRetry => PassedOnRetry,
        Outcome.Failed => Ng,
        Outcome.Pending => Pending,
        Outcome.Skipped => NotApplicable,
        _ => outcome.ToString(),
    };

    /// <summary>Worst outcome first: one failure makes a group NG, one retried pass 再実行で合格; skipped only counts when nothing ran.</summary>
    public static Outcome? Combine(IEnumerable<Outcome> outcomes)
    {
        Outcome? result = null;
        foreach (var outcome in outcomes)
        {
            result = result is null || Severity(outcome) > Severity(result.Value) ? outcome : result;
        }

        return result;
    }

    private static int Severity(Outcome outcome) => outcome switch
    {
        Outcome.Failed => 4,
        Outcome.Pending => 3,
        Outcome.PassedOnRetry => 2,
        Outcome.Passed => 1,
        _ => 0,
    };
}
