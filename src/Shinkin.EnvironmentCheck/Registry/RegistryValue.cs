using System.Globalization;

namespace Shinkin.EnvironmentCheck.Registry;

/// <summary>Registry value types as a .reg file spells them (hex(n) codes).</summary>
public enum RegistryValueType
{
    None = 0,
    String = 1,
    ExpandString = 2,
    Binary = 3,
    DWord = 4,
    DWordBigEndian = 5,
    MultiString = 7,
    QWord = 11,
}

/// <summary>Where a value was read from, so a report can point at the exact line of an export.</summary>
public sealed record ValueOrigin(string File, int Line)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}");
}

/// <summary>
/// One registry value. <see cref="Data"/> is a string (String, ExpandString), string[] (MultiString),
/// uint (DWord), ulong (QWord) or byte[] (everything else, including unknown hex(n) types).
/// </summary>
public sealed class RegistryValue
{
    private RegistryValue(string name, RegistryValueType type, int typeCode, object data, ValueOrigin? origin)
    {
        Name = name;
        Type = type;
        TypeCode = typeCode;
        Data = data;
        Origin = origin;
    }

    /// <summary>Value name; the empty string is the key's default value (<c>@</c>).</summary>
    public string Name { get; }

    public RegistryValueType Type { get; }

    /// <summary>The raw hex(n) type code; differs from <see cref="Type"/> only for types this model does not name.</summary>
    public int TypeCode { get; }

    public object Data { get; }

    public ValueOrigin? Origin { get; }

    public bool IsDefault => Name.Length == 0;

    public static RegistryValue DWord(string name, uint data, ValueOrigin? origin = null) =>
        new(name, RegistryValueType.DWord, (int)RegistryValueType.DWord, data, origin);

    public static RegistryValue QWord(string name, ulong data, ValueOrigin? origin = null) =>
        new(name, RegistryValueType.QWord, (int)RegistryValueType.QWord, data, origin);

    public static RegistryValue String(string name, string data, ValueOrigin? origin = null) =>
        new(name, RegistryValueType.String, (int)RegistryValueType.String, data, origin);

    public static RegistryValue ExpandString(string name, string data, ValueOrigin? origin = null) =>
        new(name, RegistryValueType.ExpandString, (int)RegistryValueType.ExpandString, data, origin);

    public static RegistryValue MultiString(string name, IReadOnlyList<string> data, ValueOrigin? origin = null) =>
        new(name, RegistryValueType.MultiString, (int)RegistryValueType.MultiString, data.ToArray(), origin);

    public static RegistryValue Binary(string name, byte[] data, ValueOrigin? origin = null) =>
        new(name, RegistryValueType.Binary, (int)RegistryValueType.Binary, data.ToArray(), origin);

    /// <summary>Raw bytes with an arbitrary hex(n) type code (REG_NONE, REG_DWORD_BIG_ENDIAN, REG_LINK, ...).</summary>
    public static RegistryValue Raw(string name, int typeCode, byte[] data, ValueOrigin? origin = null)
    {
        var type = Enum.IsDefined(typeof(RegistryValueType), typeCode) ? (RegistryValueType)typeCode : RegistryValueType.Binary;
        return new(name, type, typeCode, data.ToArray(), origin);
    }

    public RegistryValue WithOrigin(ValueOrigin? origin) => new(Name, Type, TypeCode, Data, origin);

    /// <summary>
    /// The value as a number the way Internet Explorer reads its settings: a DWORD, a 4-byte binary
    /// (older IE wrote some flags that way) or, for ZoneMapKey policy entries, a decimal string.
    /// </summary>
    public uint? AsNumber() => Data switch
    {
        uint u => u,
        ulong q when q <= uint.MaxValue => (uint)q,
        byte[] { Length: 4 } b when Type == RegistryValueType.Binary => BitConverter.ToUInt32(b, 0),
        string s when uint.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>Text for reports: decimal and hex for numbers, the string itself for strings.</summary>
    public string Display() => Data switch
    {
        uint u => string.Create(CultureInfo.InvariantCulture, $"{u} (0x{u:x8})"),
        ulong q => string.Create(CultureInfo.InvariantCulture, $"{q} (0x{q:x16})"),
        string s => $"\"{s}\"",
        string[] m => string.Join(" | ", m.Select(x => $"\"{x}\"")),
        byte[] b => "hex:" + Convert.ToHexString(b).ToLowerInvariant(),
        _ => Data.ToString() ?? string.Empty,
    };

    public bool DataEquals(RegistryValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (TypeCode != other.TypeCode)
        {
            return false;
        }

        return (Data, other.Data) switch
        {
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            (string[] a, string[] b) => a.SequenceEqual(b, StringComparer.Ordinal),
            _ => Equals(Data, other.Data),
        };
    }
}
