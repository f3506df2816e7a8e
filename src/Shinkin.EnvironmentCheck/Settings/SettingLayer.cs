using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.Settings;

/// <summary>The four places Internet Explorer reads a setting from, in precedence order.</summary>
public enum SettingLayer
{
    MachinePolicy,
    UserPolicy,
    UserPreference,
    MachinePreference,
}

public static class SettingLayers
{
    /// <summary>HKLM policy &gt; HKCU policy &gt; HKCU preference &gt; HKLM preference.</summary>
    public static IReadOnlyList<SettingLayer> Precedence { get; } =
        [SettingLayer.MachinePolicy, SettingLayer.UserPolicy, SettingLayer.UserPreference, SettingLayer.MachinePreference];

    /// <summary>With Security_HKLM_only=1 only machine zone settings count.</summary>
    public static IReadOnlyList<SettingLayer> MachineOnly { get; } = [SettingLayer.MachinePolicy, SettingLayer.MachinePreference];

    public static RegistryHive Hive(this SettingLayer layer) =>
        layer is SettingLayer.MachinePolicy or SettingLayer.MachinePreference ? RegistryHive.LocalMachine : RegistryHive.CurrentUser;

    public static bool IsPolicy(this SettingLayer layer) => layer is SettingLayer.MachinePolicy or SettingLayer.UserPolicy;

    public static string BasePath(this SettingLayer layer) =>
        layer.IsPolicy() ? InternetSettingsPaths.Policy : InternetSettingsPaths.Preference;

    public static string JsonName(this SettingLayer layer) => layer switch
    {
        SettingLayer.MachinePolicy => "machinePolicy",
        SettingLayer.UserPolicy => "userPolicy",
        SettingLayer.UserPreference => "userPreference",
        SettingLayer.MachinePreference => "machinePreference",
        _ => throw new ArgumentOutOfRangeException(nameof(layer)),
    };

    public static string JapaneseName(this SettingLayer layer) => layer switch
    {
        SettingLayer.MachinePolicy => "コンピューターのポリシー (HKLM)",
        SettingLayer.UserPolicy => "ユーザーのポリシー (HKCU)",
        SettingLayer.UserPreference => "ユーザー設定 (HKCU)",
        SettingLayer.MachinePreference => "コンピューター設定 (HKLM)",
        _ => throw new ArgumentOutOfRangeException(nameof(layer)),
    };
}
