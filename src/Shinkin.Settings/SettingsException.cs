namespace Shinkin.Settings;

/// <summary>A setting that cannot be used, with a message naming where it came from (option, variable or file).</summary>
public sealed class SettingsException : Exception
{
    public SettingsException(string message)
        : base(message)
    {
    }

    public SettingsException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
