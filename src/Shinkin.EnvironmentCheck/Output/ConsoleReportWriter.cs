using System.Globalization;
using System.Text;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Settings;

namespace Shinkin.EnvironmentCheck.Output;

/// <summary>
/// The console report in Japanese: the table of <c>check-env</c> (<see cref="Write"/>), followed by what to fix and why the
/// profiles differ, or one block per control for <c>shinkin-check.exe</c> (<see cref="WriteByControl"/>).
/// </summary>
public static class ConsoleReportWriter
{
    private static readonly string[] Headers = ["管理ID", "項目", "実際の値", "取得元", "マニュアル", "安全"];

    public static string Write(CheckReport report, CheckProfile selected)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        AppendHeader(text, report);
        var rows = report.Controls.Select(c => new[]
        {
            c.Id, c.Title, c.ActualText, Abbreviate(c.SourceText ?? "未設定"), c.Manual.Verdict.Mark(), c.Secure.Verdict.Mark(),
        }).ToList();
        AppendTable(text, rows);
        text.AppendLine();
        AppendOverall(text, report, selected);
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

            lines.AddRange(OverriddenLines(control, "  "));
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

    /// <summary>
    /// One block per control for a narrow console (shinkin-check.exe): its verdict under <paramref name="selected"/>,
    /// the actual value and where it came from, what the manual asks and what is secure today with both verdicts,
    /// and the fix when the selected profile fails (the reasons, which restate expected and actual, are left to the workbook).
    /// </summary>
    public static string WriteByControl(CheckReport report, CheckProfile selected)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        AppendHeader(text, report);
        var labelWidth = VerdictNames.Profiles.Max(p => DisplayWidth(p.JapaneseName()));
        foreach (var control in report.Controls)
        {
            text.AppendLine($"[{control.For(selected).Verdict.Mark()}] {control.Id} {control.Title}");
            text.AppendLine($"     実際の値: {control.ActualText} ({Abbreviate(control.SourceText ?? "未設定")})");
            foreach (var profile in VerdictNames.Profiles)
            {
                var result = control.For(profile);
                var padding = new string(' ', labelWidth - DisplayWidth(profile.JapaneseName()));
                text.AppendLine($"     {profile.JapaneseName()}:{padding} {result.Verdict.Mark()}  期待値 {result.Expected}");
            }

            if (control.For(selected).Fix is { } fix)
            {
                text.AppendLine($"     修正方法: {fix}");
            }

            if (control.Disagreement is { } disagreement)
            {
                text.AppendLine($"     説明: {disagreement}");
            }

            foreach (var line in OverriddenLines(control, "     "))
            {
                text.AppendLine(line);
            }

            text.AppendLine();
        }

        AppendOverall(text, report, selected);
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

    private static void AppendHeader(StringBuilder text, CheckReport report)
    {
        text.AppendLine("インターネットオプション 環境チェック (マニュアル 1 事前準備)");
        text.AppendLine($"OS: {report.Os.Name} ({report.Os.Origin})");
        text.AppendLine($"入力: {(report.Inputs.Count == 0 ? "(なし)" : string.Join(", ", report.Inputs))}");
        if (report.SecurityHklmOnly)
        {
            text.AppendLine("Security_HKLM_only=1: ゾーンの設定はコンピューター全体 (HKLM) の値だけが有効です (画面にはユーザーの設定が表示されます)。");
        }

        text.AppendLine();
    }

    private static void AppendOverall(StringBuilder text, CheckReport report, CheckProfile selected)
    {
        foreach (var profile in VerdictNames.Profiles)
        {
            var overall = report.Overall(profile);
            var marker = profile == selected ? " ← 選択中のプロファイル" : string.Empty;
            text.AppendLine(CultureInfo.InvariantCulture, $"総合判定 ({profile.JapaneseName()}): {(overall == Verdict.Pass ? "合格" : "不合格")} [{overall.Mark()}]{marker}");
        }
    }

    private static IEnumerable<string> OverriddenLines(ControlResult control, string indent) =>
        control.Overridden.Select(o => $"{indent}上書きされた値: {o.Source.Location} = {o.Source.Value.Display()} ({o.Reason})");

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
