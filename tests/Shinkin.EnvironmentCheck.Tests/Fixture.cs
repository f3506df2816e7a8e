using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.Tests;

/// <summary>The hand-written .reg snapshots under Fixtures/, by scenario.</summary>
internal static class Fixture
{
    public static readonly string[] ManualConformant = ["manual-conformant-hkcu.reg", "manual-conformant-hklm.reg"];
    public static readonly string[] Windows10Default = ["win10-default.reg"];
    public static readonly string[] GpoManaged = ["gpo-managed.reg"];
    public static readonly string[] SecurityHklmOnly = ["security-hklm-only.reg"];
    public static readonly string[] XpEra = ["xp-era.reg"];
    public static readonly string[] ExtraTrustedSites = ["extra-trusted-sites.reg"];
    public static readonly string[] Hardened = ["hardened.reg"];

    public static IEnumerable<string[]> All =>
        [ManualConformant, Windows10Default, GpoManaged, SecurityHklmOnly, XpEra, ExtraTrustedSites, Hardened];

    public static string PathOf(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name);

    public static Task<RegistrySnapshot> LoadAsync(params string[] names) =>
        RegFileReader.ReadFilesAsync(names.Select(PathOf), CancellationToken.None);

    public static RegistrySnapshot Parse(string text) => RegFileReader.Parse(text, "inline.reg");

    public const string V5 = "Windows Registry Editor Version 5.00\r\n\r\n";
    public const string IsKey = @"Software\Microsoft\Windows\CurrentVersion\Internet Settings";
    public const string PolKey = @"Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings";
}
