using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Registry;
using Shinkin.EnvironmentCheck.Settings;
using static Shinkin.EnvironmentCheck.Tests.Fixture;

namespace Shinkin.EnvironmentCheck.Tests;

public sealed class PrecedenceTests
{
    private static string Layer(string hive, string basePath, string body) => $"[{hive}\\{basePath}]\r\n{body}\r\n\r\n";

    [TestCase(true, true, true, true, SettingLayer.MachinePolicy)]
    [TestCase(false, true, true, true, SettingLayer.UserPolicy)]
    [TestCase(false, false, true, true, SettingLayer.UserPreference)]
    [TestCase(false, false, false, true, SettingLayer.MachinePreference)]
    public void Hklm_policy_beats_hkcu_policy_beats_hkcu_preference_beats_hklm_preference(bool machinePolicy, bool userPolicy, bool userPref, bool machinePref, SettingLayer winner)
    {
        var text = V5;
        text += machinePolicy ? Layer("HKLM", PolKey, "\"EnableHttp1_1\"=dword:00000011") : string.Empty;
        text += userPolicy ? Layer("HKCU", PolKey, "\"EnableHttp1_1\"=dword:00000012") : string.Empty;
        text += userPref ? Layer("HKCU", IsKey, "\"EnableHttp1_1\"=dword:00000013") : string.Empty;
        text += machinePref ? Layer("HKLM", IsKey, "\"EnableHttp1_1\"=dword:00000014") : string.Empty;
        var setting = new SettingResolver(Parse(text)).Resolve(string.Empty, "EnableHttp1_1");
        Assert.Multiple(() =>
        {
            Assert.That(setting.Winner!.Layer, Is.EqualTo(winner));
            Assert.That(setting.Number, Is.EqualTo(0x11u + (uint)winner));
            Assert.That(setting.Overridden.Select(o => o.Source.Layer), Is.All.GreaterThan(winner));
            Assert.That(setting.Overridden, Has.Count.EqualTo(new[] { machinePolicy, userPolicy, userPref, machinePref }.Count(b => b) - 1));
        });
    }

    [Test]
    public void Security_hklm_only_applies_to_zone_settings_only()
    {
        var snapshot = Parse(V5
            + Layer("HKLM", PolKey, "\"Security_HKLM_only\"=dword:00000001")
            + Layer("HKCU", IsKey + @"\Zones\2", "\"2500\"=dword:00000003")
            + Layer("HKCU", IsKey, "\"EnableHttp1_1\"=dword:00000001"));
        var resolver = new SettingResolver(snapshot);
        var zone = resolver.Resolve(@"Zones\2", "2500", isZoneSetting: true);
        Assert.Multiple(() =>
        {
            Assert.That(zone.Winner, Is.Null, "HKCU zone values do not count");
            Assert.That(zone.Overridden.Single().Source.Layer, Is.EqualTo(SettingLayer.UserPreference));
            Assert.That(resolver.Resolve(string.Empty, "EnableHttp1_1").Winner!.Layer, Is.EqualTo(SettingLayer.UserPreference));
        });
    }

    [Test]
    public void Security_hklm_only_in_the_user_hive_has_no_effect()
    {
        var snapshot = Parse(V5 + Layer("HKCU", PolKey, "\"Security_HKLM_only\"=dword:00000001"));
        Assert.That(new SettingResolver(snapshot).SecurityHklmOnly, Is.False);
    }

    [TestCase("\"https\"=dword:00000002", "https", 2u)]
    [TestCase("\"http\"=dword:00000002", "https", 3u)]
    [TestCase("\"*\"=dword:00000002", "https", 2u)]
    [TestCase("\"*\"=dword:00000002", "ftp", 2u)]
    [TestCase("\"*\"=dword:00000004\r\n\"https\"=dword:00000002", "https", 2u)]
    [TestCase("\"*\"=dword:00000004\r\n\"https\"=dword:00000002", "http", 4u)]
    public void Protocol_matching_prefers_the_exact_scheme_over_star(string values, string scheme, uint zone)
    {
        var snapshot = Parse(V5 + Layer("HKCU", IsKey + @"\ZoneMap\Domains\shinkin-ib.jp\*", values));
        var map = ZoneMap.Build(new SettingResolver(snapshot));
        Assert.That(map.Decide(scheme, "www.shinkin-ib.jp").Zone, Is.EqualTo(zone));
    }

