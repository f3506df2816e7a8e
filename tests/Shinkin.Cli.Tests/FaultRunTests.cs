using System.Text.Json;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using NUnit.Framework;
using Shinkin.Cli.Commands;
using Shinkin.Reports;
using Shinkin.Reports.RunRecords;

namespace Shinkin.Cli.Tests;

/// <summary>
/// What a run does when something breaks under it, each a real `run` of the command line (a child process, as ./harness
/// starts it) over a few short scenarios in Chromium against a real reference server: the server dies, the browser is
/// killed, the run is stopped by a signal, the run folder cannot be written. Each waits on the run folder's files (a
/// scenario's record, a step's screenshot) before it breaks something, never on a fixed pause.
/// </summary>
[TestFixture]
[Category("faults")]
[NonParallelizable]
public sealed partial class FaultRunTests
{
    /// <summary>Two Examples rows of 2-1:5 (short, alphabetically first) and 2-2:1-2, in this order on one worker.</summary>
    private const string WrongCredentials = "FullyQualifiedName~通知書面と異なるログイン";
    private const string NoCertificate = "FullyQualifiedName~電子証明書を取得していないと";
    private const string AcquireCertificate = "FullyQualifiedName~マスターユーザが電子証明書を取得する";

    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan EventLimit = TimeSpan.FromMinutes(4);

    private DirectoryInfo folder = null!;

    [SetUp]
    public void CreateFolder() => folder = InspectableFolder.Create("shinkin-faults-");

    [TearDown]
    public void RemoveFolder() => InspectableFolder.Release(folder);

    private string RunFolder => Path.Combine(folder.FullName, "run");

