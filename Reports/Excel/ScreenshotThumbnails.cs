using System.Drawing;
using System.Drawing.Drawing2D;
using System.Drawing.Imaging;
using ClosedXML.Excel.Drawings;

namespace Shinkin.Reports.Excel;

internal sealed record Thumbnail(byte[] Data, int Width, int Height, XLPictureFormat Format);

/// <summary>
/// Shrinks a screenshot before it goes into a workbook. ClosedXML keeps every picture in memory
/// until the workbook is saved, so embedding 3,000 full-size PNGs would hold gigabytes; a
/// 640-pixel JPEG is a few dozen kilobytes and still legible when printed at 400 pixels.
/// Browser PNGs take the fast managed path (<see cref="PngThumbnailer"/>); other images go through GDI+.
/// </summary>
internal static class ScreenshotThumbnails
{
    private static readonly ImageCodecInfo JpegCodec =
        ImageCodecInfo.GetImageEncoders().First(c => c.FormatID == ImageFormat.Jpeg.Guid);

    public static Thumbnail Create(string path, int maxWidth, int jpegQuality)
    {
        var original = File.ReadAllBytes(path);
        var fast = PngThumbnailer.TryCreate(original, maxWidth, jpegQuality, JpegCodec);
        if (fast is not null)
        {
            return fast;
        }

        using var input = new MemoryStream(original, writable: false);
        using var image = Image.FromStream(input, useEmbeddedColorManagement: false, validateImageData: false);
        if (image.Width <= maxWidth)
        {
            var format = image.RawFormat.Guid == ImageFormat.Jpeg.Guid ? XLPictureFormat.Jpeg
                : image.RawFormat.Guid == ImageFormat.Png.Guid ? XLPictureFormat.Png
                : (XLPictureFormat?)null;
            if (format is { } known)
            {
                return new Thumbnail(original, image.Width, image.Height, known);
            }
        }

        var width = Math.Min(maxWidth, image.Width);
        var height = Math.Max(1, (int)Math.Round(image.Height * (double)width / image.Width));
        using var scaled = new Bitmap(width, height, PixelFormat.Format24bppRgb);
        using (var graphics = Graphics.FromImage(scaled))
        {
            graphics.Clear(Color.White);
            graphics.InterpolationMode = InterpolationMode.Bilinear;
            graphics.PixelOffsetMode = PixelOffsetMode.HighQuality;
            graphics.CompositingQuality = CompositingQuality.HighSpeed;
            graphics.DrawImage(image, new Rectangle(0, 0, width, height));
        }

        using var output = new MemoryStream();
        using var parameters = new EncoderParameters(1);
        parameters.Param[0] = new EncoderParameter(Encoder.Quality, (long)Math.Clamp(jpegQuality, 1, 100));
        scaled.Save(output, JpegCodec, parameters);
        return new Thumbnail(output.ToArray(), width, height, XLPictureFormat.Jpeg);
    }
}
