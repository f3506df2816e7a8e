using Shinkin.EnvironmentCheck.Command;
using Shinkin.Reports.EnvCheck;

namespace Shinkin.Cli.Commands;

/// <summary>
/// <c>check-env</c>: the Internet Options check of manual chapter 1. All logic lives in Shinkin.EnvironmentCheck;
/// the <c>--xlsx</c> workbook comes from Reports so it looks like the other reports.
/// </summary>
public static class CheckEnvCommand
{
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        CheckEnvRunner.RunAsync(args, stdout, stderr, Console.In, EnvironmentWorkbookWriter.WriteAsync, ct);
}
