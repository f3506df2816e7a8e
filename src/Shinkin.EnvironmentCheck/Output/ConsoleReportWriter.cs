using System.Globalization;
using System.Text;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Settings;

namespace Shinkin.EnvironmentCheck.Output;

/// <summary>The console table with Japanese labels, followed by what to fix and why the profiles differ.</summary>
public static class ConsoleReportWriter
{
    private static readonly string[] Headers = ["管理ID", "項目", "実際の値", "取得元", "マニュアル", "安全"];

    public static string Write(CheckReport report, CheckProfile selected)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine("インターネットオプション 環境チェック (マニュアル 1 事前準備)");
        text.AppendLine($"OS: {report.Os.Name} ({report.Os.Origin})");
        text.AppendLine($"入力: {(report.Inputs.Count == 0 ? "(なし)" : string.Join(", ", report.Inputs))}");
        if (report.SecurityHklmOnly)
        {
            text.AppendLine("Security_HKLM_only=1: ゾーンの設定はコンピューター全体 (HKLM) の値だけが有効です (画面にはユーザーの設定が表示されます)。");
        }

        text.AppendLine();
        var rows = report.Controls.Select(c => new[]
        {
            c.Id, c.Title, c.ActualText, Abbreviate(c.SourceText ?? "未設定"), c.Manual.Verdict.Mark(), c.Secure.Verdict.Mark(),
        }).ToList();
        AppendTable(text, rows);
        text.AppendLine();
        foreach (var profile in VerdictNames.Profiles)
        {
            var overall = report.Overall(profile);
            var marker = profile == selected ? " ← 選択中のプロファイル" : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"総合判定 ({profile.JapaneseName()}): {(overall == Verdict.Pass ? "合格" : "不合格")} [{overall.Mark()}]{marker}");
        }

        foreach (var control in report.Controls)
        {
            var lines = new List<string>();
            if (control.Manual.Verdict == Verdict.Fail && control.Secure.Verdict == Verdict.Fail && control.Manual.Fix == control.Secure.Fix)
            {
                lines.Add($"  [マニュアル・安全] NG: {control.Manual.Reason}");
                lines.Add($"    修正方法: {control.Manual.Fix}");
            }
            else
            {
                foreach (var profile in VerdictNames.Profiles)
                {
                    var result = control.For(profile);
                    if (result.Verdict == Verdict.Fail)
                    {
                        lines.Add($"  [{profile.JapaneseName()}] NG: {result.Reason}");
                        lines.Add($"    修正方法: {result.Fix}");
                    }
                }
            }

            if (control.Disagreement is { } disagreement)
            {
                lines.Add($"  説明: {disagreement}");
            }

            lines.AddRange(control.Overridden.Select(o => $"  上書きされた値: {o.Source.Location} = {o.Source.Value.Display()} ({o.Reason})"));
            if (lines.Count > 0)
            {
                text.AppendLine();
                text.AppendLine($"{control.Id} {control.Title}");
                foreach (var line in lines)
                {
                    text.AppendLine(line);
                }
            }
        }

        text.AppendLine();
        text.AppendLine(CheckReport.RestartAdvice);
        return text.ToString();
    }

    /// <summary>Shortens the long Internet Settings paths so the table fits a console.</summary>
    public static string Abbreviate(string location) => location
        .Replace(InternetSettingsPaths.Policy, @"Policies\…\Internet Settings", StringComparison.OrdinalIgnoreCase)
        .Replace(InternetSettingsPaths.Preference, @"…\Internet Settings", StringComparison.OrdinalIgnoreCase);

    /// <summary>Columns in a monospace console, where full-width (Japanese) characters take two cells.</summary>
    public static int DisplayWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static void AppendTable(StringBuilder text, List<string[]> rows)
    {
        var widths = Headers.Select((h, i) => Math.Max(DisplayWidth(h), rows.Max(r => DisplayWidth(r[i])))).ToArray();
        AppendRow(text, Headers, widths);
        text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            AppendRow(text, row, widths);
        }
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        var padded = cells.Select((c, i) => c + new string(' ', widths[i] - DisplayWidth(c)));
        text.AppendLine(string.Join(" | ", padded).TrimEnd());
    }

    private static bool IsWide(int codePoint) =>
        codePoint is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF)
            or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);
}
