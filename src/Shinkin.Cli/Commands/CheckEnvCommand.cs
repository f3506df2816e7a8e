using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Shinkin.EnvironmentCheck.Command;
using Shinkin.Reports.EnvCheck;

namespace Shinkin.Cli.Commands;

/// <summary>
/// <c>check-env</c>: the Internet Options check of manual chapter 1. All logic — its options too, which the
/// stand-alone checker shares — lives in Shinkin.EnvironmentCheck; the arguments are handed over as given.
/// The <c>--xlsx</c> workbook comes from Reports so it looks like the other reports.
/// </summary>
public static class CheckEnvCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("check-env", "インターネットオプションをマニュアルと安全基準で判定します / Check a PC's Internet Options against the manual and a secure profile.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };

        // The checker's own usage (shared with the stand-alone checker) is the help of this verb.
        command.Options.Add(new HelpOption { Action = new UsageAction(stdout) });
        command.SetAction((result, cancellationToken) =>
            CheckEnvRunner.RunAsync([.. result.UnmatchedTokens], stdout, stderr, Console.In, EnvironmentWorkbookWriter.WriteAsync, cancellationToken));
        return command;
    }

    private sealed class UsageAction(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(CheckEnvOptions.Usage);
            return 0;
        }
    }
}
