using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Registry;
using Shinkin.EnvironmentCheck.Settings;

namespace Shinkin.EnvironmentCheck.Fixes;

/// <summary>
/// The registry changes that make a PC meet a profile. Each value goes where it will actually win:
/// into the policy key that currently decides it (an administrator's job), into HKLM when
/// Security_HKLM_only makes only machine zone settings count, and otherwise into the user's own
/// settings, exactly where the Internet Options dialog writes them.
/// </summary>
public static class FixBuilder
{
    public static IReadOnlyList<RegistryOperation> Build(CheckProfile profile, RegistrySnapshot? current = null, OsInfo? os = null)
    {
        var snapshot = current ?? new RegistrySnapshot();
        var resolver = new SettingResolver(snapshot);
        var osInfo = os ?? OsInfo.FromSnapshot(snapshot);
        var zoneMap = ZoneMap.Build(resolver);
        var operations = new List<RegistryOperation>();

        foreach (var domain in BankDomains.All)
        {
            var relative = @"P3P\History\" + domain;
            Set(operations, resolver.Resolve(relative, string.Empty), relative, RegistryValue.DWord(string.Empty, 1), SettingLayer.UserPreference);
        }

        foreach (var domain in BankDomains.All)
        {
            TrustDomain(operations, resolver, zoneMap, domain);
        }

        var zoneLayer = resolver.SecurityHklmOnly ? SettingLayer.MachinePreference : SettingLayer.UserPreference;
        Set(operations, resolver.Resolve(@"Zones\2", "2500", isZoneSetting: true), @"Zones\2", RegistryValue.DWord("2500", 3), zoneLayer);

        if (profile == CheckProfile.Secure)
        {
            foreach (var extra in zoneMap.Effective.Where(e => e.Zone == 2 && !BankDomains.Contains(e.HostPattern)))
            {
                operations.Add(new DeleteValueOperation(extra.Source.Hive, extra.Source.KeyPath, extra.Source.ValueName));
            }
        }

        Set(operations, resolver.Resolve(string.Empty, "EnableHttp1_1"), string.Empty, RegistryValue.DWord("EnableHttp1_1", 1), SettingLayer.UserPreference);
        Set(operations, resolver.Resolve(string.Empty, "ProxyHttp1.1"), string.Empty, RegistryValue.DWord("ProxyHttp1.1", 1), SettingLayer.UserPreference);

        var protocols = EnvironmentChecker.ResolveSecureProtocols(resolver, osInfo);
        Set(operations, protocols.Setting, string.Empty, RegistryValue.DWord("SecureProtocols", TargetProtocols(profile, protocols.Value)), SettingLayer.UserPreference);

        if (profile == CheckProfile.Secure)
        {
            Set(operations, resolver.Resolve(string.Empty, "EnableSSL3Fallback"), string.Empty, RegistryValue.DWord("EnableSSL3Fallback", 0), SettingLayer.UserPreference);
        }

        return operations;
    }

    /// <summary>The .reg text for a profile, with a Japanese preamble saying what it does and what needs an administrator.</summary>
    public static string BuildRegFile(CheckProfile profile, RegistrySnapshot? current = null, OsInfo? os = null) =>
        BuildRegFileFrom(profile, Build(profile, current, os));

    /// <summary>The .reg text for operations already built by <see cref="Build"/>, with the preamble and <see cref="Advice"/>.</summary>
    public static string BuildRegFileFrom(CheckProfile profile, IReadOnlyList<RegistryOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        string[] title = [$"しんきん電子記録債権システム 事前準備 (インターネットオプション) 修正ファイル: プロファイル {profile.JsonName()}"];
        return RegFileWriter.Write(operations, title.Concat(Advice(operations)));
    }

    /// <summary>
    /// How to import the fix and what to watch for, in Japanese: written into the .reg as comments and shown by the
    /// hosts that write it, so the file and the screen say the same.
    /// </summary>
    public static IReadOnlyList<string> Advice(IReadOnlyList<RegistryOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var advice = new List<string> { "ダブルクリックして「はい」を選ぶと、レジストリに取り込まれます。", CheckReport.RestartAdvice };
        if (operations.Any(o => o.Hive == RegistryHive.LocalMachine))
        {
            advice.Add("HKEY_LOCAL_MACHINE への変更を含むため、管理者として取り込んでください。");
        }

        if (operations.Any(o => o.KeyPath.StartsWith(InternetSettingsPaths.Policy, StringComparison.OrdinalIgnoreCase)))
        {
            advice.Add("グループポリシーの値を含みます。ポリシーの再適用で元に戻るため、本来はシステム管理者がポリシーを変更してください。");
        }

        return advice;
    }

    /// <summary>Sets the protocols a profile needs and keeps every other bit (TLS 1.3, for one) as it was.</summary>
    public static uint TargetProtocols(CheckProfile profile, uint? current)
    {
        var value = current ?? (SecureProtocolBits.Tls10 | SecureProtocolBits.Tls11 | SecureProtocolBits.Tls12);
        return profile == CheckProfile.Manual
            ? (value | SecureProtocolBits.Ssl3 | SecureProtocolBits.Tls10) & ~SecureProtocolBits.Ssl2
            : (value | SecureProtocolBits.Tls12) & ~(SecureProtocolBits.Ssl2 | SecureProtocolBits.Ssl3 | SecureProtocolBits.Tls10 | SecureProtocolBits.Tls11 | 0x2u);
    }

    private static void Set(List<RegistryOperation> operations, EffectiveSetting setting, string relativeKey, RegistryValue value, SettingLayer fallbackLayer)
    {
        // A policy value beats anything the user sets, so the fix has to go into that same policy key.
        var layer = setting.Winner is { } winner && winner.Layer.IsPolicy() ? winner.Layer : fallbackLayer;
        operations.Add(new SetValueOperation(layer.Hive(), SettingResolver.Combine(layer.BasePath(), relativeKey), value));
    }

    private static void TrustDomain(List<RegistryOperation> operations, SettingResolver resolver, ZoneMap zoneMap, string domain)
    {
        // Entries more specific than the wildcard (an exact host, a wildcard in a winning list) keep
        // winning, so the ones that put the bank outside zone 2 are removed first.
        var probes = zoneMap.Effective
            .Where(e => !e.CoversSubdomains && e.HostPattern.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
            .Select(e => zoneMap.Decide("https", e.HostPattern))
            .Prepend(zoneMap.Decide("https", domain, wildcardProbe: true));
        foreach (var decision in probes)
        {
            if (decision.Zone != 2 && decision.Winner is { } wrong)
            {
                operations.Add(new DeleteValueOperation(wrong.Source.Hive, wrong.Source.KeyPath, wrong.Source.ValueName));
            }
        }

        var policyLayer = zoneMap.Effective.Where(e => e.Source.Layer.IsPolicy()).Select(e => (SettingLayer?)e.Source.Layer).Min();
        if (policyLayer is { } policy)
        {
            operations.Add(new SetValueOperation(policy.Hive(), policy.BasePath() + @"\ZoneMapKey", RegistryValue.String($"https://*.{domain}", "2")));
        }
        else
        {
            var layer = resolver.SecurityHklmOnly ? SettingLayer.MachinePreference : SettingLayer.UserPreference;
            operations.Add(new SetValueOperation(layer.Hive(), $@"{layer.BasePath()}\ZoneMap\Domains\{domain}\*", RegistryValue.DWord("https", 2)));
        }
    }
}
