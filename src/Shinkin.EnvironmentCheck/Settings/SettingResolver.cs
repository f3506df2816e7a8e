using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.Settings;

/// <summary>Applies Internet Explorer's precedence rules to a snapshot.</summary>
public sealed class SettingResolver(RegistrySnapshot snapshot)
{
    public RegistrySnapshot Snapshot { get; } = snapshot;

    /// <summary>Security_HKLM_only=1 in the HKLM policy key.</summary>
    public bool SecurityHklmOnly =>
        Snapshot.GetValue(RegistryHive.LocalMachine, InternetSettingsPaths.Policy, InternetSettingsPaths.SecurityHklmOnly)?.AsNumber() == 1;

    /// <summary>
    /// Resolves a value below Internet Settings (<paramref name="relativeKey"/> may be empty).
    /// Zone settings honour Security_HKLM_only; other settings use the plain four-layer order.
    /// </summary>
    public EffectiveSetting Resolve(string relativeKey, string valueName, bool isZoneSetting = false)
    {
        var machineOnly = isZoneSetting && SecurityHklmOnly;
        var order = machineOnly ? SettingLayers.MachineOnly : SettingLayers.Precedence;
        SettingSource? winner = null;
        var overridden = new List<OverriddenValue>();
        foreach (var layer in SettingLayers.Precedence)
        {
            var source = Find(layer, relativeKey, valueName);
            if (source is null)
            {
                continue;
            }

            if (!order.Contains(layer))
            {
                overridden.Add(new OverriddenValue(source, "Security_HKLM_only=1 のため、ユーザー (HKCU) のゾーン設定は使われません (画面には表示されます)"));
            }
            else if (winner is null)
            {
                winner = source;
            }
            else
            {
                overridden.Add(new OverriddenValue(source, $"{winner.Layer.JapaneseName()} の値が優先されます"));
            }
        }

        return new EffectiveSetting(winner, overridden);
    }

    public SettingSource? Find(SettingLayer layer, string relativeKey, string valueName)
    {
        var key = Combine(layer.BasePath(), relativeKey);
        var value = Snapshot.GetValue(layer.Hive(), key, valueName);
        return value is null ? null : new SettingSource(layer, key, valueName, value);
    }

    public static string Combine(string basePath, string relativeKey) =>
        relativeKey.Length == 0 ? basePath : basePath + "\\" + relativeKey;
}
