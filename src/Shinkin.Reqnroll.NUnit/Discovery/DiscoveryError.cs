namespace Shinkin.Reqnroll.NUnit.Discovery;

/// <summary>A feature file (or feature root) that could not be turned into scenarios.</summary>
public sealed class DiscoveryError
{
    internal DiscoveryError(string relativePath, string fullPath, int? line, int? column, string message)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        Line = line;
        Column = column;
        Message = message;
    }

    public string RelativePath { get; }

    public string FullPath { get; }

    public int? Line { get; }

    public int? Column { get; }

    public string Message { get; }

    /// <summary>Compiler-style location, so editors and CI logs can jump to the line.</summary>
    public override string ToString() =>
        Line is { } line
            ? $"{FullPath}({line},{Column ?? 1}): {Message}"
            : $"{FullPath}: {Message}";
}
