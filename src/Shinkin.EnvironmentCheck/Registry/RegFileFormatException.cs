using System.Globalization;
using System.Text;

namespace Shinkin.EnvironmentCheck.Registry;

/// <summary>A .reg file that cannot be read: names the file, the 1-based line and what the reader expected there.</summary>
public sealed class RegFileFormatException : FormatException
{
    public RegFileFormatException(string fileName, int lineNumber, string expected, string? found)
        : base(BuildMessage(fileName, lineNumber, expected, found))
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Expected = expected;
        Found = found;
    }

    public RegFileFormatException()
        : this("(unknown)", 0, "a .reg file", null)
    {
    }

    public RegFileFormatException(string message)
        : base(message)
    {
        FileName = "(unknown)";
        Expected = message;
    }

    public RegFileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = "(unknown)";
        Expected = message;
    }

    public string FileName { get; }

    public int LineNumber { get; }

    public string Expected { get; }

    public string? Found { get; }

    private static string BuildMessage(string fileName, int lineNumber, string expected, string? found)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"{fileName}:{lineNumber}");
        return found is null
            ? $"{where}: expected {expected}"
            : $"{where}: expected {expected}, found '{Shorten(found)}'";
    }

    /// <summary>
    /// At most 60 characters of what was found, with control characters (NUL, ESC, ...) and unpaired
    /// surrogates written as <c>\uXXXX</c>: the text comes from the file and is printed to a terminal.
    /// </summary>
    private static string Shorten(string text)
    {
        // Escaped pieces (a character, a surrogate pair or \uXXXX) until there are more than 60 characters.
        var pieces = new List<string>();
        var length = 0;
        for (var i = 0; i < text.Length && length <= 60; i++)
        {
            var c = text[i];
            string piece;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                piece = text.Substring(i++, 2);
            }
            else
            {
                piece = char.IsControl(c) || char.IsSurrogate(c)
                    ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")
                    : c.ToString();
            }

            pieces.Add(piece);
            length += piece.Length;
        }

        if (length <= 60)
        {
            return string.Concat(pieces);
        }

        var shown = new StringBuilder(60);
        foreach (var piece in pieces)
        {
            if (shown.Length + piece.Length > 57)
            {
                break;
            }

            shown.Append(piece);
        }

        return shown.Append("...").ToString();
    }
}
