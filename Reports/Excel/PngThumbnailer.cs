using System.Buffers.Binary;
using System.Drawing;
using System.Drawing.Imaging;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
using ClosedXML.Excel.Drawings;

namespace Shinkin.Reports.Excel;

/// <summary>
/// Down-scales a browser screenshot PNG without GDI+: libgdiplus needs ~30 ms to decode a
/// 1280×800 PNG and far longer to resample it, while inflating it with the runtime's zlib takes
/// ~2 ms. Rows are unfiltered one at a time and box-averaged straight into the smaller image, so
/// only two source rows are ever held. Handles what browsers write (8-bit grey/RGB/RGBA, not
/// interlaced); anything else returns null and the caller falls back to GDI+.
/// </summary>
internal static class PngThumbnailer
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads width and height from the IHDR chunk; null when the bytes are not a PNG.</summary>
    public static (int Width, int Height)? Size(ReadOnlySpan<byte> png) =>
        png.Length >= 24 && png[..8].SequenceEqual(Signature)
            ? (BinaryPrimitives.ReadInt32BigEndian(png[16..]), BinaryPrimitives.ReadInt32BigEndian(png[20..]))
            : null;

    public static Thumbnail? TryCreate(byte[] png, int maxWidth, int jpegQuality, ImageCodecInfo jpegCodec)
    {
        if (Size(png) is not var (width, height) || width <= 0 || height <= 0)
        {
            return null;
        }

        if (width <= maxWidth)
        {
            return new Thumbnail(png, width, height, XLPictureFormat.Png);
        }

        var bitDepth = png[24];
        var colourType = png[25];
        var interlace = png[28];
        var channels = colourType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => 0 };
        if (bitDepth != 8 || channels == 0 || interlace != 0)
        {
            return null;
        }

        var targetWidth = maxWidth;
        var targetHeight = Math.Max(1, (int)Math.Round(height * (double)targetWidth / width));

        // Written straight into a pinned 32-bit buffer: LockBits costs libgdiplus a full copy and
        // conversion (~9 ms a picture), and it reads a caller's 24-bit buffer as 32-bit anyway.
        var stride = targetWidth * 4;
        var pixels = new byte[stride * targetHeight];
        try
        {
            using var idat = new MemoryStream(IdatBytes(png));
            using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
            Scale(zlib, width, height, channels, targetWidth, targetHeight, stride, pixels);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
        {
            return null;
        }

        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            using var bitmap = new Bitmap(targetWidth, targetHeight, stride, PixelFormat.Format32bppRgb, handle.AddrOfPinnedObject());
            using var output = new MemoryStream();
            using var parameters = new EncoderParameters(1);
            parameters.Param[0] = new EncoderParameter(Encoder.Quality, (long)Math.Clamp(jpegQuality, 1, 100));
            bitmap.Save(output, jpegCodec, parameters);
            return new Thumbnail(output.ToArray(), targetWidth, targetHeight, XLPictureFormat.Jpeg);
        }
        finally
        {
            handle.Free();
        }
    }

    private static byte[] IdatBytes(byte[] png)
    {
        using var idat = new MemoryStream(png.Length);
        var position = 8;
        while (position + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(position));
            if (length < 0 || position + 12 + length > png.Length)
            {
                throw new InvalidDataException("PNG chunk runs past the end of the file.");
            }

            var type = png.AsSpan(position + 4, 4);
            if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(png, position + 8, length);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            position += 12 + length;
        }

        return idat.ToArray();
    }

    /// <summary>Unfilters each row and adds it into the target row it falls in (box filter), composing alpha over white.</summary>
    private static void Scale(Stream zlib, int width, int height, int channels, int targetWidth, int targetHeight, int targetStride, byte[] bgr)
    {
        var stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var sums = new int[targetWidth * 3];
        var columnOf = new int[width];
        var columnCount = new int[targetWidth];
        for (var x = 0; x < width; x++)
        {
            columnOf[x] = (int)((long)x * targetWidth / width);
            columnCount[columnOf[x]]++;
        }

        var filter = new byte[1];
        var targetRow = 0;
        var rowsInTarget = 0;
        for (var y = 0; y < height; y++)
        {
            zlib.ReadExactly(filter);
            zlib.ReadExactly(current);
            Unfilter(filter[0], current, previous, channels);

            var row = (int)((long)y * targetHeight / height);
            if (row != targetRow)
            {
                Flush(sums, columnCount, rowsInTarget, bgr, targetRow * targetStride, targetWidth);
                targetRow = row;
                rowsInTarget = 0;
            }

            rowsInTarget++;
            Accumulate(current, width, channels, columnOf, sums);
            (previous, current) = (current, previous);
        }

        Flush(sums, columnCount, rowsInTarget, bgr, targetRow * targetStride, targetWidth);
    }

    private static void Flush(int[] sums, int[] columnCount, int rows, byte[] bgr, int offset, int targetWidth)
    {
        if (rows == 0)
        {
            return;
        }

        for (var x = 0; x < targetWidth; x++)
        {
            var count = Math.Max(1, columnCount[x] * rows);
            var to = offset + (x * 4);
            bgr[to] = (byte)(sums[x * 3] / count);
            bgr[to + 1] = (byte)(sums[(x * 3) + 1] / count);
            bgr[to + 2] = (byte)(sums[(x * 3) + 2] / count);
            bgr[to + 3] = 255;
        }

        Array.Clear(sums);
    }

    private static void Accumulate(ReadOnlySpan<byte> row, int width, int channels, ReadOnlySpan<int> columnOf, Span<int> sums)
    {
        if (channels == 3)
        {
            for (int x = 0, i = 0; x < width; x++, i += 3)
            {
                var s = columnOf[x] * 3;
                sums[s] += row[i + 2];
                sums[s + 1] += row[i + 1];
                sums[s + 2] += row[i];
            }

            return;
        }

        for (int x = 0, i = 0; x < width; x++, i += channels)
        {
            int r, g, b;
            if (channels == 4)
            {
                (r, g, b) = (row[i], row[i + 1], row[i + 2]);
            }
            else
            {
                r = g = b = row[i];
            }

            if (channels is 2 or 4)
            {
                var alpha = row[i + channels - 1];
                var white = 255 * (255 - alpha);
                r = ((r * alpha) + white) / 255;
                g = ((g * alpha) + white) / 255;
                b = ((b * alpha) + white) / 255;
            }

            var s = columnOf[x] * 3;
            sums[s] += b;
            sums[s + 1] += g;
            sums[s + 2] += r;
        }
    }

    private static void Unfilter(byte type, Span<byte> row, ReadOnlySpan<byte> previous, int bpp)
    {
        switch (type)
        {
            case 0:
                break;
            case 1:
                for (var i = bpp; i < row.Length; i++)
                {
                    row[i] += row[i - bpp];
                }

                break;
            case 2:
                var vectors = row.Length - (row.Length % Vector<byte>.Count);
                for (var i = 0; i < vectors; i += Vector<byte>.Count)
                {
                    (new Vector<byte>(row[i..]) + new Vector<byte>(previous[i..])).CopyTo(row[i..]);
                }

                for (var i = vectors; i < row.Length; i++)
                {
                    row[i] += previous[i];
                }

                break;
            case 3:
                for (var i = 0; i < bpp; i++)
                {
                    row[i] += (byte)(previous[i] >> 1);
                }

                for (var i = bpp; i < row.Length; i++)
                {
                    row[i] += (byte)((row[i - bpp] + previous[i]) >> 1);
                }

                break;
            case 4:
                for (var i = 0; i < bpp; i++)
                {
                    row[i] += previous[i];
                }

                for (var i = bpp; i < row.Length; i++)
                {
                    int a = row[i - bpp], b = previous[i], c = previous[i - bpp];
                    int pa = b - c, pb = a - c;
                    var pc = pa + pb;
                    pa = pa < 0 ? -pa : pa;
                    pb = pb < 0 ? -pb : pb;
                    pc = pc < 0 ? -pc : pc;
                    row[i] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }

                break;
            default:
                throw new InvalidDataException($"Unknown PNG filter type {type}.");
        }
    }
}
