using System.Text;
using System.Text.RegularExpressions;

namespace Shinkin.Reports;

/// <summary>
/// Makes driver messages printable: Playwright colours its errors with ANSI escapes, and XML 1.0
/// (xlsx, JUnit) rejects most control characters, so both go before text reaches a report.
/// </summary>
public static partial class TextCleaner
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var stripped = AnsiEscape().Replace(text, "");
        var builder = new StringBuilder(stripped.Length);
        for (var i = 0; i < stripped.Length; i++)
        {
            var c = stripped[i];
            if (char.IsHighSurrogate(c) && i + 1 < stripped.Length && char.IsLowSurrogate(stripped[i + 1]))
            {
                builder.Append(c).Append(stripped[++i]);
            }
            else if (c is '\n' or '\t' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !char.IsSurrogate(c)))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>First line of a message, cut to <paramref name="max"/> characters, for summaries.</summary>
    public static string FirstLine(string? text, int max = 200)
    {
        var clean = Clean(text).Trim();
        var newline = clean.IndexOf('\n', StringComparison.Ordinal);
        var line = (newline >= 0 ? clean[..newline] : clean).Trim();
        return line.Length > max ? line[..(max - 1)] + "…" : line;
    }

    /// <summary>At most <paramref name="maxLines"/> lines and <paramref name="maxChars"/> characters (Excel cells hold 32,767).</summary>
    public static string Limit(string? text, int maxLines, int maxChars = 8000)
    {
        var lines = Clean(text).Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var kept = string.Join('\n', lines.Take(maxLines));
        if (lines.Length > maxLines)
        {
            kept += $"\n… ({lines.Length - maxLines} 行省略)";
        }

        return kept.Length > maxChars ? kept[..maxChars] + "…" : kept;
    }

    [GeneratedRegex(@"\x1B\[[0-?]*[ -/]*[@-~]")]
    private static partial Regex AnsiEscape();
}
