using Shinkin.Reports.Specs;

namespace Shinkin.Reports.Tests;

[TestFixture]
public sealed class SpecWorkbookTests
{
    [Test]
    public async Task Spec_workbook_is_written_from_features_with_outlines_expanded()
    {
        var folder = SyntheticRun.NewFolder("spec");
        try
        {
            var features = SampleFeatures.WriteAll(folder);
            var path = await new SpecWorkbookWriter().WriteAsync(features, Path.Combine(folder, "試験仕様書.xlsx"), SyntheticRun.ManualStructurePath());

            using var workbook = new XLWorkbook(path);
            Assert.That(workbook.Worksheets.Select(w => w.Name), Is.EqualTo(new[] { "試験仕様書", "網羅性" }));
            var sheet = workbook.Worksheet("試験仕様書");
            Assert.That(Enumerable.Range(1, 8).Select(c => sheet.Cell(3, c).GetString()),
                Is.EqualTo(new[] { "No", "大項目（機能）", "中項目", "小項目（シナリオ）", "前提", "手順", "期待結果", "マニュアル参照" }));
            Assert.That(sheet.SheetView.SplitRow, Is.EqualTo(3));
            Assert.That(sheet.AutoFilter.IsEnabled, Is.True);
            Assert.That(sheet.PageSetup.PaperSize, Is.EqualTo(XLPaperSize.A4Paper));

            var rows = Enumerable.Range(4, 5).Select(r => sheet.Row(r)).ToList();
            Assert.That(rows.Select(r => r.Cell(4).GetString().Split('\n')[0]), Is.EqualTo(new[]
            {
                "マスターユーザが電子証明書を取得する",
                "マスターユーザがログインする",
                "ログインパスワードを設定する [例 1]",
                "ログインパスワードを設定する [例 2]",
                "ログアウトする",
            }), "bin/ is ignored; the outline gives one row per example, named as the test and its evidence are");
            Assert.That(sheet.Cell(9, 1).IsEmpty(), Is.True);

            var first = rows[0];
            Assert.That(first.Cell(2).GetString(), Is.EqualTo("マスターユーザの初期設定"));
            Assert.That(first.Cell(3).GetString(), Is.EqualTo("2-1 マスターユーザが電子証明書を取得する"), "中項目 from the manual procedure when there is no rule");
            Assert.That(first.Cell(5).GetString(), Is.EqualTo("前提 参照サーバが起動している\n前提 マスターユーザの「ログインID」と「仮パスワード」が発行されている"), "background steps come first");
            Assert.That(first.Cell(6).GetString(), Is.EqualTo("もし 電子証明書取得画面で取得を実行する"));
            Assert.That(first.Cell(7).GetString(), Is.EqualTo("ならば 「電子証明書の取得が完了しました」と表示される\nかつ 証明書がブラウザに登録されている"), "かつ stays with the step it continues");
            Assert.That(first.Cell(8).GetString(), Is.EqualTo("2-1 マスターユーザが電子証明書を取得する（手順1〜8）"));
            Assert.That(first.Cell(9).GetString(), Is.EqualTo("@chapter2"));
            Assert.That(first.Cell(10).GetString(), Is.EqualTo("chapter2/master-user.feature:10"));

            Assert.That(rows[1].Cell(6).GetString(), Does.Contain("| ログインID | master01 |"), "data tables are shown");
            Assert.That(rows[1].Cell(8).GetString(), Does.EndWith("（手順1〜3）"));
            Assert.That(rows[2].Cell(3).GetString(), Is.EqualTo("パスワードは英数字混在の6文字以上"), "中項目 is the rule when there is one");
            Assert.That(rows[2].Cell(6).GetString(), Does.Contain("\"abc123\""));
            Assert.That(rows[3].Cell(7).GetString(), Does.Contain("英字と数字を混在させてください"));
            Assert.That(rows[3].Cell(4).GetString(), Does.Contain("例: パスワード=abcdef"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Files_without_a_language_line_are_read_in_the_dialect_of_reqnroll_json_as_the_tests_run_them()
    {
        var folder = SyntheticRun.NewFolder("spec-dialect");
        try
        {
            var features = SampleFeatures.WriteAll(folder);
            File.WriteAllText(Path.Combine(features, "reqnroll.json"), """{ "language": { "feature": "ja-JP" } }""");
            File.WriteAllText(Path.Combine(features, "chapter5", "headerless.feature"), SampleFeatures.WithoutLanguageLine);

            var spec = FeatureSpecReader.ReadAll(features).Single(f => f.FeatureFile == "chapter5/headerless.feature");

            Assert.That(spec.Scenarios.Select(s => (s.Name, s.Example)), Is.EqualTo(new[]
            {
                ("パスワードを変える [例 1]", "受け付ける値: パスワード=abc123"),
                ("パスワードを変える [例 2]", "断る値: パスワード=abc"),
            }), "rows numbered across Examples blocks; the block's name stays with its values");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_broken_feature_file_is_reported_with_its_file_and_line()
    {
        var folder = SyntheticRun.NewFolder("spec-broken");
        try
        {
            var features = SampleFeatures.WriteAll(folder, includeBroken: true);
            var ex = Assert.ThrowsAsync<FeatureFileException>(() => new SpecWorkbookWriter().WriteAsync(features, Path.Combine(folder, "x.xlsx")));
            Assert.That(ex!.FilePath, Is.EqualTo("chapter5/broken.feature"));
            Assert.That(ex.Line, Is.EqualTo(6));
            Assert.That(ex.Message, Does.StartWith("chapter5/broken.feature:6: "));
            Assert.That(File.Exists(Path.Combine(folder, "x.xlsx")), Is.False);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Spec_workbook_shows_the_ui_catalogue_of_the_manual_s_words()
    {
        var folder = SyntheticRun.NewFolder("spec-catalog");
        try
        {
            var features = SampleFeatures.WriteAll(folder);
            var catalog = Path.Combine(folder, "ui-catalog.json");
            await File.WriteAllTextAsync(catalog, """
                { "screens": { "services": { "heading": "サービス一覧", "names": ["サービス一覧"], "manual": "2-3" } },
                  "controls": { "services.logout": { "kind": "button", "label": "ログアウト", "testId": "services-logout" } },
                  "words": { "login.path": "/login" } }
                """);
            var path = await new SpecWorkbookWriter().WriteAsync(features, Path.Combine(folder, "spec.xlsx"), uiCatalogPath: catalog);

            using var workbook = new XLWorkbook(path);
            var sheet = workbook.Worksheet(UiCatalogSheetWriter.SheetName);
            Assert.That(Enumerable.Range(4, 3).Select(r => $"{sheet.Cell(r, 1).GetString()} {sheet.Cell(r, 2).GetString()} {sheet.Cell(r, 4).GetString()}"),
                Is.EqualTo(new[] { "画面 screen.services サービス一覧", "部品 services.logout ログアウト", "語句 login.path /login" }));
            Assert.That(sheet.Cell(4, 6).GetString(), Is.EqualTo("2-3"));
            Assert.That(sheet.Cell(5, 7).GetString(), Is.EqualTo("services-logout"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
