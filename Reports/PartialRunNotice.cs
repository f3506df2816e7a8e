using System.Net;
using System.Text;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Reports;

/// <summary>
/// What every report of an interrupted run (<see cref="RunInfo.Interruption"/>) says about being partial: the banner of the
/// workbook's サマリー sheet, and the same words put at the top of Reqnroll's HTML report, which knows nothing of it.
/// </summary>
public static class PartialRunNotice
{
    /// <summary>The id of the notice in the HTML report (so marking it twice adds nothing).</summary>
    public const string HtmlId = "shinkin-partial-report";

    /// <summary>The notice for <paramref name="run"/>, or null when it ran to its end.</summary>
    public static string? Text(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Info.Interruption is not { } reason)
        {
            return null;
        }

        var finished = run.Info.PlannedScenarios is { } planned
            ? $"予定 {planned} シナリオのうち完了した {run.Scenarios.Count} シナリオ"
            : $"完了した {run.Scenarios.Count} シナリオ";
        return $"【部分的な報告】実行が中断されたため（{reason}）、中断までに{finished}だけを報告しています。";
    }

    /// <summary>Puts <paramref name="text"/> at the top of the HTML report's body; false when the file has no body or already has it.</summary>
    public static async Task<bool> MarkHtmlAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        var html = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken);
        var body = html.IndexOf("<body>", StringComparison.OrdinalIgnoreCase);
        if (body < 0 || html.Contains(HtmlId, StringComparison.Ordinal))
        {
            return false;
        }

        var notice = $"\n<div id=\"{HtmlId}\" role=\"alert\" style=\"background:#FFC7CE;color:#9C0006;font-weight:bold;padding:12px 16px;font-size:16px\">{WebUtility.HtmlEncode(text)}</div>";
        var marked = html.Insert(body + "<body>".Length, notice).Replace("<title>", "<title>【部分的な報告】", StringComparison.OrdinalIgnoreCase);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, marked, new UTF8Encoding(false), cancellationToken);
        File.Move(temp, path, overwrite: true);
        return true;
    }
}