    [Platform(Include = "Linux", Reason = "finds the browser through /proc and sends POSIX signals with /bin/kill")]
    [Test]
    public async Task The_server_dies_mid_run_the_remaining_scenarios_fail_fast_naming_it_and_the_report_is_written()
    {
        await using var server = HarnessProcess.StartReferenceServer(
        [
            "--ReferenceServer:PublicPort=0", "--ReferenceServer:CertificatePort=0", "--TestHooks:TestHooks=false",
            $"--ReferenceServer:DataDirectory={Path.Combine(folder.FullName, "server")}", "--BackOffice:ApiKey=fault-test-key",
        ]);
        var publicUrl = await server.WaitForAsync(() => Printed(server, "Public URL"), "the server's public URL", EventLimit);
        var certificateUrl = await server.WaitForAsync(() => Printed(server, "Certificate URL"), "the certificate-login URL", EventLimit);
        var ca = await server.WaitForAsync(() => Printed(server, "CA certificate"), "the server's CA file", EventLimit);

        await using var run = HarnessProcess.StartCli(
            ["run", "--target", publicUrl, "--filter", $"{WrongCredentials}|{NoCertificate}", "--workers", "1", "--a11y", "off", "--out", RunFolder],
            new Dictionary<string, string?>
            {
                ["SHINKIN_TARGET_CERT_URL"] = certificateUrl,
                ["SHINKIN_BACKOFFICE_KEY"] = "fault-test-key",
                ["SHINKIN_CA_PEM"] = ca,
            });
        await run.WaitForAsync(() => Records().FirstOrDefault(), "the first scenario's record", EventLimit);
        await server.SignalAsync("KILL");
        var killedAt = DateTimeOffset.Now;

        var exit = await run.ExitCodeAsync(RunLimit);
        var records = Records().OrderBy(r => r.Start).ToList();
        var origin = new Uri(publicUrl).GetLeftPart(UriPartial.Authority);
        var afterTheKill = records.Where(r => r.Start > killedAt).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), run.Output);
            Assert.That(records, Has.Count.EqualTo(3));
            Assert.That(records[0].Outcome, Is.EqualTo(Outcome.Passed), "the scenario before the death");
            Assert.That(records.Skip(1).Select(r => r.Outcome), Has.All.EqualTo(Outcome.Failed));
            Assert.That(records.Skip(1).Select(r => r.Error), Has.All.Contain($"試験対象サーバ {origin} に接続できません"), "each failure names the dead server");
            Assert.That(afterTheKill, Is.Not.Empty, "a scenario started after the server died");
            Assert.That(afterTheKill.Select(r => r.Duration), Has.All.LessThan(TimeSpan.FromSeconds(15)), "failing fast: no step waits for its timeout");
            Assert.That(Path.Combine(RunFolder, ReportRenderer.EvidenceFileName("run")), Does.Exist);
            Assert.That(run.Output, Does.Contain("1 passed, 2 failed, 0 skipped"));
        });
        AssertJUnitFailures(2);
    }

    [Platform(Include = "Linux", Reason = "finds the browser through /proc and sends POSIX signals with /bin/kill")]
    [Test]
    public async Task The_browser_is_killed_mid_scenario_that_scenario_fails_with_its_evidence_and_the_next_gets_a_fresh_browser()
    {
        await using var run = HarnessProcess.StartCli(
            ["run", "--filter", $"{AcquireCertificate}|{NoCertificate}", "--workers", "1", "--a11y", "off", "--out", RunFolder]);
        var secondStep = await run.WaitForAsync(() => Screenshot("マスターユーザが電子証明書を取得する", 2), "the second step's screenshot", EventLimit);
        var browsers = run.Descendants(IsChromiumBrowser);
        Assert.That(browsers, Has.Count.EqualTo(1), $"one Chromium browser process below the run (found {browsers.Count}); the screenshot was {secondStep}");
        System.Diagnostics.Process.GetProcessById(browsers[0]).Kill();
        var killedAt = DateTimeOffset.Now;

        var exit = await run.ExitCodeAsync(RunLimit);
        var killed = Records().Single(r => r.Scenario == "マスターユーザが電子証明書を取得する");
        var next = Records().Single(r => r.Scenario == "電子証明書を取得していないと電子証明書ログインできない");
        var failedStep = killed.Steps.FirstOrDefault(s => s.Outcome == Outcome.Failed);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), run.Output);
            Assert.That(killed.Outcome, Is.EqualTo(Outcome.Failed));
            Assert.That(failedStep?.Error, Does.Contain("browser process is gone"), "the step says the browser died");
            Assert.That(killed.Steps.Count(s => s.Outcome == Outcome.Passed), Is.GreaterThanOrEqualTo(2), "the steps before the kill are kept");
            Assert.That(killed.Steps.Select(s => s.Screenshot).OfType<string>().Select(s => Path.Combine(RunFolder, s)), Does.Contain(secondStep).And.All.Matches<string>(File.Exists), "with their screenshots");
            Assert.That(next.Outcome, Is.EqualTo(Outcome.Passed), $"the next scenario ran in a fresh browser: {next.Error}");
            Assert.That(next.Start, Is.GreaterThan(killedAt));
            Assert.That(Path.Combine(RunFolder, ReportRenderer.EvidenceFileName("run")), Does.Exist);
        });
        AssertJUnitFailures(1);
    }

    [Platform(Include = "Linux", Reason = "finds the browser through /proc and sends POSIX signals with /bin/kill")]
    [TestCase("INT", "SIGINT（Ctrl+C）")]
    [TestCase("TERM", "SIGTERM")]
    public async Task A_signal_stops_the_run_and_what_finished_is_reported_as_partial(string signal, string reason)
    {
        await using var run = HarnessProcess.StartCli(
            ["run", "--filter", WrongCredentials, "--workers", "1", "--a11y", "off", "--out", RunFolder]);
        await run.WaitForAsync(() => Screenshot("通知書面と異なるログイン", 1), "the first scenario's first step", EventLimit);
        await run.SignalAsync(signal);

        var exit = await run.ExitCodeAsync(RunLimit);
        var records = Records().ToList();
        using var workbook = new XLWorkbook(Path.Combine(RunFolder, ReportRenderer.EvidenceFileName("run")));
        var summary = workbook.Worksheet("サマリー");
        using var runJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RunFolder, RunRecordStore.RunFileName)));
        var html = File.ReadAllText(Path.Combine(RunFolder, ReportRenderer.ReqnrollHtmlFileName));
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), run.Output);
            Assert.That(records, Has.Count.EqualTo(1), "the scenario running at the signal finishes; the other never starts");
            Assert.That(records.Single().Outcome, Is.EqualTo(Outcome.Passed));
            Assert.That(run.Output, Does.Contain($"==> stop ({reason}): no further scenario starts"));
            Assert.That(ClosingLine(run.Output), Is.EqualTo($"==> run: interrupted ({reason}) — partial report: 1 of 2 scenarios finished (exit 2)"));
            Assert.That(summary.Cell(3, 1).GetString(), Does.StartWith("【部分的な報告】").And.Contain(reason).And.Contain("予定 2 シナリオのうち完了した 1 シナリオ"));
            Assert.That(workbook.Worksheets.Count(w => w.Name.StartsWith("001 ", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(html, Does.Contain(PartialRunNotice.HtmlId).And.Contain("【部分的な報告】"), "Reqnroll's HTML report says it too");
            Assert.That(runJson.RootElement.GetProperty("Interruption").GetString(), Is.EqualTo(reason));
        });
    }

    [Test]
    public async Task A_run_folder_that_cannot_be_written_stops_the_run_before_anything_starts()
    {
        var notAFolder = Path.Combine(folder.FullName, "a-file");
        await File.WriteAllTextAsync(notAFolder, "");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CommandLine.DispatchAsync(["run", "--filter", NoCertificate, "--out", Path.Combine(notAFolder, "run")], stdout, stderr);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(stderr.ToString(), Does.StartWith($"harness: the run folder {Path.Combine(notAFolder, "run")} cannot be written: "));
            Assert.That(stdout.ToString(), Does.Not.Contain("==> run:"), "no test run (and so no browser) was started");
            Assert.That(Directory.EnumerateFileSystemEntries(folder.FullName), Is.EqualTo(new[] { notAFolder }), "nothing was written");
        });
    }

    /// <summary>A Chromium browser process (not one of its helpers, which carry --type=).</summary>
    private static bool IsChromiumBrowser(string commandLine) =>
        commandLine.Split(' ')[0].EndsWith("/chromium", StringComparison.Ordinal) && !commandLine.Contains("--type=", StringComparison.Ordinal);

    private static string? Printed(HarnessProcess process, string label) =>
        PrintedValue().Matches(process.Output).FirstOrDefault(m => m.Groups[1].Value == label)?.Groups[2].Value.Trim();

    private static string ClosingLine(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Last(l => l.StartsWith("==> ", StringComparison.Ordinal));

    private IEnumerable<ScenarioRecord> Records()
    {
        var scenarios = Path.Combine(RunFolder, RunRecordStore.ScenarioFolderName);
        return Directory.Exists(scenarios)
            ? Directory.EnumerateFiles(scenarios, "*.json").Select(RunRecordStore.ReadScenario)
            : [];
    }

    /// <summary>The screenshot of step <paramref name="step"/> of the scenario whose artefact folder names <paramref name="scenario"/>, once it is there.</summary>
    private string? Screenshot(string scenario, int step)
    {
        var artifacts = Path.Combine(RunFolder, RunRecordStore.ArtifactFolderName);
        return Directory.Exists(artifacts)
            ? Directory.EnumerateDirectories(artifacts)
                .Where(d => Path.GetFileName(d).Contains(scenario, StringComparison.Ordinal))
                .Select(d => Path.Combine(d, $"step-{step:D2}.png"))
                .FirstOrDefault(File.Exists)
            : null;
    }

    private void AssertJUnitFailures(int failures)
    {
        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(RunFolder, ReportRenderer.JUnitFileName));
        Assert.That((int)junit.Root!.Attribute("failures")!, Is.EqualTo(failures));
    }

    [GeneratedRegex(@"^(Public URL|Certificate URL|CA certificate):\s+(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PrintedValue();
}
