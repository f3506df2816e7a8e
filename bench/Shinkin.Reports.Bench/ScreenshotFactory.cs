using System.Drawing;
using System.Drawing.Drawing2D;
using System.Drawing.Imaging;
using System.Globalization;

namespace Shinkin.Reports.Bench;

/// <summary>
/// Draws screenshots that compress like real ones: a 1280×800 page with a header bar, a menu,
/// Japanese labels, input boxes, a table and buttons, different text on every step.
/// </summary>
internal static class ScreenshotFactory
{
    private static readonly string[] Labels =
    [
        "ログインID", "ログインパスワード", "承認用パスワード", "利用者名", "メールアドレス", "取引権限", "電子証明書", "有効期限",
    ];

    public static void Write(string path, int scenario, int step, int width = 1280, int height = 800)
    {
        using var bitmap = new Bitmap(width, height, PixelFormat.Format24bppRgb);
        using (var g = Graphics.FromImage(bitmap))
        {
            g.SmoothingMode = SmoothingMode.AntiAlias;
            g.TextRenderingHint = System.Drawing.Text.TextRenderingHint.AntiAlias;
            g.Clear(Color.White);
            using var header = new SolidBrush(Color.FromArgb(0, 82, 155));
            g.FillRectangle(header, 0, 0, width, 64);
            using var title = new Font("Noto Sans CJK JP", 20, FontStyle.Bold, GraphicsUnit.Pixel);
            using var body = new Font("Noto Sans CJK JP", 14, GraphicsUnit.Pixel);
            g.DrawString("しんきん電子記録債権システム", title, Brushes.White, 24, 18);
            g.DrawString(string.Create(CultureInfo.InvariantCulture, $"ログイン中: master{scenario:000}  {DateTime.UnixEpoch.AddMinutes(scenario * 10 + step):yyyy/MM/dd HH:mm}"), body, Brushes.White, width - 380, 24);
            using var menu = new SolidBrush(Color.FromArgb(235, 241, 248));
            g.FillRectangle(menu, 0, 64, 220, height - 64);
            for (var i = 0; i < 10; i++)
            {
                g.DrawString($"メニュー項目 {i + 1}", body, i == step % 10 ? Brushes.DarkBlue : Brushes.DimGray, 20, 90 + i * 34);
            }

            g.DrawString($"シナリオ {scenario:000} 手順 {step:00}: 利用者情報の登録", title, Brushes.Black, 250, 90);
            for (var i = 0; i < Labels.Length; i++)
            {
                var y = 150 + i * 44;
                g.DrawString(Labels[i], body, Brushes.Black, 260, y + 6);
                g.DrawRectangle(Pens.Gray, 440, y, 360, 30);
                g.DrawString(string.Create(CultureInfo.InvariantCulture, $"値-{scenario * 31 + step * 7 + i:X5}"), body, Brushes.DarkSlateGray, 448, y + 6);
            }

            using var gridPen = new Pen(Color.Silver);
            for (var r = 0; r < 6; r++)
            {
                for (var c = 0; c < 4; c++)
                {
                    g.DrawRectangle(gridPen, 850 + c * 100, 150 + r * 32, 100, 32);
                    g.DrawString(string.Create(CultureInfo.InvariantCulture, $"{(scenario + r * c + step) % 97:00}件"), body, Brushes.Black, 860 + c * 100, 157 + r * 32);
                }
            }

            using var button = new SolidBrush(Color.FromArgb(0, 120, 212));
            g.FillRectangle(button, 440, 540, 140, 40);
            g.DrawString("登録", title, Brushes.White, 485, 547);
            g.DrawRectangle(Pens.Gray, 600, 540, 140, 40);
            g.DrawString("戻る", title, Brushes.Black, 645, 547);
        }

        bitmap.Save(path, ImageFormat.Png);
    }
}
