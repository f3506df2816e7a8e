using System.Drawing;
using System.Drawing.Imaging;

namespace Shinkin.Reports.Tests;

[TestFixture]
public sealed class ThumbnailTests
{
    [TestCase(PixelFormat.Format24bppRgb)]
    [TestCase(PixelFormat.Format32bppArgb)]
    public void Managed_png_scaling_keeps_the_picture(PixelFormat format)
    {
        var path = Path.Combine(Path.GetTempPath(), $"thumb-{Guid.NewGuid():N}.png");
        try
        {
            using (var bitmap = new Bitmap(800, 400, format))
            {
                using (var g = Graphics.FromImage(bitmap))
                {
                    g.Clear(Color.White);
                    g.FillRectangle(Brushes.Red, 0, 0, 400, 400);
                    g.FillRectangle(Brushes.Blue, 400, 200, 400, 200);
                }

                bitmap.Save(path, ImageFormat.Png);
            }

            var thumbnail = ScreenshotThumbnails.Create(path, 200, 90);

            Assert.That((thumbnail.Width, thumbnail.Height), Is.EqualTo((200, 100)));
            using var result = new Bitmap(new MemoryStream(thumbnail.Data));
            Assert.That(Near(result.GetPixel(50, 50), Color.Red), Is.True, result.GetPixel(50, 50).ToString());
            Assert.That(Near(result.GetPixel(150, 25), Color.White), Is.True, result.GetPixel(150, 25).ToString());
            Assert.That(Near(result.GetPixel(150, 75), Color.Blue), Is.True, result.GetPixel(150, 75).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Placeholders_carry_their_number_and_decode_as_png()
    {
        var bytes = PicturePlaceholders.Create(1234);
        Assert.That(PicturePlaceholders.ReadIndex(bytes), Is.EqualTo(1234));
        using var image = new Bitmap(new MemoryStream(bytes));
        Assert.That((image.Width, image.Height), Is.EqualTo((1, 1)));
        Assert.That(PngThumbnailer.Size(bytes), Is.EqualTo((1, 1)));
    }

    private static bool Near(Color actual, Color expected) =>
        Math.Abs(actual.R - expected.R) < 24 && Math.Abs(actual.G - expected.G) < 24 && Math.Abs(actual.B - expected.B) < 24;
}
