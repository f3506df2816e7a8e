using Shinkin.EnvironmentCheck.Command;

namespace Shinkin.EnvironmentCheck.App;

/// <summary>
/// Everything <see cref="CheckerApp"/> takes from the process it runs in, so tests can run the same entry point on
/// any OS with their own writers, folder and registry.
/// </summary>
/// <param name="Out">Verdicts, written files, prompts.</param>
/// <param name="Error">Errors only.</param>
/// <param name="OutputFolder">Where the workbook, JSON and fix file go unless <c>--out</c> says otherwise.</param>
/// <param name="LiveRegistry">This PC's registry; null where there is none (off Windows).</param>
public sealed record CheckerHost(TextWriter Out, TextWriter Error, string OutputFolder, LiveRegistrySource? LiveRegistry)
{
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>A person at a Windows console: ask before writing the fix, wait for Enter before the window closes.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>Stamps the file names.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Console streams, the folder of the .exe, and the live registry on Windows.</summary>
    public static CheckerHost ForThisProcess() =>
        new(Console.Out, Console.Error, AppContext.BaseDirectory, OperatingSystem.IsWindows() ? SnapshotLoader.ThisPc : null)
        {
            In = Console.In,
            IsInteractive = OperatingSystem.IsWindows() && !Console.IsInputRedirected && !Console.IsOutputRedirected,
        };
}
