using System.Globalization;
using System.Text;

namespace Shinkin.Reports.Excel;

/// <summary>
/// Display width of text in Excel column units. Full-width (East Asian wide) characters take two
/// units, so Japanese columns are not cut off; AdjustToContents is avoided because it measures
/// with GDI+ fonts per cell, which is slow and depends on the fonts installed on the render host.
/// </summary>
public static class TextWidth
{
    public static int Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var widest = 0;
        foreach (var line in text.Split('\n'))
        {
            widest = Math.Max(widest, OfLine(line));
        }

        return widest;
    }

    /// <summary>Number of printed lines once the text wraps at <paramref name="columnWidth"/> units.</summary>
    public static int WrappedLines(string? text, double columnWidth)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }

        var usable = Math.Max(1, columnWidth - 1);
        var lines = 0;
        foreach (var line in text.Split('\n'))
        {
            lines += Math.Max(1, (int)Math.Ceiling(OfLine(line) / usable));
        }

        return lines;
    }

    public static bool IsWide(Rune rune)
    {
        var v = rune.Value;
        return v is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0x303E
            or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xA000 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F
            or >= 0x20000 and <= 0x3FFFD;
    }

    private static int OfLine(string line)
    {
        var width = 0;
        foreach (var rune in line.TrimEnd('\r').EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }

            width += IsWide(rune) ? 2 : 1;
        }

        return width;
    }
}
