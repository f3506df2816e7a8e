using System.Text;
using Shinkin.EnvironmentCheck.Registry;
using static Shinkin.EnvironmentCheck.Tests.Fixture;

namespace Shinkin.EnvironmentCheck.Tests;

public sealed class RegFileReaderTests
{
    private const string Body = "[HKEY_CURRENT_USER\\Software\\Test]\r\n\"Name\"=\"値\"\r\n";

    [Test]
    public void Decodes_utf16le_with_bom_as_reg_export_writes_it()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(V5 + Body)).ToArray();
        var snapshot = RegFileReader.Parse(RegFileReader.Decode(bytes), "a.reg");
        Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, @"Software\Test", "Name")?.Data, Is.EqualTo("値"));
    }

    [Test]
    public void Decodes_utf16le_without_bom() =>
        Assert.That(RegFileReader.Decode(Encoding.Unicode.GetBytes(V5)), Does.StartWith("Windows Registry Editor"));

    [Test]
    public void Decodes_utf8_with_and_without_bom()
    {
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(V5 + Body)).ToArray();
        Assert.That(RegFileReader.Decode(withBom), Does.StartWith("Windows Registry Editor").And.Contains("値"));
        Assert.That(RegFileReader.Decode(Encoding.UTF8.GetBytes(V5 + Body)), Does.Contain("値"));
    }

    [Test]
    public void Decodes_shift_jis_regedit4_files_from_japanese_windows()
    {
        var bytes = RegFileReader.AnsiEncoding().GetBytes("REGEDIT4\r\n\r\n" + Body);
        var snapshot = RegFileReader.Parse(RegFileReader.Decode(bytes), "a.reg");
        Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, @"Software\Test", "Name")?.Data, Is.EqualTo("値"));
    }

    [TestCase("Windows Registry Editor Version 5.00")]
    [TestCase("REGEDIT4")]
    public void Accepts_both_headers(string header)
    {
        var snapshot = Parse(header + "\r\n\r\n" + Body);
        Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, @"Software\Test", "name"), Is.Not.Null);
    }

    [Test]
    public void Reads_dword_and_default_value()
    {
        var snapshot = Parse(V5 + "[HKCU\\K]\r\n@=dword:00000001\r\n\"Big\"=dword:FFFFFFFF\r\n\"Short\"=dword:a\r\n");
        Assert.Multiple(() =>
        {
            var @default = snapshot.GetValue(RegistryHive.CurrentUser, "K", string.Empty)!;
            Assert.That(@default.IsDefault, Is.True);
            Assert.That(@default.Data, Is.EqualTo(1u));
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "Big")!.Data, Is.EqualTo(uint.MaxValue));
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "Short")!.Data, Is.EqualTo(10u));
        });
    }

    [Test]
    public void Reads_quoted_strings_with_escapes()
    {
        var snapshot = Parse(V5 + "[HKCU\\K]\r\n\"Pa\\\"th\"=\"C:\\\\Program Files\\\\\\\"x\\\"\"\r\n\"Empty\"=\"\"\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "Pa\"th")!.Data, Is.EqualTo("C:\\Program Files\\\"x\""));
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "Empty")!.Data, Is.EqualTo(string.Empty));
        });
    }

    [Test]
    public void Reads_binary_with_backslash_continuations()
    {
        var snapshot = Parse(V5 + "[HKCU\\K]\r\n\"Bin\"=hex:01,02,\\\r\n  03,04,\\\r\n  05\r\n\"Empty\"=hex:\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "Bin")!.Data, Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "Empty")!.Data, Is.EqualTo(Array.Empty<byte>()));
        });
    }

    [Test]
    public void Reads_expand_string_as_utf16le()
    {
        var hex = string.Join(",", Encoding.Unicode.GetBytes("%SystemRoot%\\ダウンロード\0").Select(b => b.ToString("x2")));
        var snapshot = Parse(V5 + "[HKCU\\K]\r\n\"Path\"=hex(2):" + hex + "\r\n");
        var value = snapshot.GetValue(RegistryHive.CurrentUser, "K", "Path")!;
        Assert.Multiple(() =>
        {
            Assert.That(value.Type, Is.EqualTo(RegistryValueType.ExpandString));
            Assert.That(value.Data, Is.EqualTo("%SystemRoot%\\ダウンロード"));
        });
    }

    [Test]
    public void Reads_multi_string_items_without_terminators()
    {
        var hex = string.Join(",", Encoding.Unicode.GetBytes("a\0bc\0\0").Select(b => b.ToString("x2")));
        var snapshot = Parse(V5 + "[HKCU\\K]\r\n\"M\"=hex(7):" + hex + "\r\n");
        var value = snapshot.GetValue(RegistryHive.CurrentUser, "K", "M")!;
        Assert.Multiple(() =>
        {
            Assert.That(value.Type, Is.EqualTo(RegistryValueType.MultiString));
            Assert.That(value.Data, Is.EqualTo(new[] { "a", "bc" }));
        });
    }

    [Test]
    public void Reads_qword_little_endian()
    {
        var snapshot = Parse(V5 + "[HKCU\\K]\r\n\"Q\"=hex(b):01,02,00,00,00,00,00,80\r\n");
        var value = snapshot.GetValue(RegistryHive.CurrentUser, "K", "Q")!;
        Assert.Multiple(() =>
        {
            Assert.That(value.Type, Is.EqualTo(RegistryValueType.QWord));
            Assert.That(value.Data, Is.EqualTo(0x8000000000000201UL));
        });
    }

    [Test]
    public void Reads_hex4_as_dword_and_keeps_unknown_types_raw()
    {
        var snapshot = Parse(V5 + "[HKCU\\K]\r\n\"D\"=hex(4):02,00,00,00\r\n\"N\"=hex(0):\r\n\"L\"=hex(6):41,00\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "D")!.AsNumber(), Is.EqualTo(2u));
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "N")!.TypeCode, Is.EqualTo(0));
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "L")!.TypeCode, Is.EqualTo(6));
        });
    }

    [Test]
    public void Regedit4_hex2_is_ansi_text()
    {
        var snapshot = Parse("REGEDIT4\r\n\r\n[HKCU\\K]\r\n\"P\"=hex(2):43,3a,5c,00\r\n");
        Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "P")!.Data, Is.EqualTo("C:\\"));
    }

    [Test]
    public void Skips_comments_and_blank_lines()
    {
        var snapshot = Parse(V5 + "; exported by hand\r\n\r\n[HKCU\\K]\r\n; a comment \\\r\n\"A\"=dword:1 ; trailing\r\n");
        Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "A")!.Data, Is.EqualTo(1u));
    }

    [TestCase("HKEY_LOCAL_MACHINE", RegistryHive.LocalMachine)]
    [TestCase("HKLM", RegistryHive.LocalMachine)]
    [TestCase("HKEY_CURRENT_USER", RegistryHive.CurrentUser)]
    [TestCase("HKCU", RegistryHive.CurrentUser)]
    [TestCase("HKEY_CLASSES_ROOT", RegistryHive.ClassesRoot)]
    [TestCase("HKCR", RegistryHive.ClassesRoot)]
    [TestCase("HKEY_USERS", RegistryHive.Users)]
    [TestCase("HKU", RegistryHive.Users)]
    [TestCase("HKEY_CURRENT_CONFIG", RegistryHive.CurrentConfig)]
    [TestCase("hkcc", RegistryHive.CurrentConfig)]
    public void Understands_long_and_abbreviated_hive_names(string name, RegistryHive hive)
    {
        var snapshot = Parse(V5 + $"[{name}\\Some\\Key]\r\n\"V\"=dword:1\r\n");
        Assert.That(snapshot.GetValue(hive, @"some\KEY", "v"), Is.Not.Null);
    }

    [Test]
    public void Deletes_values_with_minus()
    {
        var snapshot = Parse(V5 + "[HKCU\\K]\r\n\"A\"=dword:1\r\n\"B\"=dword:2\r\n\r\n[HKCU\\K]\r\n\"A\"=-\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "A"), Is.Null);
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "B"), Is.Not.Null);
        });
    }

    [Test]
    public void Deletes_key_trees_and_ignores_values_listed_under_a_deleted_key()
    {
        var snapshot = Parse(V5 + "[HKCU\\K\\Sub\\Deep]\r\n\"A\"=dword:1\r\n[HKCU\\K2]\r\n\"B\"=dword:1\r\n\r\n[-HKCU\\K]\r\n\"Ignored\"=dword:1\r\n");
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.KeyExists(RegistryHive.CurrentUser, @"K\Sub\Deep"), Is.False);
            Assert.That(snapshot.KeyExists(RegistryHive.CurrentUser, "K"), Is.False);
            Assert.That(snapshot.KeyExists(RegistryHive.CurrentUser, "K2"), Is.True);
        });
    }

    [Test]
    public void Several_files_combine_and_later_files_win()
    {
        var snapshot = new RegistrySnapshot();
        RegFileReader.Apply(V5 + "[HKCU\\K]\r\n\"A\"=dword:1\r\n\"B\"=dword:1\r\n[HKLM\\M]\r\n\"C\"=dword:1\r\n", "hkcu.reg", snapshot);
        RegFileReader.Apply(V5 + "[HKCU\\K]\r\n\"A\"=dword:2\r\n\"B\"=-\r\n", "later.reg", snapshot);
        Assert.Multiple(() =>
        {
            var a = snapshot.GetValue(RegistryHive.CurrentUser, "K", "A")!;
            Assert.That(a.Data, Is.EqualTo(2u));
            Assert.That(a.Origin, Is.EqualTo(new ValueOrigin("later.reg", 4)));
            Assert.That(snapshot.GetValue(RegistryHive.CurrentUser, "K", "B"), Is.Null);
            Assert.That(snapshot.GetValue(RegistryHive.LocalMachine, "M", "C"), Is.Not.Null);
        });
    }

    [Test]
    public async Task Reads_every_fixture_including_utf16_and_shift_jis_ones()
    {
        foreach (var names in Fixture.All)
        {
            var snapshot = await LoadAsync(names);
            Assert.That(snapshot.KeyCount, Is.GreaterThan(3), string.Join(",", names));
        }

        var xp = await LoadAsync(XpEra);
        Assert.That(xp.GetValue(RegistryHive.CurrentUser, IsKey + @"\Zones\2", "DisplayName")!.Data, Is.EqualTo("信頼済みサイト"));
        var bytes = await File.ReadAllBytesAsync(PathOf("hardened.reg"));
        Assert.That(bytes.Take(2), Is.EqualTo(new byte[] { 0xFF, 0xFE }), "hardened.reg is UTF-16LE with BOM, as reg export writes it");
    }

    [Test]
    public async Task Origin_points_at_the_line_of_a_continued_value()
    {
        var snapshot = await LoadAsync(ManualConformant);
        var value = snapshot.GetValue(RegistryHive.LocalMachine, @"SOFTWARE\Microsoft\Windows NT\CurrentVersion", "DigitalProductId")!;
        Assert.Multiple(() =>
        {
            Assert.That(value.Origin!.File, Is.EqualTo("manual-conformant-hklm.reg"));
            Assert.That(value.Origin.Line, Is.EqualTo(13));
            Assert.That(((byte[])value.Data).Length, Is.EqualTo(164));
        });
    }
}
