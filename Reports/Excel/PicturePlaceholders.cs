using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Shinkin.Reports.Excel;

/// <summary>
/// Lets ClosedXML lay out thousands of screenshots without holding or decoding them: each picture
/// is added as a 1×1 PNG carrying its number in a text chunk, and after ClosedXML has saved, the
/// package is copied entry by entry with every placeholder replaced by its screenshot streamed
/// from disk. ClosedXML keeps every picture in memory and decodes each one with GDI+ (~30 ms for a
/// 1280×800 PNG); this way neither happens, and only one screenshot is in flight at a time.
/// </summary>
internal static class PicturePlaceholders
{
    private const string Keyword = "shinkin-picture";
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Create(int index)
    {
        using var png = new MemoryStream();
        png.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 1);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], 1);
        header[8] = 8;
        Chunk(png, "IHDR", header);
        Chunk(png, "tEXt", Encoding.Latin1.GetBytes(Keyword + "\0" + index.ToString(CultureInfo.InvariantCulture)));
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write([0, 0xFF]);
            }

            Chunk(png, "IDAT", pixels.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The placeholder's number, or null for any other image.</summary>
    public static int? ReadIndex(ReadOnlySpan<byte> png)
    {
        if (png.Length < 8 || !png[..8].SequenceEqual(Signature))
        {
            return null;
        }

        var position = 8;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[position..]);
            if (length < 0 || position + 12 + length > png.Length)
            {
                return null;
            }

            if (png.Slice(position + 4, 4).SequenceEqual("tEXt"u8))
            {
                var text = Encoding.Latin1.GetString(png.Slice(position + 8, length));
                var parts = text.Split('\0');
                if (parts.Length == 2 && parts[0] == Keyword && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return index;
                }
            }

            position += 12 + length;
        }

        return null;
    }

    /// <summary>Copies the package, swapping each placeholder for its screenshot file.</summary>
    public static async Task ReplaceAsync(string source, string target, IReadOnlyList<string> pictures, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(source);
        using var reader = new ZipArchive(input, ZipArchiveMode.Read);
        await using var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        using var writer = new ZipArchive(output, ZipArchiveMode.Create);
        foreach (var entry in reader.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var isMedia = entry.FullName.StartsWith("xl/media/", StringComparison.Ordinal);
            string? replacement = null;
            byte[]? small = null;
            if (isMedia && entry.Length < 4096)
            {
                small = new byte[entry.Length];
                await using (var stream = entry.Open())
                {
                    await stream.ReadExactlyAsync(small, cancellationToken);
                }

                if (ReadIndex(small) is { } index && index >= 0 && index < pictures.Count)
                {
                    replacement = pictures[index];
                }
            }

            // Screenshots are already compressed; deflating them again only costs time.
            var copy = writer.CreateEntry(entry.FullName, isMedia ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
            copy.LastWriteTime = entry.LastWriteTime;
            await using var to = copy.Open();
            if (replacement is not null)
            {
                await using var from = new FileStream(replacement, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
                await from.CopyToAsync(to, cancellationToken);
            }
            else if (small is not null)
            {
                await to.WriteAsync(small, cancellationToken);
            }
            else
            {
                await using var from = entry.Open();
                await from.CopyToAsync(to, cancellationToken);
            }
        }
    }

    private static void Chunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = Crc(Crc(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(length, crc);
        png.Write(length);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
