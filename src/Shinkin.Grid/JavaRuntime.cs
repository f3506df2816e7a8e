using System.Globalization;
using System.Text.RegularExpressions;

namespace Shinkin.Grid;

/// <summary>The Java that runs the Selenium server: JAVA_HOME's when set, else the first java on PATH.</summary>
public sealed partial record JavaRuntime(string Executable, int Major, string VersionLine)
{
    /// <summary>Selenium server 4 needs Java 11 or later.</summary>
    public const int MinimumMajor = 11;

    /// <summary>The Debian package bootstrap/debian-packages.txt lists for it.</summary>
    public const string DebianPackage = "openjdk-17-jre-headless";

    public static readonly string InstallHint = OperatingSystem.IsWindows()
        ? "install it with: winget install Microsoft.OpenJDK.17"
        : $"install it with: sudo apt-get install -y {DebianPackage} (./harness installs bootstrap/debian-packages.txt when run as root)";

    /// <summary>The Java found and its version, or null when there is none that answers `java -version`.</summary>
    public static async Task<JavaRuntime?> FindAsync(CancellationToken cancellationToken = default)
    {
        var home = Environment.GetEnvironmentVariable("JAVA_HOME");
        var candidates = new[]
        {
            string.IsNullOrEmpty(home) ? null : Path.Combine(home, "bin", OperatingSystem.IsWindows() ? "java.exe" : "java"),
            Tools.OnPath("java"),
        };
        foreach (var java in candidates.OfType<string>().Where(File.Exists))
        {
            try
            {
                var (exit, output) = await Tools.RunAsync(java, ["-version"], null, null, TimeSpan.FromMinutes(1), cancellationToken);
                var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
                if (exit == 0 && ParseMajor(line) is { } major)
                {
                    return new JavaRuntime(java, major, line);
                }
            }
            catch (GridSetupException)
            {
                // Not executable: try the next one.
            }
        }

        return null;
    }

    /// <summary>A Java that can run the server, or a <see cref="GridSetupException"/> saying what to install.</summary>
    public static async Task<JavaRuntime> RequireAsync(CancellationToken cancellationToken = default)
    {
        var java = await FindAsync(cancellationToken)
            ?? throw new GridSetupException($"Java is not installed (no java in JAVA_HOME or on PATH); the Selenium Grid is a Java program: {InstallHint}");
        return java.Major >= MinimumMajor
            ? java
            : throw new GridSetupException($"{java.Executable} is Java {java.Major}; the Selenium server needs Java {MinimumMajor} or later: {InstallHint}");
    }

    /// <summary>The major version in `java -version`'s first line: `openjdk version "17.0.15"` → 17, `"1.8.0_402"` → 8.</summary>
    public static int? ParseMajor(string versionLine)
    {
        var match = VersionPattern().Match(versionLine);
        if (!match.Success)
        {
            return null;
        }

        var first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return first == 1 && match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : first;
    }

    [GeneratedRegex("""version "(\d+)(?:\.(\d+))?""")]
    private static partial Regex VersionPattern();
}
