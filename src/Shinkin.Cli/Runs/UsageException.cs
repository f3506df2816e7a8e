namespace Shinkin.Cli.Runs;

/// <summary>Bad input or a setup problem: the verb prints the message and exits 2 before anything runs.</summary>
public sealed class UsageException(string message) : Exception(message);
