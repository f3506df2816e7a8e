using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Shinkin.Reports.Tests;

/// <summary>Layout regressions show up as page counts: converts the evidence and environment-check workbooks with LibreOffice.</summary>
[TestFixture]
public sealed partial class PdfLayoutTests
{
    [Test]
    public async Task Evidence_workbook_prints_to_a_sane_number_of_pages()
    {
        var soffice = RequireSoffice();
        var (folder, written) = await EvidenceWorkbookTests.RenderSampleAsync("pdf");
        try
        {
            var pages = await PrintAsync(soffice, folder, written[0]);
            // 9 sheets: each prints one page wide; scenario sheets with three 250-pixel screenshots take one or two pages.
            Assert.That(pages, Is.InRange(9, 20), $"{written[0]} has {pages} pages");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Environment_workbook_prints_each_sheet_on_one_page()
    {
        var soffice = RequireSoffice();
        var folder = Path.Combine(Path.GetTempPath(), "env-pdf-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (_, xlsx) = await EnvironmentWorkbookTests.RenderAsync(EnvironmentWorkbookTests.SecurityHklmOnly, folder);
            var pages = await PrintAsync(soffice, folder, xlsx);
            Assert.That(pages, Is.EqualTo(3), "サマリー, 判定一覧 (13 controls) and 修正方法 each fit one A4 landscape page");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RequireSoffice()
    {
        var soffice = FindOnPath("soffice");
        if (soffice is null)
        {
            Assert.Ignore("LibreOffice (soffice) is not on PATH; the PDF layout check needs it.");
        }

        return soffice!;
    }

    /// <summary>Converts the workbook to PDF next to it and returns its page count.</summary>
    private static async Task<int> PrintAsync(string soffice, string folder, string xlsx)
    {
        var profile = Path.Combine(folder, "lo-profile");
        var outDir = Path.GetDirectoryName(xlsx)!;
        var start = new ProcessStartInfo(soffice)
        {
            ArgumentList = { $"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", outDir, xlsx },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var pdf = Path.ChangeExtension(xlsx, ".pdf");
        Assert.That(File.Exists(pdf), Is.True, await process.StandardError.ReadToEndAsync());
        return await CountPagesAsync(pdf);
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
