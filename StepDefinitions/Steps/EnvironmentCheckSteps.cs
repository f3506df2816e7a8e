using System.Text;
using NUnit.Framework;
using Reqnroll;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Command;
using Shinkin.EnvironmentCheck.Fixes;
using Shinkin.EnvironmentCheck.Registry;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Steps;

/// <summary>
/// Manual chapter 1 (事前準備): the Internet Options the manual asks for, read from a customer PC's
/// registry export and judged by the manual and by what is secure today.
/// </summary>
[Binding]
public sealed class EnvironmentCheckSteps
{
    private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "fixtures", "registry");

    private readonly EnvironmentCheckContext check;
    private readonly ScenarioEvidence evidence;

    public EnvironmentCheckSteps(EnvironmentCheckContext check, ScenarioEvidence evidence)
    {
        this.check = check;
        this.evidence = evidence;
    }

    [Given("PC のレジストリ {string} がある")]
    public async Task GivenTheRegistryExport(string files)
    {
        check.SnapshotFiles = files.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => Path.Combine(FixtureFolder, f))
            .ToList();
        check.Snapshot = await RegFileReader.ReadFilesAsync(check.SnapshotFiles, CancellationToken.None);
    }

    [Given("この PC のレジストリを読み取る")]
    public void GivenThisPcsRegistry()
    {
        check.SnapshotFiles = [];
        check.Snapshot = LiveRegistry.Read(CheckEnvRunner.LiveRoots, CancellationToken.None);
    }

    [When("環境チェックを実行する")]
    public void WhenTheCheckRuns() => check.Report = EnvironmentChecker.Check(check.RequiredSnapshot);

    [When("修正用 .reg を取り込んだ状態で環境チェックを実行する")]
    public async Task WhenTheCheckRunsWithTheFixImported()
    {
        var files = check.SnapshotFiles.Append(check.FixFile ?? throw new InvalidOperationException("no fix was written yet"));
        check.Report = EnvironmentChecker.Check(await RegFileReader.ReadFilesAsync(files, CancellationToken.None));
    }

    [When("プロファイル {string} の修正用 .reg を書き出す")]
    public async Task WhenTheFixIsWritten(string profile)
    {
        var path = Path.Combine(evidence.ArtifactFolder, $"fix-{profile}.reg");
        await RegFileWriter.WriteFileAsync(path, FixBuilder.BuildRegFile(ParseProfile(profile), check.RequiredSnapshot), CancellationToken.None);
        check.FixFile = path;
    }

    [Then("インターネットオプションの設定が読み取れる")]
    public void ThenTheSettingsAreRead() =>
        Assert.That(check.RequiredReport.Controls.Select(c => c.Id), Is.EquivalentTo(ControlIds.All));

    [Then("OS は {string} と判定される")]
    public void ThenTheOsIs(string name) => Assert.That(check.RequiredReport.Os.Name, Is.EqualTo(name));

    [Then("管理ID {string} の判定はマニュアルが {string}、安全が {string} である")]
    public void ThenTheControlVerdictsAre(string id, string manual, string secure)
    {
        var control = check.RequiredReport[id];
        Assert.Multiple(() =>
        {
            Assert.That(control.Manual.Verdict.Mark(), Is.EqualTo(manual), $"{id} マニュアル: {control.Manual.Reason}");
            Assert.That(control.Secure.Verdict.Mark(), Is.EqualTo(secure), $"{id} 安全: {control.Secure.Reason}");
        });
    }

    [Then("管理ID {string} の説明に {string} が含まれる")]
    public void ThenTheExplanationMentions(string id, string text) =>
        Assert.That(check.RequiredReport[id].Explanation, Does.Contain(text));

    [Then("総合判定はマニュアルが {string}、安全が {string} である")]
    public void ThenTheOverallVerdictsAre(string manual, string secure)
    {
        var report = check.RequiredReport;
        Assert.Multiple(() =>
        {
            Assert.That(report.Overall(CheckProfile.Manual).Mark(), Is.EqualTo(manual), "総合 マニュアル");
            Assert.That(report.Overall(CheckProfile.Secure).Mark(), Is.EqualTo(secure), "総合 安全");
        });
    }

    [Then("修正用 .reg は UTF-16LE で {string} から始まる")]
    public async Task ThenTheFixIsUtf16(string header)
    {
        var bytes = await File.ReadAllBytesAsync(check.FixFile ?? throw new InvalidOperationException("no fix was written yet"));
        Assert.Multiple(() =>
        {
            Assert.That(bytes.Take(2), Is.EqualTo(new byte[] { 0xFF, 0xFE }), "UTF-16LE byte order mark");
            Assert.That(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), Does.StartWith(header));
        });
    }

    [Then("案内に {string} が含まれる")]
    public void ThenTheAdviceMentions(string text) => Assert.That(CheckReport.RestartAdvice, Does.Contain(text));

    private static CheckProfile ParseProfile(string profile) => profile switch
    {
        "manual" => CheckProfile.Manual,
        "secure" => CheckProfile.Secure,
        _ => throw new ArgumentException($"unknown profile '{profile}' (manual or secure)", nameof(profile)),
    };
}
