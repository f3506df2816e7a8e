namespace Shinkin.Grid;

/// <summary>
/// The Grid cannot start here: Java, npm, the jar, a browser or a port is missing. The message says what and how to
/// install it, in one line, so the command line can print it and exit 2.
/// </summary>
public sealed class GridSetupException : Exception
{
    public GridSetupException(string message)
        : base(message)
    {
    }

    public GridSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GridSetupException()
    {
    }
}
