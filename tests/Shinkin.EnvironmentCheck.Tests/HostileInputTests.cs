using System.Text;
using static Shinkin.EnvironmentCheck.Tests.Fixture;

namespace Shinkin.EnvironmentCheck.Tests;

/// <summary>
/// Files a customer (or a broken copy) can hand us that are not well-formed exports: each must end in
/// exit 2 with <c>file:LINE:</c> on stderr (or be read), never in an unhandled exception.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] Utf16LeBom = [0xFF, 0xFE];
    private static readonly byte[] Utf16BeBom = [0xFE, 0xFF];

    private string _workDir = string.Empty;

    [SetUp]
    public void CreateWorkDir()
    {
        _workDir = Path.Combine(Path.GetTempPath(), "check-env-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
    }

    [TearDown]
    public void DeleteWorkDir() => Directory.Delete(_workDir, recursive: true);

    [Test]
    public async Task Utf8_bom_file_with_invalid_utf8_exits_2_naming_the_line()
    {
        // Line 4 holds 0xC3 0x28: a lead byte followed by a byte that cannot continue it.
        var bytes = Concat(Utf8Bom, Encoding.UTF8.GetBytes(V5 + "[HKCU\\K]\r\n\"A\"=\"x"), [0xC3, 0x28], Encoding.UTF8.GetBytes("\"\r\n\"B\"=dword:1\r\n"));
        var (code, stdout, stderr) = await RunFileAsync("bad-utf8.reg", bytes);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("bad-utf8.reg:4: expected UTF-8"));
            Assert.That(stdout, Is.Empty);
        });
    }

    [Test]
    public async Task Utf8_bom_file_cut_inside_a_character_exits_2_naming_the_last_line()
    {
        var full = Encoding.UTF8.GetBytes(V5 + "[HKCU\\K]\r\n\"A\"=\"値");
        var (code, _, stderr) = await RunFileAsync("cut.reg", Concat(Utf8Bom, full[..^1]));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("cut.reg:4: expected UTF-8").And.Contain("E580"));
        });
    }

    [TestCase(false, TestName = "UTF-16LE with BOM and an odd byte count exits 2")]
    [TestCase(true, TestName = "UTF-16BE with BOM and an odd byte count exits 2")]
    public async Task Utf16_with_odd_byte_count_exits_2_naming_the_last_line(bool bigEndian)
    {
        var encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        var bytes = Concat(bigEndian ? Utf16BeBom : Utf16LeBom, encoding.GetBytes(V5 + "[HKCU\\K]\r\n\"A\"=dword:1\r\n"), [0x41]);
        var (code, _, stderr) = await RunFileAsync("odd.reg", bytes);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("odd.reg:5: expected an even number of bytes"));
        });
    }

    [Test]
    public async Task Utf16_without_bom_and_an_odd_byte_count_exits_2()
    {
        var bytes = Concat(Encoding.Unicode.GetBytes(V5 + "[HKCU\\K]\r\n"), [0x5B]);
        var (code, _, stderr) = await RunFileAsync("odd.reg", bytes);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("odd.reg:4: expected an even number of bytes"));
        });
    }

    [Test]
    public async Task Unpaired_surrogates_in_utf16_are_read_as_replacement_characters()
    {
        // Registry names are arbitrary UTF-16 units and regedit exports them as they are.
        var text = V5 + "[HKCU\\K\uD800x]\r\n\"A\uDC00\"=\"\uD83D\"\r\n";
        var bytes = Concat(Utf16LeBom, Encoding.Unicode.GetBytes(text.ToCharArray()));
        var (code, stdout, stderr) = await RunFileAsync("surrogates.reg", bytes);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.AnyOf(0, 1), stderr);
            Assert.That(stdout, Does.Contain("管理ID"));
        });
        var json = await RunFileAsync("surrogates.reg", bytes, "--format", "json");
        Assert.That(() => System.Text.Json.JsonDocument.Parse(json.Stdout).Dispose(), Throws.Nothing, json.Stderr);
    }

    [Test]
    public async Task Nul_bytes_are_a_line_error_shown_escaped()
    {
        var bytes = Concat(Encoding.UTF8.GetBytes(V5 + "[HKCU\\K]\r\n"), [0, 0x1B, 0x5B, 0x32, 0x4A], Encoding.UTF8.GetBytes("=dword:1\r\n"));
        var (code, _, stderr) = await RunFileAsync("nul.reg", bytes);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("nul.reg:4: expected a key line").And.Contain("\\u0000\\u001B[2J"));
            Assert.That(stderr.Where(c => c is '\0' or '\u001B'), Is.Empty, "control characters from the file never reach the terminal");
        });
    }

    [Test]
    public async Task Continuation_at_end_of_file_exits_2_naming_the_value_line()
    {
        var (code, _, stderr) = await RunFileAsync("cont.reg", Encoding.UTF8.GetBytes(V5 + "[HKCU\\K]\r\n\"A\"=hex:01,\\\r\n  02,\\"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("cont.reg:4: expected another line of data after the '\\' line continuation, found 'end of file'"));
        });
    }

    [Test]
    public async Task A_huge_line_is_read_and_shown_shortened()
    {
        var huge = new string('x', 4_000_000);
        var (code, _, stderr) = await RunFileAsync("huge.reg", Encoding.UTF8.GetBytes(V5 + "[HKCU\\K]\r\n\"A\"=\"" + huge + "\r\n"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("huge.reg:4: expected a closing '\"'"));
            Assert.That(stderr.Length, Is.LessThan(500));
        });
    }

    [Test]
    public async Task A_value_continued_over_fifty_thousand_lines_is_read_whole()
    {
        const int lines = 50_000;
        var text = new StringBuilder(V5 + "[HKCU\\K]\r\n\"Bin\"=hex:");
        for (var i = 0; i < lines; i++)
        {
            text.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i % 256:x2},{(i * 7) % 256:x2},\\\r\n  "));
        }

        text.Append("ff\r\n\"After\"=dword:2\r\n");

        // Only a safety net so a regression cannot hang CI; the time is measured in bench/, not asserted here.
        var snapshot = await Task.Run(() => Parse(text.ToString())).WaitAsync(TimeSpan.FromMinutes(2));
        var data = (byte[])snapshot.GetValue(Registry.RegistryHive.CurrentUser, "K", "Bin")!.Data;
        Assert.Multiple(() =>
        {
            Assert.That(data, Has.Length.EqualTo((lines * 2) + 1));
            Assert.That(data[2 * 300], Is.EqualTo((byte)(300 % 256)));
            Assert.That(data[(2 * 300) + 1], Is.EqualTo((byte)(300 * 7 % 256)));
            Assert.That(data[^1], Is.EqualTo(0xff));
            Assert.That(snapshot.GetValue(Registry.RegistryHive.CurrentUser, "K", "After")!.Data, Is.EqualTo(2u));
        });
    }

    [Test]
    public async Task Ten_thousand_zone_map_domains_are_all_read()
    {
        const int domains = 10_000;
        var text = new StringBuilder(V5);
        for (var i = 0; i < domains; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"[HKEY_CURRENT_USER\\{IsKey}\\ZoneMap\\Domains\\d{i}.jp\\www]\r\n\"https\"=dword:00000002\r\n");
        }

        // Safety net only (see above); the zone-map walk used to scan every key for each key.
        var (code, stdout, stderr) = await RunFileAsync("domains.reg", Encoding.UTF8.GetBytes(text.ToString()), "--format", "json").WaitAsync(TimeSpan.FromMinutes(2));
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), stderr);
            Assert.That(json.RootElement.GetProperty("controls").GetArrayLength(), Is.GreaterThan(0));
        });
        var snapshot = Parse(text.ToString());
        Assert.That(Settings.ZoneMap.Read(snapshot, Settings.SettingLayer.UserPreference), Has.Count.EqualTo(domains));
    }

    private Task<(int Code, string Stdout, string Stderr)> RunFileAsync(string name, byte[] bytes) => RunFileAsync(name, bytes, []);

    private async Task<(int Code, string Stdout, string Stderr)> RunFileAsync(string name, byte[] bytes, params string[] options)
    {
        var path = Path.Combine(_workDir, name);
        await File.WriteAllBytesAsync(path, bytes);
        return await InProcessCli.RunAsync([path, .. options]);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
