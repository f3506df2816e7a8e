namespace Shinkin.Reports;

public enum ScreenshotEmbedding
{
    /// <summary>
    /// Embed each PNG screenshot as recorded, streamed from disk after ClosedXML has saved (no
    /// decoding, bounded memory, fastest). The workbook is as large as the screenshots together.
    /// </summary>
    Original,

    /// <summary>Embed a down-scaled JPEG (<see cref="ReportOptions.ScreenshotStoredWidth"/>): a file a third the size, several times slower to render.</summary>
    Thumbnail,
}

public sealed record ReportOptions
{
    /// <summary>Folder of the .feature files; used for the coverage matrix. Optional: without it coverage comes from the run's tags.</summary>
    public string? FeaturesRoot { get; init; }

    /// <summary>Path of Features/manual-structure.json; without it the workbook has no 網羅性 sheet.</summary>
    public string? ManualStructurePath { get; init; }

    /// <summary>Displayed width of a step screenshot in the scenario sheet, in pixels.</summary>
    public int ScreenshotDisplayWidth { get; init; } = 400;

    public ScreenshotEmbedding ScreenshotEmbedding { get; init; } = ScreenshotEmbedding.Original;

    /// <summary>
    /// Stored width of the embedded copy in <see cref="ScreenshotEmbedding.Thumbnail"/> mode. Screenshots are down-scaled to this before they go into
    /// the workbook, which bounds memory and file size; the full-size PNG stays linked beside it.
    /// </summary>
    public int ScreenshotStoredWidth { get; init; } = 640;

    /// <summary>JPEG quality of the embedded copy (1–100).</summary>
    public int ScreenshotJpegQuality { get; init; } = 80;

    /// <summary>How many scenarios' screenshots are prepared ahead in parallel.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Lines of a failed step's stack trace kept in the workbook (the full text is in the run record).</summary>
    public int MaxStackTraceLines { get; init; } = 25;

    public bool WriteJUnit { get; init; } = true;
}
