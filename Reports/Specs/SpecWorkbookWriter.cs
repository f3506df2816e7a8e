using System.Globalization;
using ClosedXML.Excel;
using Shinkin.Reports.Coverage;
using Shinkin.Reports.Excel;

namespace Shinkin.Reports.Specs;

/// <summary>
/// 試験仕様書 straight from the .feature files, no run needed: 大項目 (機能), 中項目 (ルール, or the
/// manual procedure the scenario is tagged with), 小項目 (シナリオ), 前提, 手順, 期待結果, マニュアル参照.
/// Adds the 網羅性 sheet when the manual structure is given.
/// </summary>
public sealed class SpecWorkbookWriter
{
    public const string SheetName = "試験仕様書";
    public const int HeaderRow = 3;

    private static readonly string[] Headers =
        ["No", "大項目（機能）", "中項目", "小項目（シナリオ）", "前提", "手順", "期待結果", "マニュアル参照", "タグ", "定義場所"];

    /// <summary>Writes the workbook and returns its path. Throws <see cref="FeatureFileException"/> naming file and line for a broken feature.</summary>
    public async Task<string> WriteAsync(string featuresRoot, string outputPath, string? manualStructurePath = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default, string? uiCatalogPath = null)
    {
        var features = await FeatureSpecReader.ReadAllAsync(featuresRoot, cancellationToken);
        progress?.Report($"{features.Count} 機能ファイル, {features.Sum(f => f.Scenarios.Count)} シナリオ");
        ManualStructure? manual = null;
        CoverageMatrix? coverage = null;
        if (manualStructurePath is not null)
        {
            manual = await ManualStructure.LoadAsync(manualStructurePath, cancellationToken);
            coverage = CoverageMatrix.Build(manual, features.SelectMany(f => f.Scenarios));
        }

        using var workbook = WorkbookStyle.CreateWorkbook();
        WriteSpec(workbook.Worksheets.Add(SheetName), features, manual);
        if (coverage is not null)
        {
            CoverageSheetWriter.Write(workbook, coverage);
        }

        if (uiCatalogPath is not null)
        {
            UiCatalogSheetWriter.Write(workbook, uiCatalogPath);
        }

        var full = Path.GetFullPath(outputPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp.xlsx";
        await Task.Run(() => workbook.SaveAs(temp), cancellationToken);
        File.Move(temp, full, overwrite: true);
        return full;
    }

    private static void WriteSpec(IXLWorksheet sheet, IReadOnlyList<FeatureSpec> features, ManualStructure? manual)
    {
        sheet.Cell(1, 1).SetValue("試験仕様書");
        sheet.Cell(1, 1).Style.Font.FontSize = 16;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        var scenarioCount = features.Sum(f => f.Scenarios.Count);
        sheet.Cell(2, 1).Value = string.Create(CultureInfo.InvariantCulture,
            $"しんきん電子記録債権システム 初期設定編　機能 {features.Count} 件／シナリオ {scenarioCount} 件（Scenario Outline は例ごとに展開）　作成 {DateTimeOffset.Now:yyyy-MM-dd HH:mm}");
        for (var i = 0; i < Headers.Length; i++)
        {
            sheet.Cell(HeaderRow, i + 1).SetValue(Headers[i]);
        }

        var row = HeaderRow;
        var number = 0;
        foreach (var feature in features)
        {
            foreach (var scenario in feature.Scenarios)
            {
                row++;
                number++;
                var references = ManualReference.FromTags(scenario.Tags);
                sheet.Cell(row, 1).SetValue(number);
                sheet.Cell(row, 2).SetValue(feature.Name);
                sheet.Cell(row, 3).SetValue(MiddleItem(scenario, references, manual));
                sheet.Cell(row, 4).SetValue(scenario.Example is null ? scenario.Name : $"{scenario.Name}\n（例: {scenario.Example}）");
                sheet.Cell(row, 5).SetValue(Steps(scenario, StepKind.Context));
                sheet.Cell(row, 6).SetValue(Steps(scenario, StepKind.Action));
                sheet.Cell(row, 7).SetValue(Steps(scenario, StepKind.Outcome));
                sheet.Cell(row, 8).SetValue(string.Join("\n", references.Select(r => Reference(r, manual))));
                sheet.Cell(row, 9).SetValue(string.Join(" ", scenario.Tags.Where(t => ManualReference.TryParse(t) is null).Select(t => "@" + t)));
                sheet.Cell(row, 10).SetValue($"{scenario.FeatureFile}:{scenario.Line}");
            }
        }

        WorkbookStyle.Table(sheet, HeaderRow, row, Headers.Length);
        double[] widths = [5, 22, 24, 30, 36, 36, 36, 26, 16, 22];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }

        WorkbookStyle.FitRows(sheet, HeaderRow + 1, row, Headers.Length);
        WorkbookStyle.PrintSetup(sheet, HeaderRow, HeaderRow, "試験仕様書");
    }

    private static string MiddleItem(ScenarioSpec scenario, IReadOnlyList<ManualReference> references, ManualStructure? manual)
    {
        if (!string.IsNullOrWhiteSpace(scenario.Rule))
        {
            return scenario.Rule;
        }

        var first = references.FirstOrDefault();
        if (first is null)
        {
            return "";
        }

        return manual is not null && manual.Procedures.TryGetValue(first.ProcedureId, out var procedure)
            ? $"{procedure.Id} {procedure.Title}"
            : $"{first.Chapter}章";
    }

    private static string Reference(ManualReference reference, ManualStructure? manual)
    {
        if (manual is null || !manual.Procedures.TryGetValue(reference.ProcedureId, out var procedure))
        {
            return reference.ToString();
        }

        var steps = reference.CoversAllSteps ? $"手順1〜{procedure.Steps.Count}"
            : reference.FromStep == reference.ToStep ? $"手順{reference.FromStep}"
            : $"手順{reference.FromStep}〜{reference.ToStep}";
        return $"{procedure.Id} {procedure.Title}（{steps}）";
    }

    private static string Steps(ScenarioSpec scenario, StepKind kind) =>
        string.Join("\n", scenario.Steps.Where(s => s.Kind == kind).Select(s => s.Argument is null ? $"{s.Keyword} {s.Text}" : $"{s.Keyword} {s.Text}\n{s.Argument}"));
}
