using System.CommandLine;
using Shinkin.Cli.Runs;
using Shinkin.Publishing;

namespace Shinkin.Cli.Commands;

/// <summary>`publish-checker`: shinkin-check.exe, the environment checker a help desk hands out (win-x64, one self-contained file).</summary>
public static class PublishCheckerCommand
{
    private static readonly Option<string?> Out = new("--out") { Description = "出力先フォルダ / output folder (default artifacts/shinkin-check)", HelpName = "DIR" };

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("publish-checker", "お客様に配布する shinkin-check.exe を作ります / Build shinkin-check.exe (win-x64, one self-contained file) for a help desk to hand out.") { Out };
        command.SetAction((result, cancellationToken) =>
        {
            var repository = RepositoryLayout.Require();
            return PublishChecker.RunAsync(repository.Root, result.GetValue(Out) ?? Path.Combine(repository.Root, "artifacts", "shinkin-check"), stdout, stderr, cancellationToken);
        });
        return command;
    }
}
