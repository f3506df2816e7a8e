using System.Diagnostics;
using System.Globalization;

namespace Shinkin.Publishing;

/// <summary>
/// <c>publish-checker</c>: builds <c>shinkin-check.exe</c>, the environment checker a bank's help desk hands out, as one
/// self-contained win-x64 file. Every publish property lives in the project file, so this only runs
/// <c>dotnet publish</c> on it and reports where the .exe is and how big.
/// </summary>
public static class PublishChecker
{
    public const string ProjectPath = "src/Shinkin.EnvironmentCheck.App/Shinkin.EnvironmentCheck.App.csproj";
    public const string ExeName = "shinkin-check.exe";

    /// <summary>0 with the .exe's path and size on <paramref name="stdout"/>; 2 when the project is missing or publishing fails.</summary>
    public static async Task<int> RunAsync(string repositoryRoot, string outputFolder, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var project = Path.Combine(Path.GetFullPath(repositoryRoot), ProjectPath);
        if (!File.Exists(project))
        {
            await stderr.WriteLineAsync($"publish-checker: {project} not found (is {repositoryRoot} the repository root?)").ConfigureAwait(false);
            return 2;
        }

        var output = Path.GetFullPath(outputFolder);
        await stdout.WriteLineAsync($"publish-checker: dotnet publish {ProjectPath} -c Release -o {output}").ConfigureAwait(false);
        var exitCode = await RunDotnetAsync(["publish", project, "-c", "Release", "-o", output, "-nologo", "-v:q", "-clp:ErrorsOnly"],
            stdout, stderr, cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            await stderr.WriteLineAsync($"publish-checker: dotnet publish failed (exit code {exitCode})").ConfigureAwait(false);
            return 2;
        }

        var exe = Path.Combine(output, ExeName);
        if (!IsWindowsExecutable(exe))
        {
            await stderr.WriteLineAsync($"publish-checker: {exe} is missing or not a Windows executable").ConfigureAwait(false);
            return 2;
        }

        var size = new FileInfo(exe).Length;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"publish-checker: {exe} ({size:N0} bytes, {size / 1048576.0:F1} MiB): copy this one file to the customer's PC and double-click it")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Whether the file starts with the "MZ" of a DOS/PE header, as every Windows .exe does.</summary>
    public static bool IsWindowsExecutable(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        Span<byte> header = stackalloc byte[2];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(header, 2, throwOnEndOfStream: false) == 2 && header[0] == (byte)'M' && header[1] == (byte)'Z';
    }

    private static async Task<int> RunDotnetAsync(IEnumerable<string> arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        var copyOut = CopyAsync(process.StandardOutput, stdout, cancellationToken);
        var copyError = CopyAsync(process.StandardError, stderr, cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(copyOut, copyError).ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>The dotnet that runs this process (the CLI runs as <c>dotnet shinkin.dll</c>; the SDK sets DOTNET_HOST_PATH for tests), else PATH's.</summary>
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self!;
        }

        var sdkHost = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return File.Exists(sdkHost) ? sdkHost : "dotnet";
    }

    private static async Task CopyAsync(StreamReader from, TextWriter to, CancellationToken cancellationToken)
    {
        while (await from.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            await to.WriteLineAsync(line).ConfigureAwait(false);
        }
    }
}
