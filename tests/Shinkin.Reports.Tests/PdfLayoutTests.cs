using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Shinkin.Reports.Tests;

/// <summary>Layout regressions show up as page counts: converts the evidence workbook with LibreOffice.</summary>
[TestFixture]
public sealed partial class PdfLayoutTests
{
    [Test]
    public async Task Evidence_workbook_prints_to_a_sane_number_of_pages()
    {
        var soffice = FindOnPath("soffice");
        if (soffice is null)
        {
            Assert.Ignore("LibreOffice (soffice) is not on PATH; the PDF layout check needs it.");
        }

        var (folder, written) = await EvidenceWorkbookTests.RenderSampleAsync("pdf");
        try
        {
            var profile = Path.Combine(folder, "lo-profile");
            var start = new ProcessStartInfo(soffice!)
            {
                ArgumentList = { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", folder, written[0] },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var pdf = Path.ChangeExtension(written[0], ".pdf");
            Assert.That(File.Exists(pdf), Is.True, await process.StandardError.ReadToEndAsync());

            var pages = await CountPagesAsync(pdf);
            // 9 sheets: each prints one page wide; scenario sheets with three 250-pixel screenshots take one or two pages.
            Assert.That(pages, Is.InRange(9, 20), $"{pdf} has {pages} pages");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> CountPagesAsync(string pdf)
    {
        var pdfinfo = FindOnPath("pdfinfo");
        if (pdfinfo is not null)
        {
            var start = new ProcessStartInfo(pdfinfo) { ArgumentList = { pdf }, RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var match = PagesLine().Match(output);
            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var text = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(pdf));
        return PageObject().Matches(text).Count;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"/Type\s*/Page[^s]")]
    private static partial Regex PageObject();
}
