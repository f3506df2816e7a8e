using System.Globalization;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Reports.Bench;

internal static class SyntheticRunWriter
{
    private static readonly string[] Procedures = ["2-1", "2-2", "2-3", "2-4", "2-5", "3-1", "3-2", "3-3", "3-4", "4-1", "4-2", "4-3", "4-4", "5-1"];

    public static async Task WriteAsync(string folder, int scenarios, int steps)
    {
        var store = new RunRecordStore(folder);
        var start = new DateTimeOffset(2025, 11, 20, 9, 0, 0, TimeSpan.FromHours(9));
        await store.WriteInfoAsync(new RunInfo
        {
            RunId = "bench-" + scenarios.ToString(CultureInfo.InvariantCulture),
            Start = start,
            End = start.AddSeconds(scenarios * steps * 1.2),
            Target = "https://localhost:5001 (組込み参照サーバ)",
            Engine = "playwright-chromium",
            BrowserVersion = "156.0.7000.0",
            OperatingSystem = Environment.OSVersion.ToString(),
        });

        await Parallel.ForEachAsync(Enumerable.Range(1, scenarios), async (s, ct) =>
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"bench-{s:0000}");
            var dir = store.ArtifactFolder(id);
            var outcome = s % 23 == 0 ? Outcome.Failed : s % 41 == 0 ? Outcome.Skipped : s % 37 == 0 ? Outcome.Pending : Outcome.Passed;
            var records = new List<StepRecord>();
            var stepCount = outcome == Outcome.Skipped ? 0 : steps;
            for (var n = 1; n <= stepCount; n++)
            {
                var png = Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"step{n:00}.png"));
                ScreenshotFactory.Write(png, s, n);
                var failed = outcome == Outcome.Failed && n == stepCount;
                records.Add(new StepRecord
                {
                    Number = n,
                    Keyword = n == 1 ? "前提" : n == stepCount ? "ならば" : n % 3 == 0 ? "かつ" : "もし",
                    Text = string.Create(CultureInfo.InvariantCulture, $"利用者情報登録画面で「ログインID」に \"user{s:000}{n:00}\" を入力し［登録］ボタンをクリックする"),
                    Outcome = failed ? Outcome.Failed : outcome == Outcome.Pending && n == stepCount ? Outcome.Pending : Outcome.Passed,
                    Duration = TimeSpan.FromMilliseconds(400 + (s * n % 900)),
                    Error = failed ? "TimeoutException: 「登録しました」が 30 秒以内に表示されませんでした" : null,
                    StackTrace = failed ? string.Join("\n", Enumerable.Range(1, 12).Select(i => $"   at Shinkin.PageObjects.Frame{i}.InvokeAsync()")) : null,
                    Screenshot = store.RelativePath(png),
                });
            }

            var procedure = Procedures[s % Procedures.Length];
            await store.WriteScenarioAsync(new ScenarioRecord
            {
                Id = id,
                FeatureFile = $"chapter{procedure[0]}/procedure-{procedure}.feature",
                Feature = $"手順 {procedure} の機能",
                Scenario = string.Create(CultureInfo.InvariantCulture, $"手順 {procedure} を利用者 {s:000} で実行し、登録内容が一覧に反映されることを確認する"),
                Tags = [$"manual:{procedure}", "regression"],
                Outcome = outcome,
                Start = start.AddSeconds(s * steps * 1.2),
                Duration = TimeSpan.FromSeconds(steps * 1.1),
                Error = outcome == Outcome.Failed ? "「登録しました」が 30 秒以内に表示されませんでした" : outcome == Outcome.Pending ? "ステップ定義が未実装です" : null,
                SkipReason = outcome == Outcome.Skipped ? "Windows のみ（IE モード）" : null,
                Steps = records,
            }, ct);
        });
    }
}
