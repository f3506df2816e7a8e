using System.Diagnostics;
using System.Text;

namespace Shinkin.Reqnroll.NUnit.Tests;

internal sealed record CliResult(int ExitCode, string Output, TimeSpan Elapsed);

/// <summary>Runs the dotnet CLI as a child process, isolated from the MSBuild/VSTest state of the run hosting these tests.</summary>
internal static class DotnetCli
{
    public static async Task<CliResult> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan limit)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = SampleProject.Directory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Variables the outer `dotnet test` (or ./harness, which points Reqnroll's formatters at its run folder)
        // leaves for its own MSBuild and test host would steer the child's build and reports.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
                key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) ||
                key.StartsWith("SHINKIN_", StringComparison.OrdinalIgnoreCase) ||
                key.StartsWith("REQNROLL_FORMATTERS", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var gate = new Lock();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A safety net against a hung child, not a performance assertion.
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {limit}:{Environment.NewLine}{output}");
        }

        process.WaitForExit();
        lock (gate)
        {
            return new CliResult(process.ExitCode, output.ToString(), clock.Elapsed);
        }

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                output.AppendLine(line);
            }
        }
    }
}
