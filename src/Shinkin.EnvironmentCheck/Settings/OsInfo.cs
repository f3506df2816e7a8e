using System.Globalization;
using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.Settings;

public enum OsFamily
{
    Unknown,
    WindowsXp,
    WindowsVista,
    Windows7,
    Windows8,
    Windows10,
    Windows11,
    Other,
}

/// <summary>The Windows version the check is about: given with --os, or read from the snapshot.</summary>
public sealed record OsInfo(string Name, OsFamily Family, string Origin)
{
    public bool IsWindowsXp => Family == OsFamily.WindowsXp;

    public static OsInfo Unknown { get; } = new("不明", OsFamily.Unknown, "スナップショットに OS の情報がありません");

    public static OsInfo FromOption(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new OsInfo(name, Classify(name, version: null, build: null), "--os");
    }

    /// <summary>Reads ProductName, CurrentVersion and CurrentBuild from HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion.</summary>
    public static OsInfo FromSnapshot(RegistrySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        const string key = InternetSettingsPaths.WindowsNtCurrentVersion;
        var product = snapshot.GetValue(RegistryHive.LocalMachine, key, "ProductName")?.Data as string;
        var version = snapshot.GetValue(RegistryHive.LocalMachine, key, "CurrentVersion")?.Data as string;
        var buildText = snapshot.GetValue(RegistryHive.LocalMachine, key, "CurrentBuildNumber")?.Data as string
            ?? snapshot.GetValue(RegistryHive.LocalMachine, key, "CurrentBuild")?.Data as string;
        int? build = int.TryParse(buildText, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
        if (product is null && version is null)
        {
            return Unknown;
        }

        var family = Classify(product ?? string.Empty, version, build);
        var name = product ?? $"Windows NT {version}";

        // Windows 11 still reports "Windows 10" in ProductName; the build number tells them apart.
        if (family == OsFamily.Windows11 && name.Contains("Windows 10", StringComparison.OrdinalIgnoreCase))
        {
            name = name.Replace("Windows 10", "Windows 11", StringComparison.OrdinalIgnoreCase);
        }

        var origin = @"HKLM\" + key + " : ProductName/CurrentVersion" + (build is null ? string.Empty : "/CurrentBuild");
        return new OsInfo(name, family, origin);
    }

    private static OsFamily Classify(string product, string? version, int? build)
    {
        if (product.Contains("XP", StringComparison.OrdinalIgnoreCase))
        {
            return OsFamily.WindowsXp;
        }

        if (product.Contains("Vista", StringComparison.OrdinalIgnoreCase))
        {
            return OsFamily.WindowsVista;
        }

        if (product.Contains("Windows 7", StringComparison.OrdinalIgnoreCase))
        {
            return OsFamily.Windows7;
        }

        if (product.Contains("Windows 8", StringComparison.OrdinalIgnoreCase))
        {
            return OsFamily.Windows8;
        }

        if (product.Contains("Windows 11", StringComparison.OrdinalIgnoreCase) || (product.Contains("Windows 10", StringComparison.OrdinalIgnoreCase) && build >= 22000))
        {
            return OsFamily.Windows11;
        }

        if (product.Contains("Windows 10", StringComparison.OrdinalIgnoreCase))
        {
            return OsFamily.Windows10;
        }

        return version switch
        {
            "5.1" => OsFamily.WindowsXp,
            "6.0" => OsFamily.WindowsVista,
            "6.1" => OsFamily.Windows7,
            "6.2" or "6.3" when build is null or < 10000 => OsFamily.Windows8,
            "6.3" => build >= 22000 ? OsFamily.Windows11 : OsFamily.Windows10,
            null => OsFamily.Unknown,
            _ => OsFamily.Other,
        };
    }
}
