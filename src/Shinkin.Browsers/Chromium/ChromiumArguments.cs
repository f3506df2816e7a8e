using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>Command-line switches every Chromium we start gets, whatever the engine.</summary>
internal static class ChromiumArguments
{
    /// <summary>
    /// Quiet, offline-friendly switches: no updater, sync or background fetches that would stall
    /// without internet, and --no-sandbox only when we run as root (Chromium refuses to start otherwise).
    /// </summary>
    public static IReadOnlyList<string> Common(bool headless)
    {
        var args = new List<string>
        {
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-sync",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--password-store=basic",
        };
        if (IsRoot)
        {
            args.Add("--no-sandbox");
        }

        if (headless)
        {
            args.Add("--headless");
        }

        return args;
    }

    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    public static void RequireExecutable(string path, string what, string variable, string package)
    {
        if (BrowserOptions.MissingProgram(path, what, variable, package) is { } missing)
        {
            throw new BrowserException(missing);
        }
    }
}
