using System.CommandLine;
using Shinkin.Cli.Runs;
using Shinkin.Settings;

namespace Shinkin.Cli.Commands;

/// <summary>
/// `shinkin`: the one orchestrator behind ./harness and harness.ps1. Options are parsed by System.CommandLine; a
/// usage or setup error prints its message and exits 2 before anything runs; test failures exit 1.
/// </summary>
public static class CommandLine
{
    public const string Summary =
        "しんきん電子記録債権システム 初期設定編の試験ハーネス / Shinkin.Automation test harness. " +
        "Exit codes: 0 ok, 1 test failures or nothing verified (every scenario 対象外), 2 setup or usage error, or a run stopped by Ctrl+C/SIGTERM (its partial report written).";

    /// <summary>Every verb, for help and for the tests that keep the scripts' usage and the docs in step.</summary>
    /// <param name="signals">The stop signals `run` answers (its partial report names the first); none when not given.</param>
    public static RootCommand Build(TextWriter stdout, TextWriter stderr, StopSignals? signals = null)
    {
        var root = new RootCommand(Summary)
        {
            RunCommand.Build(stdout, stderr, signals ?? StopSignals.None()),
            TestCommand.Build(stdout, stderr),
            ServeCommand.Build(stdout, stderr),
            GridCommand.Build(stdout, stderr),
            CheckEnvCommand.Build(stdout, stderr),
            CheckProfileCommand.Build(stdout, stderr),
            SpecCommand.Build(stdout, stderr),
            PublishCheckerCommand.Build(stdout, stderr),
            ReportCommand.Build(stdout, stderr),
            DoctorCommand.Build(stdout, stderr, "doctor", "前提条件とビルドの状態を表示します / What setup would install, and whether the build is current."),
            DoctorCommand.Build(stdout, stderr, "setup", "harness が前提条件を入れてビルドした後の状態を表示します / After ./harness installed and built what was missing: the same report as doctor."),
            SummarizeCommand.Build(stdout, stderr),
        };
        var help = new Command("help", "使い方と環境変数を表示します / This text, the environment overrides and examples.")
        {
            new Argument<string?>("verb") { Description = "詳しく見るコマンド / a verb to show in detail", Arity = ArgumentArity.ZeroOrOne },
        };
        help.SetAction(result =>
        {
            var verb = result.GetValue<string?>("verb");
            var parsed = root.Parse(verb is null ? ["--help"] : [verb, "--help"]);
            parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
            if (verb is null)
            {
                stdout.WriteLine(Epilogue());
            }

            return 0;
        });
        root.Subcommands.Add(help);
        root.SetAction(result =>
        {
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
            stdout.WriteLine(Epilogue());
            return 0;
        });
        return root;
    }

    public static async Task<int> DispatchAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        // SIGINT (Ctrl+C), SIGTERM (kill, systemd, docker stop) and SIGQUIT end the verb through its token: `serve`
        // stops the server and checkpoints its database, `run` starts no further scenario and reports what finished.
        using var signals = StopSignals.Listen();
        var root = Build(stdout, stderr, signals);
        var parsed = root.Parse([.. args], new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"harness: {error.Message}");
            }

            stderr.WriteLine("harness: ./harness help で使い方を表示します / see ./harness help");
            return 2;
        }

        try
        {
            return await parsed.InvokeAsync(
                new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false },
                signals.Requested);
        }
        catch (Exception ex) when (ex is UsageException or SettingsException)
        {
            stderr.WriteLine($"harness: {ex.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("harness: cancelled");
            return 2;
        }
    }

    private static string Epilogue()
    {
        var lines = new List<string>
        {
            "",
            "Environment overrides / 環境変数 (an option on the command line wins):",
        };
        lines.AddRange(SettingsEnvironment.Variables.Select(v => $"  {v.Name,-24} {v.Meaning}"));
        lines.AddRange(
        [
            "",
            "Examples / 例:",
            "  ./harness run --tags master",
            "  ./harness run --target-profile targets/reference.json --tags readonly",
            "  ./harness run --engine selenium --workers 1",
            "  ./harness check-env tests/Shinkin.EnvironmentCheck.Tests/Fixtures/manual-conformant-hkcu.reg --format json",
            "  ./harness report --merge Reports/out/shard1 Reports/out/shard2",
            "  ./harness grid --port 0 --trust .data/server/pki/ca.crt.pem",
        ]);
        return string.Join(Environment.NewLine, lines);
    }
}
