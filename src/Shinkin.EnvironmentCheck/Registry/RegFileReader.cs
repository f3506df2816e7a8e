using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Shinkin.EnvironmentCheck.Registry;

/// <summary>
/// Reads registry export files (.reg) into a <see cref="RegistrySnapshot"/>: "Windows Registry Editor
/// Version 5.00" (UTF-16LE with BOM as <c>reg export</c> writes it, or UTF-8) and "REGEDIT4" (ANSI).
/// </summary>
public static class RegFileReader
{
    public const string Version5Header = "Windows Registry Editor Version 5.00";
    public const string Regedit4Header = "REGEDIT4";

    private const int ShiftJisCodePage = 932;

    /// <summary>Reads several exports into one snapshot; a later file overrides an earlier one, as importing them in order would.</summary>
    public static async Task<RegistrySnapshot> ReadFilesAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var snapshot = new RegistrySnapshot();
        foreach (var path in paths)
        {
            await ReadFileIntoAsync(path, snapshot, cancellationToken).ConfigureAwait(false);
        }

        return snapshot;
    }

    public static async Task ReadFileIntoAsync(string path, RegistrySnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(snapshot);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var fileName = Path.GetFileName(path);
        Apply(Decode(bytes, fileName), fileName, snapshot);
        snapshot.Sources.Add(path);
    }

    public static RegistrySnapshot Parse(string text, string fileName)
    {
        var snapshot = new RegistrySnapshot();
        Apply(text, fileName, snapshot);
        snapshot.Sources.Add(fileName);
        return snapshot;
    }

    /// <inheritdoc cref="Decode(byte[], string)"/>
    public static string Decode(byte[] bytes) => Decode(bytes, "(input)");

    /// <summary>
    /// Turns file bytes into text: a BOM decides (UTF-16LE, UTF-16BE, UTF-8); without one, UTF-16LE is
    /// recognised by its zero high bytes, valid UTF-8 is taken as such, anything else is Shift_JIS,
    /// the ANSI code page a Japanese Windows writes REGEDIT4 files in.
    /// Bytes that contradict the chosen encoding (invalid UTF-8 after a UTF-8 BOM, an odd number of
    /// bytes in UTF-16) throw <see cref="RegFileFormatException"/> naming the line they are on. Unpaired
    /// surrogates in UTF-16 become U+FFFD: registry names may hold them, and regedit exports them as they are.
    /// </summary>
    public static string Decode(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(fileName);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return DecodeUtf16(bytes.AsSpan(2), bigEndian: false, fileName);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return DecodeUtf16(bytes.AsSpan(2), bigEndian: true, fileName);
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return DecodeStrictUtf8(bytes.AsSpan(3), fileName);
        }

        if (bytes.Length >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0)
        {
            return DecodeUtf16(bytes, bigEndian: false, fileName);
        }

        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : AnsiEncoding().GetString(bytes);
    }

    private static string DecodeStrictUtf8(ReadOnlySpan<byte> bytes, string fileName)
    {
        // UTF-8 never needs more UTF-16 code units than it has bytes.
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, charsWritten);
        }

        // InvalidData, or NeedMoreData for a sequence cut off by the end of the file.
        Rune.DecodeFromUtf8(bytes[bytesRead..], out _, out var invalidLength);
        var invalid = bytes.Slice(bytesRead, Math.Max(1, invalidLength));
        throw new RegFileFormatException(fileName, LineOf(chars.AsSpan(0, charsWritten)),
            "UTF-8 text (the file starts with the UTF-8 byte order mark EF BB BF)",
            string.Create(CultureInfo.InvariantCulture, $"invalid byte{(invalid.Length == 1 ? string.Empty : "s")} {Convert.ToHexString(invalid)} at byte offset {bytesRead + 3}"));
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, bool bigEndian, string fileName)
    {
        var encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        var text = encoding.GetString(bytes[..(bytes.Length & ~1)]);
        if (bytes.Length % 2 != 0)
        {
            throw new RegFileFormatException(fileName, LineOf(text),
                $"an even number of bytes ({(bigEndian ? "UTF-16BE" : "UTF-16LE")} text, 2 bytes a character)",
                string.Create(CultureInfo.InvariantCulture, $"{bytes.Length} bytes after the byte order mark; the last character is cut off (truncated file?)"));
        }

        return text;
    }

    /// <summary>The 1-based line the end of <paramref name="text"/> is on, counting line breaks as the parser does (CRLF, CR, LF).</summary>
    private static int LineOf(ReadOnlySpan<char> text)
    {
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>Applies one file's text to the snapshot. Throws <see cref="RegFileFormatException"/> on the first malformed line.</summary>
    public static void Apply(string text, string fileName, RegistrySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(snapshot);
        new Parser(text, fileName, snapshot).Run();
    }

    internal static Encoding AnsiEncoding() =>
        CodePagesEncodingProvider.Instance.GetEncoding(ShiftJisCodePage) ?? Encoding.Latin1;

    private sealed class Parser(string text, string fileName, RegistrySnapshot snapshot)
    {
        private readonly string[] _lines = text.TrimStart('\uFEFF').Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
        private bool _unicode;
        private (RegistryHive Hive, string Path)? _currentKey;
        private bool _insideDeletedKey;

        public void Run()
        {
            var headerSeen = false;
            var index = 0;
            while (index < _lines.Length)
            {
                var lineNumber = index + 1;
                var line = _lines[index].Trim();
                index++;
                if (line.Length == 0)
                {
                    continue;
                }

                if (!headerSeen)
                {
                    ReadHeader(line, lineNumber);
                    headerSeen = true;
                    continue;
                }

                if (line[0] == ';')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    ReadKeyLine(line, lineNumber);
                    continue;
                }

                // A value's data may run over several physical lines, each ending in a backslash.
                // Joined in one builder: concatenating line by line copied the data so far each time (quadratic).
                if (line.EndsWith('\\'))
                {
                    var joined = new StringBuilder(line, 0, line.Length - 1, line.Length * 4);
                    while (true)
                    {
                        var next = index < _lines.Length ? _lines[index].Trim() : string.Empty;
                        if (next.Length == 0)
                        {
                            throw Error(lineNumber, "another line of data after the '\\' line continuation", index >= _lines.Length ? "end of file" : "an empty line");
                        }

                        index++;
                        if (!next.EndsWith('\\'))
                        {
                            joined.Append(next);
                            break;
                        }

                        joined.Append(next, 0, next.Length - 1);
                    }

                    line = joined.ToString();
                }

                ReadValueLine(line, lineNumber);
            }

            if (!headerSeen)
            {
                throw Error(1, $"the header '{Version5Header}' or '{Regedit4Header}'", "end of file");
            }
        }

        private void ReadHeader(string line, int lineNumber)
        {
            if (line.Equals(Version5Header, StringComparison.OrdinalIgnoreCase))
            {
                _unicode = true;
            }
            else if (line.Equals(Regedit4Header, StringComparison.OrdinalIgnoreCase))
            {
                _unicode = false;
            }
            else
            {
                throw Error(lineNumber, $"the header '{Version5Header}' or '{Regedit4Header}'", line);
            }
        }

        private void ReadKeyLine(string line, int lineNumber)
        {
            if (!line.EndsWith(']'))
            {
                throw Error(lineNumber, "']' at the end of the key line", line);
            }

            var inner = line[1..^1].Trim();
            var deleting = inner.StartsWith('-');
            if (deleting)
            {
                inner = inner[1..];
            }

            var separator = inner.IndexOf('\\', StringComparison.Ordinal);
            var hiveName = separator < 0 ? inner : inner[..separator];
            var path = separator < 0 ? string.Empty : inner[(separator + 1)..];
            if (!RegistryHiveNames.TryParse(hiveName, out var hive))
            {
                throw Error(lineNumber, "a hive name (HKEY_LOCAL_MACHINE/HKLM, HKEY_CURRENT_USER/HKCU, HKEY_CLASSES_ROOT/HKCR, HKEY_USERS/HKU, HKEY_CURRENT_CONFIG/HKCC)", hiveName);
            }

            if (deleting)
            {
                snapshot.DeleteKeyTree(hive, path);
                _currentKey = null;
                _insideDeletedKey = true;
                return;
            }

            snapshot.CreateKey(hive, path);
            _currentKey = (hive, path);
            _insideDeletedKey = false;
        }

        private void ReadValueLine(string line, int lineNumber)
        {
            var position = 0;
            string name;
            if (line[0] == '@')
            {
                name = string.Empty;
                position = 1;
            }
            else if (line[0] == '"')
            {
                name = ReadQuoted(line, ref position, lineNumber, "value name");
            }
            else
            {
                throw Error(lineNumber, "a key line '[...]', a value line starting with '\"' or '@', or a ';' comment", line);
            }

            SkipSpaces(line, ref position);
            if (position >= line.Length || line[position] != '=')
            {
                throw Error(lineNumber, "'=' after the value name", position >= line.Length ? "end of line" : line[position..]);
            }

            position++;
            SkipSpaces(line, ref position);

            if (_currentKey is not { } key)
            {
                if (_insideDeletedKey)
                {
                    // regedit ignores values listed under a key it has just deleted.
                    return;
                }

                throw Error(lineNumber, "a key line '[...]' before the first value", line);
            }

            var origin = new ValueOrigin(fileName, lineNumber);
            var data = line[position..];
            if (data.Length == 0)
            {
                throw Error(lineNumber, "value data: a quoted string, dword:, hex:, hex(n): or - (delete)", "end of line");
            }

            if (data[0] == '-' && IsRestEmpty(data, 1))
            {
                snapshot.DeleteValue(key.Hive, key.Path, name);
                return;
            }

            snapshot.SetValue(key.Hive, key.Path, ReadData(name, data, lineNumber, origin));
        }

        private RegistryValue ReadData(string name, string data, int lineNumber, ValueOrigin origin)
        {
            if (data[0] == '"')
            {
                var position = 0;
                var value = ReadQuoted(data, ref position, lineNumber, "string data");
                RequireRestEmpty(data, position, lineNumber);
                return RegistryValue.String(name, value, origin);
            }

            if (data.StartsWith("dword:", StringComparison.OrdinalIgnoreCase))
            {
                var digits = StripComment(data[6..]);
                if (digits.Length is 0 or > 8 || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var number))
                {
                    throw Error(lineNumber, "1 to 8 hexadecimal digits after 'dword:'", digits.Length == 0 ? "nothing" : digits);
                }

                return RegistryValue.DWord(name, number, origin);
            }

            if (data.StartsWith("hex", StringComparison.OrdinalIgnoreCase))
            {
                return ReadHex(name, data, lineNumber, origin);
            }

            throw Error(lineNumber, "value data: a quoted string, dword:, hex:, hex(n): or - (delete)", data);
        }

        private RegistryValue ReadHex(string name, string data, int lineNumber, ValueOrigin origin)
        {
            var typeCode = (int)RegistryValueType.Binary;
            int colon;
            if (data.Length > 3 && data[3] == '(')
            {
                var close = data.IndexOf(')', StringComparison.Ordinal);
                if (close < 0 || close + 1 >= data.Length || data[close + 1] != ':'
                    || !int.TryParse(data[4..close], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out typeCode))
                {
                    throw Error(lineNumber, "'hex(n):' with a hexadecimal type number n", data);
                }

                colon = close + 1;
            }
            else if (data.Length > 3 && data[3] == ':')
            {
                colon = 3;
            }
            else
            {
                throw Error(lineNumber, "'hex:' or 'hex(n):'", data);
            }

            var bytes = ReadBytes(StripComment(data[(colon + 1)..]), lineNumber);
            switch ((RegistryValueType)typeCode)
            {
                case RegistryValueType.String:
                    return RegistryValue.String(name, TrimTerminator(DecodeText(bytes, lineNumber, "hex(1)")), origin);
                case RegistryValueType.ExpandString:
                    return RegistryValue.ExpandString(name, TrimTerminator(DecodeText(bytes, lineNumber, "hex(2)")), origin);
                case RegistryValueType.MultiString:
                    return RegistryValue.MultiString(name, SplitMulti(DecodeText(bytes, lineNumber, "hex(7)")), origin);
                case RegistryValueType.DWord:
                    if (bytes.Length != 4)
                    {
                        throw Error(lineNumber, "exactly 4 bytes for hex(4) (REG_DWORD)", bytes.Length.ToString(CultureInfo.InvariantCulture) + " bytes");
                    }

                    return RegistryValue.DWord(name, BitConverter.ToUInt32(bytes, 0), origin);
                case RegistryValueType.QWord:
                    if (bytes.Length != 8)
                    {
                        throw Error(lineNumber, "exactly 8 bytes for hex(b) (REG_QWORD)", bytes.Length.ToString(CultureInfo.InvariantCulture) + " bytes");
                    }

                    return RegistryValue.QWord(name, BitConverter.ToUInt64(bytes, 0), origin);
                case RegistryValueType.Binary:
                    return RegistryValue.Binary(name, bytes, origin);
                default:
                    return RegistryValue.Raw(name, typeCode, bytes, origin);
            }
        }

        private byte[] ReadBytes(string list, int lineNumber)
        {
            if (list.Length == 0)
            {
                return [];
            }

            var parts = list.Split(',');
            var bytes = new byte[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                var part = parts[i].Trim();
                if (part.Length is 0 or > 2 || !byte.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
                {
                    throw Error(lineNumber, "comma-separated two-digit hexadecimal bytes", part.Length == 0 ? "an empty byte" : part);
                }
            }

            return bytes;
        }

        private string DecodeText(byte[] bytes, int lineNumber, string type)
        {
            if (!_unicode)
            {
                return AnsiEncoding().GetString(bytes);
            }

            if (bytes.Length % 2 != 0)
            {
                throw Error(lineNumber, $"an even number of bytes for {type} (UTF-16LE text)", bytes.Length.ToString(CultureInfo.InvariantCulture) + " bytes");
            }

            return Encoding.Unicode.GetString(bytes);
        }

        private static string TrimTerminator(string text)
        {
            var end = text.IndexOf('\0', StringComparison.Ordinal);
            return end < 0 ? text : text[..end];
        }

        private static string[] SplitMulti(string text)
        {
            // REG_MULTI_SZ is "a\0b\0\0": the final empty strings are terminators, not items.
            var items = text.Split('\0').ToList();
            while (items.Count > 0 && items[^1].Length == 0)
            {
                items.RemoveAt(items.Count - 1);
            }

            return [.. items];
        }

        private string ReadQuoted(string line, ref int position, int lineNumber, string what)
        {
            var builder = new StringBuilder();
            position++;
            while (position < line.Length)
            {
                var c = line[position];
                if (c == '"')
                {
                    position++;
                    return builder.ToString();
                }

                if (c == '\\')
                {
                    if (position + 1 >= line.Length)
                    {
                        break;
                    }

                    var escaped = line[position + 1];
                    builder.Append(escaped switch
                    {
                        '\\' => '\\',
                        '"' => '"',
                        'n' => '\n',
                        'r' => '\r',
                        '0' => '\0',
                        _ => throw Error(lineNumber, $"an escape sequence (\\\\, \\\", \\n, \\r or \\0) in the {what}", "\\" + escaped),
                    });
                    position += 2;
                    continue;
                }

                builder.Append(c);
                position++;
            }

            throw Error(lineNumber, $"a closing '\"' for the {what}", line);
        }

        private void RequireRestEmpty(string data, int position, int lineNumber)
        {
            if (!IsRestEmpty(data, position))
            {
                throw Error(lineNumber, "the end of the line (or a ';' comment) after the value", data[position..].Trim());
            }
        }

        private static bool IsRestEmpty(string data, int position)
        {
            var rest = data[position..].Trim();
            return rest.Length == 0 || rest[0] == ';';
        }

        private static string StripComment(string data)
        {
            var semicolon = data.IndexOf(';', StringComparison.Ordinal);
            return (semicolon < 0 ? data : data[..semicolon]).Trim();
        }

        private static void SkipSpaces(string line, ref int position)
        {
            while (position < line.Length && (line[position] == ' ' || line[position] == '\t'))
            {
                position++;
            }
        }

        private RegFileFormatException Error(int lineNumber, string expected, string? found) =>
            new(fileName, lineNumber, expected, found);
    }
}
