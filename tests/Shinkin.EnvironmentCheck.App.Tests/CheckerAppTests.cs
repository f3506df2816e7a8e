using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.Reports.EnvCheck;
using static Shinkin.EnvironmentCheck.App.Tests.CheckerRun;

namespace Shinkin.EnvironmentCheck.App.Tests;

/// <summary><c>shinkin-check.exe</c>'s entry point on the environment-check fixtures, as the .exe runs it.</summary>
public sealed class CheckerAppTests
{
    [TestCase(new[] { "manual-conformant-hkcu.reg", "manual-conformant-hklm.reg" }, "manual", 0)]
    [TestCase(new[] { "manual-conformant-hkcu.reg", "manual-conformant-hklm.reg" }, null, 1)]
    [TestCase(new[] { "hardened.reg" }, null, 0)]
    [TestCase(new[] { "hardened.reg" }, "manual", 1)]
    [TestCase(new[] { "win10-default.reg" }, null, 1)]
    public async Task Exit_code_follows_the_profile_which_is_secure_by_default(string[] fixtures, string? profile, int exitCode)
    {
        string[] args = [.. fixtures.Select(FixturePath), .. profile is null ? [] : new[] { "--profile", profile }];
        using var run = await StartAsync(args);
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(exitCode), run.Stderr);
            Assert.That(run.Stdout, Does.Contain($"← 選択中のプロファイル"));
        });
    }

    [Test]
    public async Task Each_control_shows_its_verdict_what_the_manual_asks_and_what_is_secure_today()
    {
        using var run = await StartAsync([FixturePath("hardened.reg"), "--no-fix"]);
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var ssl3 = lines.FindIndex(l => l.StartsWith("[OK] IE-ADV-SSL3 SSL3.0 を使用する", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(ssl3, Is.GreaterThanOrEqualTo(0), run.Stdout);
            Assert.That(lines.Skip(ssl3 + 1).Take(3), Is.EqualTo(new[]
            {
                "     実際の値: 無効 (SecureProtocols=0x00002800) (HKCU\\…\\Internet Settings : SecureProtocols)",
                "     マニュアル: NG  期待値 有効",
                "     安全:       OK  期待値 無効",
            }));
            Assert.That(lines.Count(l => l.StartsWith("[OK] IE-", StringComparison.Ordinal) || l.StartsWith("[NG] IE-", StringComparison.Ordinal)),
                Is.EqualTo(ControlIds.All.Count));
            Assert.That(run.Stdout, Does.Contain("総合判定 (安全): 合格 [OK] ← 選択中のプロファイル"));
            Assert.That(run.Stdout, Does.Contain("安全の基準ですべて OK です。修正は不要です。"));
        });
    }

    [Test]
    public async Task Writes_the_workbook_json_and_a_fix_that_makes_the_pc_pass()
    {
        using var run = await StartAsync([FixturePath("win10-default.reg")]);
        var workbookPath = run.Single("環境チェック結果報告書_win10-default_*.xlsx");
        var jsonPath = run.Single("環境チェック結果_win10-default_*.json");
        var fixPath = run.Single("修正_secure_win10-default_*.reg");
        using var workbook = new XLWorkbook(workbookPath);
        var results = workbook.Worksheet(EnvironmentWorkbookWriter.ResultSheet);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(jsonPath));
        using var after = await StartAsync([FixturePath("win10-default.reg"), fixPath]);
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(1));
            Assert.That(results.Cell(EnvironmentWorkbookWriter.ResultHeaderRow + 1, 1).GetString(), Is.EqualTo(ControlIds.All[0]));
            Assert.That(results.Cell(EnvironmentWorkbookWriter.ResultHeaderRow + 1, EnvironmentWorkbookWriter.VerdictColumn(CheckProfile.Secure)).GetString(),
                Is.EqualTo("NG"), "a fresh Windows 10 has not allowed the bank's cookies");
            Assert.That(json.RootElement.GetProperty("profile").GetString(), Is.EqualTo("secure"));
            Assert.That(json.RootElement.GetProperty("summary").GetProperty("secure").GetString(), Is.EqualTo("fail"));
            Assert.That(json.RootElement.GetProperty("controls").GetArrayLength(), Is.EqualTo(ControlIds.All.Count));
            Assert.That(File.ReadAllBytes(fixPath).Take(2), Is.EqualTo(new byte[] { 0xFF, 0xFE }), "UTF-16LE with BOM, as regedit imports");
            Assert.That(run.Stdout, Does.Contain("  Excel: " + workbookPath).And.Contain("  JSON:  " + jsonPath));
            Assert.That(run.Stdout, Does.Contain("修正用 .reg (安全の基準) を書き出しました: " + fixPath));
            Assert.That(run.Stdout, Does.Contain("ダブルクリックして「はい」を選ぶと").And.Contain($"reg import \"{fixPath}\""));
            Assert.That(after.Code, Is.EqualTo(0), "the export plus the fix passes: " + after.Stdout);
        });
    }

    [Test]
    public async Task Manual_profile_writes_the_manual_fix()
    {
        using var run = await StartAsync([FixturePath("hardened.reg"), "--profile", "manual"]);
        var fix = Encoding.Unicode.GetString(File.ReadAllBytes(run.Single("修正_manual_hardened_*.reg")));
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(1));
            Assert.That(fix, Does.Contain("修正ファイル: プロファイル manual"));
        });
    }

    [Test]
    public async Task No_fix_writes_the_reports_but_no_fix()
    {
        using var run = await StartAsync([FixturePath("win10-default.reg"), "--no-fix"]);
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(1));
            Assert.That(run.Files("*.reg"), Is.Empty);
            Assert.That(run.Files("*.xlsx"), Has.Length.EqualTo(1));
            Assert.That(run.Stdout, Does.Contain("--no-fix のため修正用 .reg は書き出しません"));
        });
    }

    [TestCase("n\n", 0)]
    [TestCase("\n", 1)]
    [TestCase("y\n", 1)]
    public async Task Interactive_run_asks_before_writing_the_fix(string answer, int fixFiles)
    {
        using var run = await StartAsync([FixturePath("win10-default.reg")], interactive: true, input: answer);
        Assert.Multiple(() =>
        {
            Assert.That(run.Stdout, Does.Contain("修正用 .reg ファイルを書き出しますか?"));
            Assert.That(run.Files("*.reg"), Has.Length.EqualTo(fixFiles));
            Assert.That(run.Stdout, Does.Not.Contain("Enter キーを押すと終了します"), "with arguments it is not a double-click");
        });
    }

    [Test]
    public async Task Yes_writes_the_fix_without_asking()
    {
        using var run = await StartAsync([FixturePath("win10-default.reg"), "--yes"], interactive: true);
        Assert.Multiple(() =>
        {
            Assert.That(run.Stdout, Does.Not.Contain("書き出しますか?"));
            Assert.That(run.Files("*.reg"), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task Without_arguments_it_checks_the_live_registry_and_waits_before_the_window_closes()
    {
        var registry = await FakeLiveRegistryAsync("win10-default.reg");
        using var run = await StartAsync([], registry, interactive: true, input: "y\n\n");
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(1));
            Assert.That(run.Files($"環境チェック結果報告書_*_*.xlsx").Single(), Does.Contain("_" + Environment.MachineName + "_"));
            Assert.That(run.Files("修正_secure_*.reg"), Has.Length.EqualTo(1));
            Assert.That(run.Stdout.TrimEnd(), Does.EndWith("Enter キーを押すと終了します。"));
        });
    }

    [Test]
    public async Task Without_arguments_and_without_a_registry_it_says_so_in_japanese_and_english()
    {
        using var run = await StartAsync([]);
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(2));
            Assert.That(run.Stderr, Does.Contain("これは Windows でだけできます").And.Contain("which only Windows has"));
            Assert.That(Directory.EnumerateFileSystemEntries(run.Folder), Is.Empty);
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task This_process_off_windows_has_no_live_registry()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = CheckerHost.ForThisProcess() with { Out = stdout, Error = stderr };
        var code = await CheckerApp.RunAsync([], host, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(host.LiveRegistry, Is.Null);
            Assert.That(host.IsInteractive, Is.False);
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr.ToString(), Is.EqualTo(CheckerApp.WindowsOnlyMessage + Environment.NewLine));
        });
    }

    [Test]
    public async Task Malformed_file_exits_2_with_file_and_line()
    {
        var broken = Path.Combine(Path.GetTempPath(), "broken-" + Guid.NewGuid().ToString("N") + ".reg");
        await File.WriteAllTextAsync(broken, "Windows Registry Editor Version 5.00\r\n\r\n[HKCU\\Software\r\n");
        try
        {
            using var run = await StartAsync([broken]);
            Assert.Multiple(() =>
            {
                Assert.That(run.Code, Is.EqualTo(2));
                Assert.That(run.Stderr, Does.Contain(Path.GetFileName(broken) + ":3: expected ']' at the end of the key line"));
                Assert.That(run.Stdout, Is.Empty);
                Assert.That(Directory.EnumerateFileSystemEntries(run.Folder), Is.Empty);
            });
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Test]
    public async Task Output_folder_that_cannot_be_created_exits_2_and_points_to_out()
    {
        var file = Path.Combine(Path.GetTempPath(), "not-a-folder-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(file, "a file where the folder should go");
        try
        {
            using var run = await StartAsync([FixturePath("hardened.reg"), "--out", Path.Combine(file, "out")]);
            Assert.Multiple(() =>
            {
                Assert.That(run.Code, Is.EqualTo(2));
                Assert.That(run.Stderr, Does.Contain("に書き出せません").And.Contain("--out で書き込めるフォルダーを指定してください"));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Out_chooses_the_folder()
    {
        using var run = await StartAsync([FixturePath("hardened.reg")]);
        var other = Path.Combine(run.Folder, "結果");
        using var second = await StartAsync([FixturePath("hardened.reg"), "--out", other]);
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(other, "*.xlsx"), Has.Length.EqualTo(1));
            Assert.That(second.Files("*.xlsx"), Is.Empty, "nothing in the default folder");
        });
    }

    [TestCase("--yes", "--no-fix")]
    [TestCase("--profile", "strict")]
    [TestCase("--out")]
    [TestCase("--format", "json")]
    public async Task Bad_usage_exits_2_with_usage(params string[] args)
    {
        using var run = await StartAsync([FixturePath("hardened.reg"), .. args]);
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(2));
            Assert.That(run.Stderr, Does.StartWith("エラー: ").And.Contain("使い方: shinkin-check"));
        });
    }

    [Test]
    public async Task Help_prints_usage_and_exits_0()
    {
        using var run = await StartAsync(["--help"]);
        Assert.Multiple(() =>
        {
            Assert.That(run.Code, Is.EqualTo(0));
            Assert.That(run.Stdout, Does.Contain("--no-fix").And.Contain("終了コード"));
        });
    }
}
