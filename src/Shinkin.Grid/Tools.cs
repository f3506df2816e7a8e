using System.ComponentModel;
using System.Diagnostics;

namespace Shinkin.Grid;

/// <summary>Finding a program on PATH and running one to its end with its output kept (java -version, npm ci).</summary>
internal static class Tools
{
    /// <summary>The full path of <paramref name="name"/> in a folder of PATH (with .exe or .cmd on Windows), or null.</summary>
    public static string? OnPath(string name)
    {
        var suffixes = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", "" } : [""];
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders
            .SelectMany(folder => suffixes.Select(suffix => Path.Combine(folder, name + suffix)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs <paramref name="program"/> to its end; its output (stdout then stderr) is returned and, when given, written to <paramref name="logFile"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IReadOnlyList<string> arguments, string? workingDirectory, string? logFile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = Redirected(program, arguments);
        start.WorkingDirectory = workingDirectory ?? "";
        using var process = Start(start);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s");
        }

        var output = (await stdout) + (await stderr);
        if (logFile is not null)
        {
            await File.WriteAllTextAsync(logFile, $"$ {program} {string.Join(' ', arguments)}{Environment.NewLine}{output}", CancellationToken.None);
        }

        return (process.ExitCode, output);
    }

    /// <summary>How to start <paramref name="program"/> with its output read by us.</summary>
    public static ProcessStartInfo Redirected(string program, IEnumerable<string> arguments) =>
        new(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

    /// <summary>Starts a process; a program that cannot be started is a <see cref="GridSetupException"/> naming it.</summary>
    public static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new GridSetupException($"{start.FileName} did not start");
        }
        catch (Win32Exception ex)
        {
            throw new GridSetupException($"{start.FileName} cannot be started: {ex.Message}", ex);
        }
    }

    /// <summary>The last <paramref name="count"/> lines of a text file, or none when it cannot be read.</summary>
    public static IReadOnlyList<string> Tail(string file, int count)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return lines.TakeLast(count).Select(l => l.TrimEnd('\r')).ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }
}
