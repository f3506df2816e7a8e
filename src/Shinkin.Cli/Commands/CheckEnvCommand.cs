using Shinkin.EnvironmentCheck.Command;

namespace Shinkin.Cli.Commands;

/// <summary><c>check-env</c>: the Internet Options check of manual chapter 1. All logic lives in Shinkin.EnvironmentCheck.</summary>
public static class CheckEnvCommand
{
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        CheckEnvRunner.RunAsync(args, stdout, stderr, Console.In, ct);
}
