using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.Command;

/// <summary>Reads the registry snapshot to check.</summary>
/// <param name="cancellationToken">Cancels a long read.</param>
public delegate RegistrySnapshot LiveRegistrySource(CancellationToken cancellationToken);

/// <summary>
/// Loads the snapshot a check runs on, the same way for <c>check-env</c> and <c>shinkin-check.exe</c>: the given .reg
/// files, or the live registry when there are none. Every way it can fail is bad input (exit 2) and is reported in
/// Japanese, a malformed file with <c>file:LINE: expected …</c>.
/// </summary>
public static class SnapshotLoader
{
    /// <summary>The live registry of this PC (Windows only; elsewhere it throws <see cref="PlatformNotSupportedException"/>).</summary>
    public static LiveRegistrySource ThisPc { get; } = cancellationToken => LiveRegistry.Read(CheckEnvRunner.LiveRoots, cancellationToken);

    /// <summary>The snapshot, or null after writing why it could not be read to <paramref name="stderr"/>.</summary>
    public static async Task<RegistrySnapshot?> TryLoadAsync(IReadOnlyList<string> files, LiveRegistrySource liveRegistry, TextWriter stderr,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(liveRegistry);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return files.Count > 0
                ? await RegFileReader.ReadFilesAsync(files, cancellationToken).ConfigureAwait(false)
                : liveRegistry(cancellationToken);
        }
        catch (RegFileFormatException ex)
        {
            await stderr.WriteLineAsync($"エラー: .reg ファイルを読めません: {ex.Message}").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"エラー: ファイルを読めません: {ex.Message}").ConfigureAwait(false);
        }
        catch (PlatformNotSupportedException ex)
        {
            await stderr.WriteLineAsync($"エラー: {ex.Message}").ConfigureAwait(false);
        }

        return null;
    }
}
