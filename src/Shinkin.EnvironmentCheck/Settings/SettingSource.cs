using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.Settings;

/// <summary>A registry value that took part in deciding a setting: which layer, key and value name.</summary>
public sealed record SettingSource(SettingLayer Layer, string KeyPath, string ValueName, RegistryValue Value)
{
    public RegistryHive Hive => Layer.Hive();

    /// <summary>e.g. <c>HKCU\Software\...\Internet Settings\Zones\2 : 2500</c>; the default value shows as <c>(既定)</c>.</summary>
    public string Location =>
        $"{RegistryHiveNames.ShortName(Hive)}\\{KeyPath} : {(ValueName.Length == 0 ? "(既定)" : ValueName)}";

    public override string ToString() => Location;
}

/// <summary>A value that exists but lost to a higher-precedence one, and why.</summary>
public sealed record OverriddenValue(SettingSource Source, string Reason);

/// <summary>The value that wins for one setting, plus everything it overrode.</summary>
public sealed record EffectiveSetting(SettingSource? Winner, IReadOnlyList<OverriddenValue> Overridden)
{
    public uint? Number => Winner?.Value.AsNumber();
}
