using System.Diagnostics;
using System.Text.RegularExpressions;
using Shinkin.Settings;

namespace Shinkin.Cli.Runs;

/// <summary>
/// One `dotnet` child process (`dotnet test`, `dotnet tool restore`). Its whole output goes to a log file; the console gets only what a person
/// watching needs (each test assembly's closing line and the names of failed tests) — scenarios report themselves
/// through <see cref="ScenarioProgress"/>. Cancelling kills the child's whole process tree.
/// </summary>
/// <remarks>
/// With <c>ownSession</c> the child starts in a session of its own (Linux: util-linux `setsid`), so a Ctrl+C in the
/// terminal reaches only this program, which decides how the child ends (a run's graceful stop) instead of every
/// process of the terminal's foreground group dying at once.
/// </remarks>
public static partial class DotnetProcess
{
    /// <summary>util-linux's setsid: starts a program in a new session (same process, no fork, for a child that leads no group).</summary>
    private const string SetSid = "/usr/bin/setsid";

    /// <summary>Runs `dotnet <paramref name="arguments"/>` and returns its exit code.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> arguments,
        string workingDirectory,
        string logFile,
        IReadOnlyDictionary<string, string> environment,
        TextWriter console,
        CancellationToken cancellationToken,
        bool ownSession = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var separate = ownSession && OperatingSystem.IsLinux() && File.Exists(SetSid);
        var start = new ProcessStartInfo(separate ? SetSid : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (separate)
        {
            start.ArgumentList.Add("dotnet");
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child sees one record (run.json) and no stray overrides from this shell.
        foreach (var name in SettingsEnvironment.Variables.Select(v => v.Name))
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        await using var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        await log.WriteLineAsync("$ dotnet " + string.Join(' ', arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)));
        using var process = Process.Start(start) ?? throw new UsageException("dotnet could not be started");
        var gate = new Lock();
        void Relay(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                log.WriteLine(line);
                if (Shown().IsMatch(line))
                {
                    console.WriteLine(line.TrimEnd());
                }
            }
        }

        process.OutputDataReceived += (_, e) => Relay(e.Data);
        process.ErrorDataReceived += (_, e) => Relay(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        return process.ExitCode;
    }

    /// <summary>The last lines of a log, for when a run ends without a result to show.</summary>
    public static IEnumerable<string> Tail(string logFile, int lines) =>
        File.Exists(logFile) ? File.ReadLines(logFile).TakeLast(lines) : [];

    // Each assembly's closing line ("Passed!  - Failed: 0, …"), failed test names and build errors.
    [GeneratedRegex(@"^(Passed!|Failed!|Skipped!)\s|^\s+Failed\s|: error [A-Z]+\d+|^Test Run Aborted|^The active test run was aborted")]
    private static partial Regex Shown();
}
