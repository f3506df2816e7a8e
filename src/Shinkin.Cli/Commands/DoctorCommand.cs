using System.CommandLine;
using System.Diagnostics;
using Shinkin.Cli.Runs;
using Shinkin.Grid;
using Shinkin.Settings;

namespace Shinkin.Cli.Commands;

/// <summary>`doctor`: what setup would install and whether the build is current; exit 0 when ready, 1 otherwise.</summary>
public static class DoctorCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr, string name, string description)
    {
        var command = new Command(name, description);
        command.SetAction(async (_, cancellationToken) => await RunAsync(RepositoryLayout.Require(), stdout, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(RepositoryLayout repository, TextWriter stdout, CancellationToken cancellationToken)
    {
        var ready = true;
        var packages = File.ReadLines(repository.DebianPackages).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (await FirstLineAsync("dpkg-query", ["--version"], cancellationToken) is null)
        {
            stdout.WriteLine($"Debian packages      cannot check (no dpkg-query); needed: {string.Join(' ', packages)}");
        }
        else
        {
            var missing = new List<string>();
            foreach (var package in packages)
            {
                var status = await FirstLineAsync("dpkg-query", ["-W", "-f=${Status}", package], cancellationToken);
                if (status is null || !status.Contains("ok installed", StringComparison.Ordinal))
                {
                    missing.Add(package);
                }
            }

            ready &= missing.Count == 0;
            stdout.WriteLine(missing.Count == 0
                ? $"Debian packages      all present ({string.Join(' ', packages)})"
                : $"Debian packages      missing: {string.Join(' ', missing)} — ./harness installs them as root, or: sudo apt-get update && sudo apt-get install -y {string.Join(' ', missing)}");
        }

        stdout.WriteLine($".NET SDK             {await FirstLineAsync("dotnet", ["--version"], cancellationToken) ?? "not found"}");
        // The browser and driver a run would start: the defaults, or SHINKIN_CHROMIUM / SHINKIN_CHROMEDRIVER.
        var browser = BrowserThisRunWouldUse(stdout);
        var missingPrograms = browser.MissingPrograms();
        ready &= missingPrograms.Count == 0 || OperatingSystem.IsWindows(); // there the browser is Edge, found by its own engine
        foreach (var (label, path) in new[] { ("Chromium", browser.ChromiumPath), ("chromedriver", browser.ChromeDriverPath) })
        {
            var problem = missingPrograms.FirstOrDefault(m => m.StartsWith(label + " not found", StringComparison.Ordinal));
            stdout.WriteLine($"{label,-21}{problem ?? await FirstLineAsync(path, ["--version"], cancellationToken) ?? $"{path} (no version printed)"}");
        }

        var java = await JavaRuntime.FindAsync(cancellationToken);
        stdout.WriteLine(java is null
            ? $"Java                 not found (the Selenium Grid needs Java {JavaRuntime.MinimumMajor}+): {JavaRuntime.InstallHint}"
            : $"Java                 {java.VersionLine} ({java.Executable}){(java.Major < JavaRuntime.MinimumMajor ? $" — too old for the Selenium Grid: {JavaRuntime.InstallHint}" : "")}");
        stdout.WriteLine($"npm                  {await FirstLineAsync("npm", ["--version"], cancellationToken) ?? "not found (needed once, to install the Selenium Grid jar)"}");
        stdout.WriteLine(SeleniumServerPackage.FindJar(repository.GridFolder) is { } jar
            ? $"Selenium Grid jar    {SeleniumServerPackage.Version} ({jar})"
            : $"Selenium Grid jar    not installed ({SeleniumServerPackage.Name} {SeleniumServerPackage.Version}; ./harness grid and ./harness test install it with npm)");
        var pwsh = await FirstLineAsync("dotnet", ["tool", "run", "pwsh", "--", "-NoProfile", "-Command", "$PSVersionTable.PSVersion.ToString()"], cancellationToken);
        stdout.WriteLine($"PowerShell tool      {(pwsh is not null && char.IsDigit(pwsh[0]) ? pwsh : "not restored (dotnet tool restore; ./harness test does it)")}");

        var newer = BuildState.FirstNewerSource(repository);
        ready &= newer is null;
        stdout.WriteLine(newer is null ? "Build                current" : $"Build                out of date: {newer} is newer than the build (./harness builds it)");
        return ready ? 0 : 1;
    }

    private static BrowserOptions BrowserThisRunWouldUse(TextWriter stdout)
    {
        try
        {
            // Both local programs, whichever engine is chosen: the Selenium engine needs the driver as well.
            return SettingsEnvironment.Apply(new RunSettings()).Browser with { Engine = BrowserEngine.Selenium };
        }
        catch (SettingsException ex)
        {
            stdout.WriteLine($"Settings             {ex.Message}");
            return new BrowserOptions { Engine = BrowserEngine.Selenium };
        }
    }

    /// <summary>The first line a program prints (stdout, else stderr), or null when it cannot be started or fails.</summary>
    private static async Task<string?> FirstLineAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var text = (await output).Trim().Length > 0 ? await output : await error;
            return process.ExitCode == 0 ? text.Split('\n')[0].Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
