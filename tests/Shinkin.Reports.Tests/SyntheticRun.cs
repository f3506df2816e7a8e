using System.Drawing;
using System.Drawing.Imaging;
using Shinkin.Repository;

namespace Shinkin.Reports.Tests;

/// <summary>Builds run folders the way step definitions write them, with real PNG screenshots.</summary>
internal static class SyntheticRun
{
    public const string LongPrefix = "マスターユーザが電子証明書を取得し、ログインパスワードと承認用パスワードを設定する";

    public static readonly DateTimeOffset Start = new(2025, 11, 20, 9, 0, 0, TimeSpan.FromHours(9));

    public static string NewFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "shinkin-reports-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Six scenarios: passed, failed (with trace, HTML and an ANSI-coloured error), pending, skipped,
    /// and two whose long names collide after cutting to 31 characters (one with forbidden characters).
    /// </summary>
    public static async Task<RunRecordStore> WriteSampleAsync(string folder, string shard = "1/1", string runId = "20251120-090000", int offsetMinutes = 0)
    {
        var store = new RunRecordStore(folder);
        var start = Start.AddMinutes(offsetMinutes);
        await store.WriteInfoAsync(new RunInfo
        {
            RunId = runId,
            Start = start,
            End = start.AddMinutes(5),
            Target = "https://localhost:5001 (組込み参照サーバ)",
            Engine = "playwright-chromium",
            BrowserVersion = "156.0.7000.0",
            OperatingSystem = "Debian GNU/Linux 13",
            Shard = shard,
        });

        var prefix = shard.Replace('/', '-');
        await store.WriteScenarioAsync(await ScenarioAsync(store, $"s{prefix}-ok", "マスターユーザがログインする", ["manual:2-2", "master"], Outcome.Passed, start, 3));
        await store.WriteScenarioAsync(await ScenarioAsync(store, $"s{prefix}-ng", "マスターユーザが電子証明書を取得する", ["manual:2-1:1-3"], Outcome.Failed, start.AddSeconds(30), 3, withArtefacts: true));
        await store.WriteScenarioAsync(await ScenarioAsync(store, $"s{prefix}-pending", "承認用パスワードを設定する", ["manual:2-4:2"], Outcome.Pending, start.AddSeconds(60), 2));
        await store.WriteScenarioAsync(await ScenarioAsync(store, $"s{prefix}-skip", "Cookie を設定する", ["manual:1-2", "windows-only"], Outcome.Skipped, start.AddSeconds(90), 0));
        await store.WriteScenarioAsync(await ScenarioAsync(store, $"s{prefix}-long1", LongPrefix + "（その１）", ["manual:2-3"], Outcome.Passed, start.AddSeconds(120), 1, large: true));
        await store.WriteScenarioAsync(await ScenarioAsync(store, $"s{prefix}-long2", LongPrefix + "[2]: a/b\\c*?", ["manual:2-3"], Outcome.Passed, start.AddSeconds(150), 1));
        return store;
    }

    internal static async Task<ScenarioRecord> ScenarioAsync(RunRecordStore store, string id, string name, string[] tags, Outcome outcome, DateTimeOffset start, int steps, bool withArtefacts = false, bool large = false)
    {
        var records = new List<StepRecord>();
        var artefacts = store.ArtifactFolder(id);
        for (var n = 1; n <= steps; n++)
        {
            var stepOutcome = outcome switch
            {
                Outcome.Failed when n == steps => Outcome.Failed,
                Outcome.Pending when n == steps => Outcome.Pending,
                _ => Outcome.Passed,
            };
            var png = Path.Combine(artefacts, $"step{n:00}.png");
            WritePng(png, large ? 1280 : 320, large ? 800 : 200, $"{name} {n}");
            records.Add(new StepRecord
            {
                Number = n,
                Keyword = n == 1 ? "前提" : n == steps ? "ならば" : "もし",
                Text = $"手順 {n} を実行する（{name}）",
                Outcome = stepOutcome,
                Duration = TimeSpan.FromMilliseconds(800 + n * 100),
                Error = stepOutcome == Outcome.Failed ? "\u001b[31mTimeoutException\u001b[39m: 「証明書取得」ボタンが 30 秒以内に表示されませんでした" : null,
                StackTrace = stepOutcome == Outcome.Failed ? "   at Shinkin.PageObjects.CertificatePage.AcquireAsync()\n   at Shinkin.StepDefinitions.CertificateSteps.GetCertificate()" : null,
                Screenshot = store.RelativePath(png),
            });
        }

        string? trace = null;
        string? html = null;
        if (withArtefacts)
        {
            var tracePath = Path.Combine(artefacts, "trace.zip");
            var htmlPath = Path.Combine(artefacts, "page.html");
            await File.WriteAllBytesAsync(tracePath, [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            await File.WriteAllTextAsync(htmlPath, "<html><body>証明書取得</body></html>");
            trace = store.RelativePath(tracePath);
            html = store.RelativePath(htmlPath);
        }

        return new ScenarioRecord
        {
            Id = id,
            FeatureFile = "chapter2/master-user.feature",
            Feature = "マスターユーザの初期設定",
            Scenario = name,
            Tags = tags,
            Outcome = outcome,
            Start = start,
            Duration = TimeSpan.FromSeconds(steps * 1.5),
            Error = outcome == Outcome.Failed ? "「証明書取得」ボタンが 30 秒以内に表示されませんでした" : outcome == Outcome.Pending ? "ステップ定義が未実装です" : null,
            SkipReason = outcome == Outcome.Skipped ? "Windows のレジストリが必要なため対象外（Linux で実行）" : null,
            Steps = records,
            TracePath = trace,
            HtmlPath = html,
        };
    }

    public static void WritePng(string path, int width, int height, string label)
    {
        using var bitmap = new Bitmap(width, height);
        using (var g = Graphics.FromImage(bitmap))
        {
            g.Clear(Color.White);
            g.FillRectangle(Brushes.SteelBlue, 0, 0, width, height / 8);
            g.DrawRectangle(Pens.Gray, width / 10, height / 4, width * 8 / 10, height / 2);
            using var font = new Font(FontFamily.GenericSansSerif, Math.Max(8, height / 20f));
            g.DrawString(label, font, Brushes.Black, width / 10f, height / 3f);
        }

        bitmap.Save(path, ImageFormat.Png);
    }

    public static string ManualStructurePath() => Path.Combine(RepositoryRoot.Path, "Features", "manual-structure.json");
}
