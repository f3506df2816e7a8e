using System.Diagnostics;
using System.Globalization;
using System.Text;
using NUnit.Framework;
using Shinkin.Repository;

namespace Shinkin.Cli.Tests;

/// <summary>
/// A real child process of the fault tests — the command line (<c>dotnet shinkin.dll</c>, as ./harness hands over to it)
/// or the reference server's own program — with its output collected, signals it can be sent, and the processes below it
/// it can be asked for. Only what this test started is ever signalled or killed.
/// </summary>
internal sealed class HarnessProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    private HarnessProcess(ProcessStartInfo start)
    {
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string Root => RepositoryRoot.Path;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Standard output and error, interleaved as they came.</summary>
    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// `dotnet shinkin.dll <paramref name="arguments"/>` from the repository root, with none of this process's run overrides;
    /// <paramref name="environment"/> sets variables, and a null value removes one (dotnet is started by its full path, so
    /// PATH can be replaced).
    /// </summary>
    public static HarnessProcess StartCli(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var cli = Path.Combine(Root, "src", "Shinkin.Cli", "bin", Configuration, "net10.0", "shinkin.dll");
        var features = Path.Combine(Root, "Features", "bin", Configuration, "net10.0", "Shinkin.Features.dll");
        if (!File.Exists(cli) || !File.Exists(features))
        {
            Assert.Fail($"build the solution first (dotnet build Shinkin.Automation.sln): the fault tests run {cli} over {features}");
        }

        return Start(Dotnet, [cli, .. arguments], Root, environment);
    }

    /// <summary>
    /// One of the entry scripts, <paramref name="script"/> in <paramref name="folder"/> (a copy of the repository's or the
    /// repository's own): `harness` under bash, `harness.ps1` under the pinned PowerShell tool, started from the repository
    /// root, where the tool manifest is. <paramref name="environment"/> as in <see cref="StartCli"/>.
    /// </summary>
    public static HarnessProcess StartScript(string folder, string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        script == "harness.ps1"
            ? Start(Dotnet, ["tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", Path.Combine(folder, script), .. arguments], Root, environment)
            : Start("/bin/bash", [Path.Combine(folder, script), .. arguments], Root, environment);

    /// <summary>The reference server's own program (`dotnet Shinkin.ReferenceServer.dll`) with configuration <paramref name="arguments"/>.</summary>
    public static HarnessProcess StartReferenceServer(IReadOnlyList<string> arguments)
    {
        var folder = Path.Combine(Root, "src", "Shinkin.ReferenceServer", "bin", Configuration, "net10.0");
        return Start(Dotnet, [Path.Combine(folder, "Shinkin.ReferenceServer.dll"), .. arguments], folder, null);
    }

    /// <summary>Waits until <paramref name="ready"/> holds; fails naming <paramref name="what"/> when the process ends first or time runs out.</summary>
    public async Task<T> WaitForAsync<T>(Func<T?> ready, string what, TimeSpan limit)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (ready() is { } value)
            {
                return value;
            }

            if (process.HasExited || clock.Elapsed > limit)
            {
                Assert.Fail($"{what}: not there {(process.HasExited ? $"before the process ended (exit {process.ExitCode})" : $"within {limit}")}.{Environment.NewLine}{Output}");
            }

            // A poll of the file system, not a pause standing in for one: the wait ends as soon as the thing is there.
            await Task.Delay(100);
        }
    }

    /// <summary>The exit code, within <paramref name="limit"/> (a safety net: the process tree is killed and the test fails after it).</summary>
    public async Task<int> ExitCodeAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)} did not end within {limit}:{Environment.NewLine}{Output}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Sends a signal by name (INT, TERM, KILL) to this process alone, as `kill` from a shell would.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("/bin/kill", ["-s", signal, Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Assert.That(kill.ExitCode, Is.Zero, $"kill -s {signal} {Id}");
    }

    /// <summary>Processes below this one (children, grandchildren, …) whose command line satisfies <paramref name="match"/>.</summary>
    public IReadOnlyList<int> Descendants(Func<string, bool> match)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        bool Below(int pid)
        {
            for (var p = pid; parents.TryGetValue(p, out var parent); p = parent)
            {
                if (parent == Id)
                {
                    return true;
                }
            }

            return false;
        }

        return parents.Keys.Where(Below).Where(pid => CommandLine(pid) is { } line && match(line)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// <summary>The NUL-separated command line of a process as one line, or null once it is gone.</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The dotnet on this process's PATH, by its full path.</summary>
    private static string Dotnet { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, "dotnet")).FirstOrDefault(File.Exists) ?? "dotnet";

    private static HarnessProcess Start(string program, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // ./harness test runs these tests with its own run folder and formatter paths: none of that is this run's.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("SHINKIN_", StringComparison.Ordinal) || k.StartsWith("REQNROLL_FORMATTERS", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["REQNROLL_TELEMETRY_ENABLED"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        return new HarnessProcess(start);
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private void Append(string? line)
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
