using System.Globalization;
using System.Text;

namespace Shinkin.Reports.Excel;

/// <summary>
/// Hands out worksheet names Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>, not
/// starting or ending with an apostrophe, not "History", and unique ignoring case even when two
/// long scenario names only differ after the cut.
/// </summary>
public sealed class SheetNames
{
    public const int MaxLength = 31;
    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase) { "History" };

    public string Reserve(string wanted)
    {
        var baseName = Sanitize(wanted);
        var name = baseName;
        for (var n = 2; !_taken.Add(name); n++)
        {
            var suffix = string.Create(CultureInfo.InvariantCulture, $"~{n}");
            name = Cut(baseName, MaxLength - suffix.Length).TrimEnd('\'', ' ') + suffix;
        }

        return name;
    }

    public static string Sanitize(string wanted)
    {
        var builder = new StringBuilder(wanted.Length);
        foreach (var c in wanted)
        {
            builder.Append(Array.IndexOf(Forbidden, c) >= 0 || char.IsControl(c) ? '_' : c);
        }

        var name = Cut(builder.ToString().Trim().Trim('\''), MaxLength).Trim().TrimEnd('\'');
        return name.Length == 0 ? "Sheet" : name;
    }

    /// <summary>Reference to cell A1 of a sheet, quoted for use in an internal hyperlink or formula.</summary>
    public static string Anchor(string sheetName, string cell = "A1") =>
        $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!{cell}";

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        // Never split a surrogate pair: Excel rejects the half character.
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }
}
