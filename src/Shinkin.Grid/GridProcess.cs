using System.Diagnostics;

namespace Shinkin.Grid;

/// <summary>One JVM of the Grid (hub or node): its output appended to a log file, its whole process tree killed on dispose.</summary>
internal sealed class GridProcess : IAsyncDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Lock gate = new();
    private bool closed;

    private GridProcess(Process process, StreamWriter log, string logFile)
    {
        this.process = process;
        this.log = log;
        LogFile = logFile;
    }

    public string LogFile { get; }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static GridProcess Start(string program, IReadOnlyList<string> arguments, string logFile, IReadOnlyDictionary<string, string>? environment)
    {
        var start = Tools.Redirected(program, arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { AutoFlush = true };
        log.WriteLine($"$ {program} {string.Join(' ', arguments)}");
        Process process;
        try
        {
            process = Tools.Start(start);
        }
        catch
        {
            log.Dispose();
            throw;
        }

        var started = new GridProcess(process, log, logFile);
        process.OutputDataReceived += (_, e) => started.Write(e.Data);
        process.ErrorDataReceived += (_, e) => started.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Completes when the process ends.</summary>
    public Task ExitedAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    /// <summary>Whether the log holds <paramref name="text"/> (how a failed start is told apart: a port taken, say).</summary>
    public bool LogSays(string text) => Tools.Tail(LogFile, 200).Any(line => line.Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        using (var wait = new CancellationTokenSource(ExitWait))
        {
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // A process that outlives SIGKILL for 30 s is beyond our reach; the log says what it was.
            }
        }

        lock (gate)
        {
            closed = true;
            log.Dispose();
        }

        process.Dispose();
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            if (!closed)
            {
                log.WriteLine(line);
            }
        }
    }
}
