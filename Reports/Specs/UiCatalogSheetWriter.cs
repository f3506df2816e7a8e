using System.Text.Json;
using ClosedXML.Excel;
using Shinkin.Reports.Excel;

namespace Shinkin.Reports.Specs;

/// <summary>
/// The 画面と語句 sheet of the spec workbook: every screen the features recognise (heading, the names steps use,
/// the marker that tells screens with one heading apart, the manual reference) and every control's word as the
/// page objects look for it, read from PageObjects/ui-catalog.json (Reports does not reference the page objects).
/// </summary>
public static class UiCatalogSheetWriter
{
    public const string SheetName = "画面と語句";

    private static readonly string[] Headers = ["区分", "キー", "種類", "マニュアルの語句（画面の見出し・ラベル・表示）", "説明・画面の呼び名", "マニュアル参照", "参照サーバのテスト ID"];

    public static void Write(XLWorkbook workbook, string catalogPath)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        using var doc = JsonDocument.Parse(File.ReadAllText(catalogPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var sheet = workbook.Worksheets.Add(SheetName);
        sheet.Cell(1, 1).SetValue("画面と語句（ui-catalog.json）");
        sheet.Cell(1, 1).Style.Font.FontSize = 16;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).SetValue("画面は見出しで、ボタン・リンク・タブは［名前］で、入力欄はラベルで、メッセージは表示内容で探します。ターゲットプロファイルの words でキーごとに置き換えられます。");
        const int headerRow = 3;
        for (var i = 0; i < Headers.Length; i++)
        {
            sheet.Cell(headerRow, i + 1).SetValue(Headers[i]);
        }

        var row = headerRow;
        foreach (var screen in doc.RootElement.GetProperty("screens").EnumerateObject())
        {
            row++;
            var names = screen.Value.TryGetProperty("names", out var n) ? string.Join("、", n.EnumerateArray().Select(x => $"「{x.GetString()}」画面")) : "";
            var marker = screen.Value.TryGetProperty("marker", out var m) ? $"（見分け: {m.GetString()}）" : "";
            Fill(sheet, row, "画面", "screen." + screen.Name, "heading", Text(screen.Value, "heading"), names + marker, Text(screen.Value, "manual"), "screen-" + screen.Name);
        }

        foreach (var control in doc.RootElement.GetProperty("controls").EnumerateObject())
        {
            row++;
            var word = Text(control.Value, "label");
            Fill(sheet, row, "部品", control.Name, Text(control.Value, "kind"), word.Length > 0 ? word : Text(control.Value, "text"), Text(control.Value, "description"), "", Text(control.Value, "testId"));
        }

        foreach (var word in doc.RootElement.GetProperty("words").EnumerateObject())
        {
            row++;
            Fill(sheet, row, "語句", word.Name, "word", word.Value.GetString() ?? "", "", "", "");
        }

        WorkbookStyle.Table(sheet, headerRow, row, Headers.Length);
        double[] widths = [8, 42, 10, 48, 48, 10, 34];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }

        WorkbookStyle.PrintSetup(sheet, headerRow, headerRow, SheetName);
    }

    private static void Fill(IXLWorksheet sheet, int row, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            sheet.Cell(row, i + 1).SetValue(values[i]);
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
