namespace Shinkin.EnvironmentCheck.Registry;

public enum RegistryHive
{
    LocalMachine,
    CurrentUser,
    ClassesRoot,
    Users,
    CurrentConfig,
}

public static class RegistryHiveNames
{
    private static readonly Dictionary<string, RegistryHive> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HKEY_LOCAL_MACHINE"] = RegistryHive.LocalMachine,
        ["HKLM"] = RegistryHive.LocalMachine,
        ["HKEY_CURRENT_USER"] = RegistryHive.CurrentUser,
        ["HKCU"] = RegistryHive.CurrentUser,
        ["HKEY_CLASSES_ROOT"] = RegistryHive.ClassesRoot,
        ["HKCR"] = RegistryHive.ClassesRoot,
        ["HKEY_USERS"] = RegistryHive.Users,
        ["HKU"] = RegistryHive.Users,
        ["HKEY_CURRENT_CONFIG"] = RegistryHive.CurrentConfig,
        ["HKCC"] = RegistryHive.CurrentConfig,
    };

    public static bool TryParse(string name, out RegistryHive hive) => ByName.TryGetValue(name, out hive);

    public static string ShortName(RegistryHive hive) => hive switch
    {
        RegistryHive.LocalMachine => "HKLM",
        RegistryHive.CurrentUser => "HKCU",
        RegistryHive.ClassesRoot => "HKCR",
        RegistryHive.Users => "HKU",
        RegistryHive.CurrentConfig => "HKCC",
        _ => throw new ArgumentOutOfRangeException(nameof(hive)),
    };

    public static string LongName(RegistryHive hive) => hive switch
    {
        RegistryHive.LocalMachine => "HKEY_LOCAL_MACHINE",
        RegistryHive.CurrentUser => "HKEY_CURRENT_USER",
        RegistryHive.ClassesRoot => "HKEY_CLASSES_ROOT",
        RegistryHive.Users => "HKEY_USERS",
        RegistryHive.CurrentConfig => "HKEY_CURRENT_CONFIG",
        _ => throw new ArgumentOutOfRangeException(nameof(hive)),
    };
}
