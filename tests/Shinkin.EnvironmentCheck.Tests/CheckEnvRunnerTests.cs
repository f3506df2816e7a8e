using System.Text.Json;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Command;
using Shinkin.EnvironmentCheck.Registry;
using static Shinkin.EnvironmentCheck.Tests.Fixture;

namespace Shinkin.EnvironmentCheck.Tests;

public sealed class CheckEnvRunnerTests
{
    private string _workDir = string.Empty;

    [SetUp]
    public void CreateWorkDir()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "check-env-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void DeleteWorkDir() => Directory.Delete(_workDir, recursive: true);

    [TestCase(new[] { "manual-conformant-hkcu.reg", "manual-conformant-hklm.reg" }, "manual", 0)]
    [TestCase(new[] { "manual-conformant-hkcu.reg", "manual-conformant-hklm.reg" }, "secure", 1)]
    [TestCase(new[] { "hardened.reg" }, "manual", 1)]
    [TestCase(new[] { "hardened.reg" }, "secure", 0)]
    [TestCase(new[] { "win10-default.reg" }, null, 1)]
    public async Task Exit_code_follows_the_chosen_profile(string[] files, string? profile, int exitCode)
    {
        var args = files.Select(PathOf).ToList();
        if (profile is not null)
        {
            args.AddRange(["--profile", profile]);
        }

        var (code, stdout, _) = await RunAsync(args);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(exitCode));
            Assert.That(stdout, Does.Contain("管理ID"));
        });
    }

    [Test]
    public async Task Json_format_writes_only_json_to_stdout()
    {
        var (code, stdout, _) = await RunAsync([PathOf("hardened.reg"), "--format", "json", "--profile=secure"]);
        using var json = JsonDocument.Parse(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(json.RootElement.GetProperty("summary").GetProperty("secure").GetString(), Is.EqualTo("pass"));
            Assert.That(json.RootElement.GetProperty("controls").GetArrayLength(), Is.EqualTo(ControlIds.All.Count));
        });
    }

    [Test]
    public async Task Malformed_file_prints_file_and_line_and_exits_2()
    {
        var path = Path.Combine(_workDir, "broken.reg");
        await File.WriteAllTextAsync(path, "Windows Registry Editor Version 5.00\r\n\r\n[HKCU\\Software\r\n");
        var (code, stdout, stderr) = await RunAsync([path]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("broken.reg:3: expected ']' at the end of the key line"));
            Assert.That(stdout, Is.Empty);
        });
    }

    [Test]
    public async Task Missing_file_exits_2() =>
        Assert.That((await RunAsync([Path.Combine(_workDir, "missing.reg")])).Code, Is.EqualTo(2));

    [TestCase("--profile", "strict")]
    [TestCase("--format", "xml")]
    [TestCase("--bogus")]
    [TestCase("--write-fix", "manual")]
    public async Task Bad_usage_exits_2_with_usage(params string[] args)
    {
        var (code, _, stderr) = await RunAsync([PathOf("hardened.reg"), .. args]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("使い方: check-env"));
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task Without_files_off_windows_it_explains_that_the_live_registry_needs_windows()
    {
        var (code, _, stderr) = await RunAsync([]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("live registry can only be read on Windows").And.Contain("reg export"));
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task Apply_off_windows_exits_2()
    {
        var (code, _, stderr) = await RunAsync([PathOf("hardened.reg"), "--apply"]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("--apply は Windows でのみ"));
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    public void Live_registry_reader_throws_a_clear_platform_error()
    {
        var error = Assert.Throws<PlatformNotSupportedException>(() => LiveRegistry.Read(CheckEnvRunner.LiveRoots, CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("only be read on Windows"));
    }

    [Test]
    public async Task Os_option_exempts_trusted_sites_on_xp()
    {
        var (code, stdout, _) = await RunAsync([PathOf("win10-default.reg"), "--os", "Windows XP", "--format", "json"]);
        using var json = JsonDocument.Parse(stdout);
        var trust = json.RootElement.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == ControlIds.TrustShinkinIb);
        Assert.Multiple(() =>
        {
            Assert.That(trust.GetProperty("verdicts").GetProperty("manual").GetString(), Is.EqualTo("na"));
            Assert.That(code, Is.EqualTo(1), "the cookies are still missing");
        });
    }

    [Test]
    public async Task Writes_workbook_and_fix_file_that_passes_after_import()
    {
        var xlsx = Path.Combine(_workDir, "out", "check.xlsx");
        var fix = Path.Combine(_workDir, "fix-secure.reg");
        var workbooks = new List<(CheckReport Report, CheckProfile Selected, string Path)>();
        var (code, _, stderr) = await RunAsync([PathOf("win10-default.reg"), "--xlsx", xlsx, "--write-fix", "secure", fix, "--profile", "secure"],
            (report, selected, path, _) =>
            {
                workbooks.Add((report, selected, path));
                return Task.CompletedTask;
            });
        var (after, _, _) = await RunAsync([PathOf("win10-default.reg"), fix, "--profile", "secure"]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(workbooks, Has.Count.EqualTo(1), "the host's workbook writer is called once");
            Assert.That(workbooks[0].Path, Is.EqualTo(xlsx));
            Assert.That(workbooks[0].Selected, Is.EqualTo(CheckProfile.Secure));
            Assert.That(workbooks[0].Report.Controls, Has.Count.EqualTo(ControlIds.All.Count));
            Assert.That(stderr, Does.Contain("Excel ブックを書き出しました: " + xlsx));
            Assert.That(stderr, Does.Contain("fix-secure.reg").And.Contain("すべての Internet Explorer を閉じて"));
            Assert.That(after, Is.EqualTo(0), "the PC export plus the fix passes the secure profile");
        });
    }

    [Test]
    public async Task Workbook_that_cannot_be_written_exits_2_with_the_reason()
    {
        var (code, stdout, stderr) = await RunAsync([PathOf("hardened.reg"), "--xlsx", Path.Combine(_workDir, "locked.xlsx")],
            (_, _, _, _) => throw new IOException("locked by another process"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("Excel ブックを書き出せません: locked by another process"));
            Assert.That(stdout, Does.Contain("管理ID"), "the console report is printed before the workbook is written");
        });
    }

    [Test]
    public async Task Without_xlsx_the_workbook_writer_is_not_called()
    {
        var calls = 0;
        var (code, _, _) = await RunAsync([PathOf("hardened.reg"), "--profile", "secure"], (_, _, _, _) =>
        {
            calls++;
            return Task.CompletedTask;
        });
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(calls, Is.Zero);
        });
    }

    [Test]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (code, stdout, _) = await RunAsync(["--help"]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(stdout, Does.Contain("--write-fix"));
        });
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IReadOnlyList<string> args, CheckEnvWorkbookWriter? writeWorkbook = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stdin = new StringReader(string.Empty);
        var code = await CheckEnvRunner.RunAsync(args, stdout, stderr, stdin, writeWorkbook ?? NoWorkbook, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static Task NoWorkbook(CheckReport report, CheckProfile selected, string path, CancellationToken cancellationToken) =>
        throw new AssertionException("--xlsx was not given, so no workbook should be written");
}
