namespace Shinkin.EnvironmentCheck.Registry;

/// <summary>
/// An in-memory copy of registry keys and values, built from one or more .reg files (later files win)
/// or from the live registry. Key paths and value names are case-insensitive, as in Windows.
/// </summary>
public sealed class RegistrySnapshot
{
    private readonly Dictionary<string, KeyNode> _keys = new(StringComparer.OrdinalIgnoreCase);

    // The same ids in order, so the keys below one key are a range (scanning every key per lookup made
    // the zone-map walk quadratic: 16,000 domain keys took over a minute).
    private readonly SortedSet<string> _ordered = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The files (or "live registry") this snapshot was built from, in order.</summary>
    public IList<string> Sources { get; } = new List<string>();

    public int KeyCount => _keys.Count;

    public void CreateKey(RegistryHive hive, string path) => GetOrCreate(hive, path);

    public void SetValue(RegistryHive hive, string path, RegistryValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        GetOrCreate(hive, path).Values[value.Name] = value;
    }

    public bool DeleteValue(RegistryHive hive, string path, string name) =>
        _keys.TryGetValue(Id(hive, path), out var node) && node.Values.Remove(name);

    /// <summary>Deletes the key and every key below it, as <c>[-KEY]</c> does.</summary>
    public void DeleteKeyTree(RegistryHive hive, string path)
    {
        var id = Id(hive, path);
        foreach (var key in Below(id).Append(id).ToList())
        {
            _keys.Remove(key);
            _ordered.Remove(key);
        }
    }

    public bool KeyExists(RegistryHive hive, string path)
    {
        var id = Id(hive, path);
        return _keys.ContainsKey(id) || Below(id).Any();
    }

    public RegistryValue? GetValue(RegistryHive hive, string path, string name) =>
        _keys.TryGetValue(Id(hive, path), out var node) && node.Values.TryGetValue(name, out var value) ? value : null;

    public IReadOnlyList<RegistryValue> GetValues(RegistryHive hive, string path) =>
        _keys.TryGetValue(Id(hive, path), out var node)
            ? node.Values.Values.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList()
            : [];

    /// <summary>Names of the direct subkeys, including ones that exist only as parents of deeper keys.</summary>
    public IReadOnlyList<string> GetSubKeyNames(RegistryHive hive, string path)
    {
        var id = Id(hive, path);
        return Below(id)
            .Select(k => k[(id.Length + 1)..].Split('\\')[0])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Every key with its values, ordered by hive and path (the order an export uses).</summary>
    public IEnumerable<(RegistryHive Hive, string Path, IReadOnlyList<RegistryValue> Values)> EnumerateKeys() =>
        _keys.Values
            .OrderBy(n => n.Hive)
            .ThenBy(n => n.Path, StringComparer.OrdinalIgnoreCase)
            .Select(n => (n.Hive, n.Path, (IReadOnlyList<RegistryValue>)n.Values.Values.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).ToList()));

    public static string NormalizePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join('\\', path.Split('\\', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Id(RegistryHive hive, string path)
    {
        var normalized = NormalizePath(path);
        return normalized.Length == 0 ? RegistryHiveNames.ShortName(hive) : RegistryHiveNames.ShortName(hive) + "\\" + normalized;
    }

    /// <summary>Ids of every key below <paramref name="id"/>: the range from "id\" to "id]" (']' follows '\'), less "id]" itself.</summary>
    private IEnumerable<string> Below(string id) =>
        _ordered.GetViewBetween(id + "\\", id + "]").Where(k => k[id.Length] == '\\');

    private KeyNode GetOrCreate(RegistryHive hive, string path)
    {
        var id = Id(hive, path);
        if (!_keys.TryGetValue(id, out var node))
        {
            node = new KeyNode(hive, NormalizePath(path));
            _keys[id] = node;
            _ordered.Add(id);
        }

        return node;
    }

    private sealed class KeyNode(RegistryHive hive, string path)
    {
        public RegistryHive Hive { get; } = hive;

        public string Path { get; } = path;

        public Dictionary<string, RegistryValue> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
