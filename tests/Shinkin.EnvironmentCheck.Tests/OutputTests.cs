using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Output;
using static Shinkin.EnvironmentCheck.Tests.Fixture;

namespace Shinkin.EnvironmentCheck.Tests;

public sealed class OutputTests
{
    [Test]
    public async Task Console_table_has_japanese_labels_aligned_columns_and_the_restart_advice()
    {
        var report = EnvironmentChecker.Check(await LoadAsync(GpoManaged));
        var text = ConsoleReportWriter.Write(report, CheckProfile.Manual);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines.Single(l => l.StartsWith("管理ID", StringComparison.Ordinal));
        var rows = lines.Where(l => l.StartsWith("IE-", StringComparison.Ordinal) && l.Contains(" | ", StringComparison.Ordinal)).ToList();
        var firstBar = ConsoleReportWriter.DisplayWidth(header[..header.IndexOf(" | ", StringComparison.Ordinal)]);
        Assert.Multiple(() =>
        {
            Assert.That(header, Does.Contain("項目").And.Contain("実際の値").And.Contain("取得元").And.Contain("マニュアル").And.Contain("安全"));
            Assert.That(rows, Has.Count.EqualTo(ControlIds.All.Count));
            Assert.That(rows.Select(r => ConsoleReportWriter.DisplayWidth(r[..r.IndexOf(" | ", StringComparison.Ordinal)])), Is.All.EqualTo(firstBar));
            Assert.That(text, Does.Contain("総合判定 (マニュアル): 不合格 [NG] ← 選択中のプロファイル"));
            Assert.That(text, Does.Contain("上書きされた値: HKCU\\" + IsKey + " : SecureProtocols"));
            Assert.That(text, Does.Contain(@"Policies\…\Internet Settings"));
            Assert.That(text.TrimEnd(), Does.EndWith(CheckReport.RestartAdvice));
        });
    }

    [Test]
    public async Task Control_blocks_show_both_expectations_the_selected_verdict_and_its_fix()
    {
        var report = EnvironmentChecker.Check(await LoadAsync(GpoManaged));
        var text = ConsoleReportWriter.WriteByControl(report, CheckProfile.Secure);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var proxy = lines.FindIndex(l => l.StartsWith("[NG] " + ControlIds.ProxyHttp11 + " ", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(lines.Count(l => l.StartsWith("[OK] IE-", StringComparison.Ordinal) || l.StartsWith("[NG] IE-", StringComparison.Ordinal)),
                Is.EqualTo(ControlIds.All.Count));
            Assert.That(proxy, Is.GreaterThanOrEqualTo(0), text);
            Assert.That(lines.Skip(proxy + 1).Take(4), Is.EqualTo(new[]
            {
                @"     実際の値: 無効 (0) (HKCU\Policies\…\Internet Settings : ProxyHttp1.1)",
                "     マニュアル: NG  期待値 有効 (1)",
                "     安全:       NG  期待値 有効 (1)",
                "     修正方法: " + report[ControlIds.ProxyHttp11].Secure.Fix,
            }));
            Assert.That(text, Does.Contain("総合判定 (安全): 不合格 [NG] ← 選択中のプロファイル"));
            Assert.That(text.TrimEnd(), Does.EndWith(CheckReport.RestartAdvice));
        });
    }

    [TestCase("abc", 3)]
    [TestCase("信頼済み", 8)]
    [TestCase("ＴＬＳ1.0", 9)]
    public void Display_width_counts_full_width_characters_twice(string text, int width) =>
        Assert.That(ConsoleReportWriter.DisplayWidth(text), Is.EqualTo(width));
}