    [Test]
    public void Exact_host_beats_wildcard_and_fails_the_trust_control()
    {
        var snapshot = Parse(V5
            + Layer("HKCU", IsKey + @"\ZoneMap\Domains\shinkin-ib.jp\*", "\"https\"=dword:00000002")
            + Layer("HKCU", IsKey + @"\ZoneMap\Domains\shinkin-ib.jp\www", "\"https\"=dword:00000004"));
        var map = ZoneMap.Build(new SettingResolver(snapshot));
        var report = EnvironmentChecker.Check(snapshot);
        Assert.Multiple(() =>
        {
            Assert.That(map.Decide("https", "www.shinkin-ib.jp").Zone, Is.EqualTo(4u));
            Assert.That(map.Decide("https", "ib.shinkin-ib.jp").Zone, Is.EqualTo(2u));
            Assert.That(map.Decide("https", "www.shinkin-ib.jp").Overridden.Single().Reason, Does.Contain("より限定的な登録"));
            Assert.That(report[ControlIds.TrustShinkinIb].Manual.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(report[ControlIds.TrustShinkinIb].ActualText, Does.Contain("https://www.shinkin-ib.jp → 制限付きサイト (4)"));
        });
    }

    [Test]
    public void Wildcard_does_not_match_a_lookalike_domain()
    {
        var snapshot = Parse(V5 + Layer("HKCU", IsKey + @"\ZoneMap\Domains\shinkin.jp\*", "\"https\"=dword:00000002"));
        var map = ZoneMap.Build(new SettingResolver(snapshot));
        Assert.Multiple(() =>
        {
            Assert.That(map.Decide("https", "www.shinkin.jp").Zone, Is.EqualTo(2u));
            Assert.That(map.Decide("https", "evilshinkin.jp").Zone, Is.EqualTo(3u));
            Assert.That(map.Decide("https", "shinkin-ib.jp", wildcardProbe: true).Zone, Is.EqualTo(3u));
        });
    }

    [Test]
    public void Esc_domains_count_as_trusted_site_entries()
    {
        var snapshot = Parse(V5 + Layer("HKCU", IsKey + @"\ZoneMap\EscDomains\shinkin.jp\*", "\"https\"=dword:00000002"));
        var report = EnvironmentChecker.Check(snapshot);
        Assert.Multiple(() =>
        {
            Assert.That(report[ControlIds.TrustShinkin].Manual.Verdict, Is.EqualTo(Verdict.Pass));
            Assert.That(report[ControlIds.TrustShinkin].SourceText, Does.Contain(@"ZoneMap\EscDomains\shinkin.jp\*"));
        });
    }

    [Test]
    public void Zone_map_key_policy_list_replaces_the_users_list()
    {
        var snapshot = Parse(V5
            + Layer("HKCU", IsKey + @"\ZoneMap\Domains\shinkin.jp\*", "\"https\"=dword:00000002")
            + Layer("HKCU", PolKey + @"\ZoneMapKey", "\"https://*.shinkin-ib.jp\"=\"2\"\r\n\"shinkin.jp\"=\"4\""));
        var map = ZoneMap.Build(new SettingResolver(snapshot));
        var decision = map.Decide("https", "www.shinkin.jp");
        Assert.Multiple(() =>
        {
            Assert.That(decision.Zone, Is.EqualTo(4u), "a bare domain in the policy list covers its subdomains for every protocol");
            Assert.That(decision.Winner!.List, Is.EqualTo(ZoneMapList.ZoneMapKey));
            Assert.That(map.Ignored.Single().Reason, Does.Contain("グループポリシーのサイト一覧"));
            Assert.That(map.Decide("https", "x.shinkin-ib.jp").Zone, Is.EqualTo(2u));
            Assert.That(map.Decide("http", "x.shinkin-ib.jp").Zone, Is.EqualTo(3u));
        });
    }

    [TestCase(0xA80u, false, false, true, true, true)]
    [TestCase(0xA0u, false, true, true, false, false)]
    [TestCase(0x28u, true, true, false, false, false)]
    [TestCase(0x2800u, false, false, false, false, true)]
    public void Secure_protocols_are_decoded_bit_by_bit(uint value, bool ssl2, bool ssl3, bool tls10, bool tls11, bool tls12)
    {
        var report = EnvironmentChecker.Check(Parse(V5 + Layer("HKCU", IsKey, $"\"SecureProtocols\"=dword:{value:x8}")));
        Assert.That(
            new[] { ControlIds.Ssl2, ControlIds.Ssl3, ControlIds.Tls10, ControlIds.Tls11, ControlIds.Tls12 }.Select(id => report[id].Actual),
            Is.EqualTo(new object[] { ssl2, ssl3, tls10, tls11, tls12 }));
    }

    [Test]
    public void Missing_secure_protocols_fall_back_to_the_os_default_and_say_so()
    {
        var win10 = EnvironmentChecker.Check(new RegistrySnapshot(), OsInfo.FromOption("Windows 10 Pro"));
        var unknown = EnvironmentChecker.Check(new RegistrySnapshot());
        Assert.Multiple(() =>
        {
            Assert.That(win10[ControlIds.Tls12].Actual, Is.EqualTo(true));
            Assert.That(win10[ControlIds.Tls12].SourceText, Is.EqualTo("既定値 (Windows 10 Pro)"));
            Assert.That(unknown[ControlIds.Ssl3].Actual, Is.Null);
            Assert.That(unknown[ControlIds.Ssl3].Manual.Verdict, Is.EqualTo(Verdict.Fail));
            Assert.That(unknown[ControlIds.Ssl2].Manual.Verdict, Is.EqualTo(Verdict.Fail), "an unknown state cannot be confirmed as off");
        });
    }

    [TestCase("Microsoft Windows XP", "5.1", "2600", OsFamily.WindowsXp)]
    [TestCase(null, "5.1", null, OsFamily.WindowsXp)]
    [TestCase("Windows 7 Professional", "6.1", "7601", OsFamily.Windows7)]
    [TestCase("Windows 10 Pro", "6.3", "19045", OsFamily.Windows10)]
    [TestCase("Windows 10 Pro", "6.3", "22631", OsFamily.Windows11)]
    public void Os_is_read_from_windows_nt_current_version(string? product, string version, string? build, OsFamily family)
    {
        var body = (product is null ? string.Empty : $"\"ProductName\"=\"{product}\"\r\n") + $"\"CurrentVersion\"=\"{version}\"\r\n"
            + (build is null ? string.Empty : $"\"CurrentBuildNumber\"=\"{build}\"\r\n");
        var os = OsInfo.FromSnapshot(Parse(V5 + Layer("HKEY_LOCAL_MACHINE", @"SOFTWARE\Microsoft\Windows NT\CurrentVersion", body)));
        Assert.That(os.Family, Is.EqualTo(family));
    }
}
