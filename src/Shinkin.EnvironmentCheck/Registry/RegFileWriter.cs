using System.Globalization;
using System.Text;

namespace Shinkin.EnvironmentCheck.Registry;

/// <summary>
/// Writes "Windows Registry Editor Version 5.00" files the way regedit does: UTF-16LE with BOM,
/// CRLF line ends, long hex data wrapped with backslash continuations.
/// </summary>
public static class RegFileWriter
{
    private const int WrapColumn = 76;

    /// <summary>The file text. Operations on the same key are grouped under one key line, in first-seen order.</summary>
    public static string Write(IEnumerable<RegistryOperation> operations, IEnumerable<string>? commentLines = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var builder = new StringBuilder();
        builder.Append(RegFileReader.Version5Header).Append("\r\n");
        foreach (var comment in commentLines ?? [])
        {
            builder.Append("; ").Append(comment).Append("\r\n");
        }

        string? currentKey = null;
        foreach (var operation in operations)
        {
            var keyName = RegistryHiveNames.LongName(operation.Hive) + Suffix(operation.KeyPath);
            if (operation is DeleteKeyOperation)
            {
                builder.Append("\r\n[-").Append(keyName).Append("]\r\n");
                currentKey = null;
                continue;
            }

            if (!keyName.Equals(currentKey, StringComparison.OrdinalIgnoreCase))
            {
                builder.Append("\r\n[").Append(keyName).Append("]\r\n");
                currentKey = keyName;
            }

            switch (operation)
            {
                case SetValueOperation set:
                    builder.Append(FormatValue(set.Value)).Append("\r\n");
                    break;
                case DeleteValueOperation delete:
                    builder.Append(FormatName(delete.ValueName)).Append("=-\r\n");
                    break;
            }
        }

        builder.Append("\r\n");
        return builder.ToString();
    }

    /// <summary>Every value of every key in the snapshot, as an export of those keys.</summary>
    public static string Export(RegistrySnapshot snapshot, IEnumerable<string>? commentLines = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var operations = new List<RegistryOperation>();
        foreach (var (hive, path, values) in snapshot.EnumerateKeys())
        {
            // An empty key still has to appear so the import recreates it.
            operations.Add(new CreateKeyOperation(hive, path));
            operations.AddRange(values.Select(v => new SetValueOperation(hive, path, v)));
        }

        return Write(operations, commentLines);
    }

    public static async Task WriteFileAsync(string path, string content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllBytesAsync(path, Encode(content), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>UTF-16LE with BOM: the only encoding regedit imports for version 5.00 files without surprises.</summary>
    public static byte[] Encode(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var preamble = Encoding.Unicode.GetPreamble();
        var body = Encoding.Unicode.GetBytes(content);
        return [.. preamble, .. body];
    }

    public static string FormatValue(RegistryValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var prefix = FormatName(value.Name) + "=";
        return value.Data switch
        {
            uint dword when value.Type == RegistryValueType.DWord => prefix + "dword:" + dword.ToString("x8", CultureInfo.InvariantCulture),
            ulong qword => Hex(prefix, "hex(b):", BitConverter.GetBytes(qword)),
            string text when value.Type == RegistryValueType.String && !text.Contains('\0', StringComparison.Ordinal)
                && !text.Contains('\n', StringComparison.Ordinal) && !text.Contains('\r', StringComparison.Ordinal) => prefix + Quote(text),
            string text when value.Type == RegistryValueType.String => Hex(prefix, "hex(1):", Encoding.Unicode.GetBytes(text + "\0")),
            string text => Hex(prefix, "hex(2):", Encoding.Unicode.GetBytes(text + "\0")),
            string[] items => Hex(prefix, "hex(7):", Encoding.Unicode.GetBytes(string.Concat(items.Select(i => i + "\0")) + "\0")),
            byte[] bytes when value.TypeCode == (int)RegistryValueType.Binary => Hex(prefix, "hex:", bytes),
            byte[] bytes => Hex(prefix, string.Create(CultureInfo.InvariantCulture, $"hex({value.TypeCode:x}):"), bytes),
            _ => throw new ArgumentException($"Cannot write value data of type {value.Data.GetType().Name}", nameof(value)),
        };
    }

    private static string FormatName(string name) => name.Length == 0 ? "@" : Quote(name);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Suffix(string path)
    {
        var normalized = RegistrySnapshot.NormalizePath(path);
        return normalized.Length == 0 ? string.Empty : "\\" + normalized;
    }

    private static string Hex(string prefix, string type, byte[] bytes)
    {
        var builder = new StringBuilder(prefix).Append(type);
        var column = builder.Length;
        for (var i = 0; i < bytes.Length; i++)
        {
            var item = bytes[i].ToString("x2", CultureInfo.InvariantCulture) + (i < bytes.Length - 1 ? "," : string.Empty);
            if (column + item.Length > WrapColumn && i < bytes.Length - 1)
            {
                builder.Append("\\\r\n  ");
                column = 2;
            }

            builder.Append(item);
            column += item.Length;
        }

        return builder.ToString();
    }
}
