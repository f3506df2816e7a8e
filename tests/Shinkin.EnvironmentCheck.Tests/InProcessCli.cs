using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Command;

namespace Shinkin.EnvironmentCheck.Tests;

/// <summary>Runs <c>check-env</c> the way the CLI does (<see cref="CheckEnvRunner"/>), in-process, capturing its output.</summary>
internal static class InProcessCli
{
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IReadOnlyList<string> args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new StringReader(string.Empty);
        var code = await CheckEnvRunner.RunAsync(args, stdout, stderr, stdin, NoWorkbook, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static Task NoWorkbook(CheckReport report, CheckProfile selected, string path, CancellationToken cancellationToken) =>
        throw new AssertionException("--xlsx was not given, so no workbook should be written");
}
