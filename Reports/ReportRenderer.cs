using Shinkin.Reports.Coverage;
using Shinkin.Reports.Excel;
using Shinkin.Reports.JUnit;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Reports;

/// <summary>
/// Renders every report of a run from its run folder, into that folder: 試験結果報告書_&lt;runId&gt;.xlsx
/// (with the 網羅性 sheet when the manual structure is given) and junit.xml; for an interrupted run it also marks Reqnroll's
/// HTML report as partial. Rendering only reads the record, so it can be repeated later or on a merged record.
/// </summary>
public sealed class ReportRenderer
{
    public const string JUnitFileName = "junit.xml";
    public const string EvidencePrefix = "試験結果報告書_";

    /// <summary>Reqnroll's own HTML report, which the test host writes into the run folder when its run ends.</summary>
    public const string ReqnrollHtmlFileName = "reqnroll_report.html";

    public static string EvidenceFileName(string runId) => EvidencePrefix + RunRecordStore.SafeFileName(runId) + ".xlsx";

    public async Task<IReadOnlyList<string>> RenderAsync(string runFolder, ReportOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var run = await RunRecordStore.LoadAsync(runFolder, cancellationToken);
        progress?.Report($"{run.Folder}: {run.Scenarios.Count} シナリオ");

        CoverageMatrix? coverage = null;
        if (!string.IsNullOrEmpty(options.ManualStructurePath))
        {
            coverage = await CoverageMatrix.LoadAsync(options.ManualStructurePath, options.FeaturesRoot, run, cancellationToken);
        }

        var written = new List<string>();
        var evidence = Path.Combine(run.Folder, EvidenceFileName(run.Info.RunId));
        await new EvidenceWorkbookWriter(run, options, coverage, progress).WriteAsync(evidence, cancellationToken);
        written.Add(evidence);

        if (options.WriteJUnit)
        {
            var junit = Path.Combine(run.Folder, JUnitFileName);
            await JUnitWriter.WriteAsync(run, junit, cancellationToken);
            written.Add(junit);
        }

        var html = Path.Combine(run.Folder, ReqnrollHtmlFileName);
        if (PartialRunNotice.Text(run) is { } notice && File.Exists(html) && await PartialRunNotice.MarkHtmlAsync(html, notice, cancellationToken))
        {
            progress?.Report($"{ReqnrollHtmlFileName}: 部分的な報告と明記");
        }

        progress?.Report("出力: " + string.Join(", ", written.Select(Path.GetFileName)));
        return written;
    }
}
