using System.Globalization;

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

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
