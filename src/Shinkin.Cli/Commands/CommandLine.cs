using System.Runtime.InteropServices;

namespace Shinkin.Cli.Commands;

/// <summary>The verbs behind ./harness that need .NET: serve, check-env, spec, report and small helpers.</summary>
public static class CommandLine
{
    public static async Task<int> DispatchAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0)
        {
            stderr.WriteLine("usage: shinkin <serve|check-env|check-profile|spec|report|summarize|tags-to-filter> [options]");
            return 2;
        }

        using var cts = new CancellationTokenSource();
        // SIGINT (Ctrl+C), SIGTERM (kill, systemd, docker stop) and SIGQUIT end the verb through its token, so
        // `serve` stops the server and checkpoints its database instead of dying (or, for SIGTERM, hanging).
        var signals = new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }
            .Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                cts.Cancel();
            }))
            .ToList();

        var rest = args.Skip(1).ToList();
        try
        {
            return args[0] switch
            {
                "serve" => await ServeCommand.RunAsync(rest, stdout, stderr, cts.Token),
                "check-env" => await CheckEnvCommand.RunAsync(rest, stdout, stderr, cts.Token),
                "report" => await ReportCommand.RunAsync(rest, stdout, stderr, cts.Token),
                "spec" => await SpecCommand.RunAsync(rest, stdout, stderr, cts.Token),
                "summarize" => SummarizeCommand.Run(rest, stdout, stderr),
                "tags-to-filter" => TagsToFilter(rest, stdout, stderr),
                "check-profile" => CheckProfileCommand.Run(rest, stdout, stderr),
                _ => Unknown(args[0], stderr),
            };
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("cancelled");
            return 2;
        }
        finally
        {
            signals.ForEach(registration => registration.Dispose());
        }
    }

    private static int TagsToFilter(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            stdout.WriteLine(TagFilter.ToTestFilter(string.Join(' ', args)));
            return 0;
        }
        catch (FormatException ex)
        {
            stderr.WriteLine($"tags: {ex.Message}");
            return 2;
        }
    }

    private static int Unknown(string verb, TextWriter stderr)
    {
        stderr.WriteLine($"unknown verb: {verb}");
        return 2;
    }
}
