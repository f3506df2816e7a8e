namespace Shinkin.EnvironmentCheck.Registry;

/// <summary>One change a .reg file (or an apply on Windows) makes.</summary>
public abstract record RegistryOperation(RegistryHive Hive, string KeyPath);

public sealed record CreateKeyOperation(RegistryHive Hive, string KeyPath) : RegistryOperation(Hive, KeyPath);

public sealed record SetValueOperation(RegistryHive Hive, string KeyPath, RegistryValue Value) : RegistryOperation(Hive, KeyPath);

public sealed record DeleteValueOperation(RegistryHive Hive, string KeyPath, string ValueName) : RegistryOperation(Hive, KeyPath);

public sealed record DeleteKeyOperation(RegistryHive Hive, string KeyPath) : RegistryOperation(Hive, KeyPath);

public static class RegistryOperationExtensions
{
    /// <summary>Applies the operations to a snapshot, exactly as importing the .reg would.</summary>
    public static void ApplyTo(this IEnumerable<RegistryOperation> operations, RegistrySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateKeyOperation create:
                    snapshot.CreateKey(create.Hive, create.KeyPath);
                    break;
                case SetValueOperation set:
                    snapshot.SetValue(set.Hive, set.KeyPath, set.Value);
                    break;
                case DeleteValueOperation delete:
                    snapshot.DeleteValue(delete.Hive, delete.KeyPath, delete.ValueName);
                    break;
                case DeleteKeyOperation deleteKey:
                    snapshot.DeleteKeyTree(deleteKey.Hive, deleteKey.KeyPath);
                    break;
                default:
                    throw new ArgumentException($"Unknown operation {operation.GetType().Name}", nameof(operations));
            }
        }
    }
}
