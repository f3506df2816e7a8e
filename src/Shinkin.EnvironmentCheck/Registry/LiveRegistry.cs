using System.Runtime.Versioning;
using Microsoft.Win32;

namespace Shinkin.EnvironmentCheck.Registry;

/// <summary>
/// The live Windows registry: a read-only copy of the keys the check needs, and (for the opt-in
/// <c>--apply</c>) writing fix operations. Everything else in this library works on snapshots, so
/// it runs anywhere; only this class needs Windows.
/// </summary>
public static class LiveRegistry
{
    public const string NotSupportedMessage =
        "The live registry can only be read on Windows. On this system pass one or more .reg exports instead " +
        "(on the customer PC: reg export \"HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\" hkcu.reg).";

    /// <summary>Copies the given keys (with their subtrees when <see cref="LiveRegistryRoot.Recursive"/>) into a snapshot, changing nothing.</summary>
    public static RegistrySnapshot Read(IEnumerable<LiveRegistryRoot> roots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (!OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(NotSupportedMessage);
        }

        var snapshot = new RegistrySnapshot();
        foreach (var (hive, path, recursive) in roots)
        {
            using var baseKey = OpenBase(hive);
            using var key = baseKey.OpenSubKey(path, writable: false);
            if (key is not null)
            {
                Copy(key, hive, path, recursive, snapshot, cancellationToken);
            }
        }

        snapshot.Sources.Add("live registry");
        return snapshot;
    }

    /// <summary>Writes the operations. HKLM changes need an elevated process; failures surface as exceptions.</summary>
    public static void Apply(IEnumerable<RegistryOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (!OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Applying registry changes is only possible on Windows; use --write-fix and import the .reg file on the PC instead.");
        }

        foreach (var operation in operations)
        {
            using var baseKey = OpenBase(operation.Hive);
            switch (operation)
            {
                case CreateKeyOperation create:
                    baseKey.CreateSubKey(create.KeyPath, writable: false)?.Dispose();
                    break;
                case SetValueOperation set:
                    {
                        using var key = baseKey.CreateSubKey(set.KeyPath, writable: true);
                        key.SetValue(set.Value.Name, ToNative(set.Value.Data), ToNativeKind(set.Value));
                        break;
                    }

                case DeleteValueOperation delete:
                    {
                        using var key = baseKey.OpenSubKey(delete.KeyPath, writable: true);
                        key?.DeleteValue(delete.ValueName, throwOnMissingValue: false);
                        break;
                    }

                case DeleteKeyOperation deleteKey:
                    baseKey.DeleteSubKeyTree(deleteKey.KeyPath, throwOnMissingSubKey: false);
                    break;
            }
        }
    }

    [SupportedOSPlatform("windows")]
    private static RegistryKey OpenBase(RegistryHive hive) => hive switch
    {
        RegistryHive.LocalMachine => RegistryKey.OpenBaseKey(Microsoft.Win32.RegistryHive.LocalMachine, RegistryView.Default),
        RegistryHive.CurrentUser => RegistryKey.OpenBaseKey(Microsoft.Win32.RegistryHive.CurrentUser, RegistryView.Default),
        RegistryHive.ClassesRoot => RegistryKey.OpenBaseKey(Microsoft.Win32.RegistryHive.ClassesRoot, RegistryView.Default),
        RegistryHive.Users => RegistryKey.OpenBaseKey(Microsoft.Win32.RegistryHive.Users, RegistryView.Default),
        RegistryHive.CurrentConfig => RegistryKey.OpenBaseKey(Microsoft.Win32.RegistryHive.CurrentConfig, RegistryView.Default),
        _ => throw new ArgumentOutOfRangeException(nameof(hive)),
    };

    [SupportedOSPlatform("windows")]
    private static void Copy(RegistryKey key, RegistryHive hive, string path, bool recursive, RegistrySnapshot snapshot, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        snapshot.CreateKey(hive, path);
        foreach (var name in key.GetValueNames())
        {
            var kind = key.GetValueKind(name);
            var data = key.GetValue(name, null, RegistryValueOptions.DoNotExpandEnvironmentNames);
            if (data is not null)
            {
                snapshot.SetValue(hive, path, FromNative(name, kind, data));
            }
        }

        if (!recursive)
        {
            return;
        }

        foreach (var subName in key.GetSubKeyNames())
        {
            using var sub = key.OpenSubKey(subName, writable: false);
            if (sub is not null)
            {
                Copy(sub, hive, path + "\\" + subName, recursive, snapshot, cancellationToken);
            }
        }
    }

    [SupportedOSPlatform("windows")]
    private static RegistryValue FromNative(string name, RegistryValueKind kind, object data) => (kind, data) switch
    {
        (RegistryValueKind.DWord, int i) => RegistryValue.DWord(name, unchecked((uint)i)),
        (RegistryValueKind.QWord, long l) => RegistryValue.QWord(name, unchecked((ulong)l)),
        (RegistryValueKind.String, string s) => RegistryValue.String(name, s),
        (RegistryValueKind.ExpandString, string s) => RegistryValue.ExpandString(name, s),
        (RegistryValueKind.MultiString, string[] m) => RegistryValue.MultiString(name, m),
        (RegistryValueKind.Binary, byte[] b) => RegistryValue.Binary(name, b),
        (_, byte[] b) => RegistryValue.Raw(name, 0, b),
        _ => RegistryValue.String(name, data.ToString() ?? string.Empty),
    };

    private static object ToNative(object data) => data switch
    {
        uint u => unchecked((int)u),
        ulong q => unchecked((long)q),
        _ => data,
    };

    [SupportedOSPlatform("windows")]
    private static RegistryValueKind ToNativeKind(RegistryValue value) => value.Type switch
    {
        RegistryValueType.DWord => RegistryValueKind.DWord,
        RegistryValueType.QWord => RegistryValueKind.QWord,
        RegistryValueType.String => RegistryValueKind.String,
        RegistryValueType.ExpandString => RegistryValueKind.ExpandString,
        RegistryValueType.MultiString => RegistryValueKind.MultiString,
        RegistryValueType.Binary => RegistryValueKind.Binary,
        _ => RegistryValueKind.None,
    };
}

/// <summary>A key to copy from the live registry.</summary>
public sealed record LiveRegistryRoot(RegistryHive Hive, string Path, bool Recursive);
