using Shinkin.EnvironmentCheck.Registry;
using static Shinkin.EnvironmentCheck.Tests.Fixture;

namespace Shinkin.EnvironmentCheck.Tests;

public sealed class RegFileErrorTests
{
    private static IEnumerable<TestCaseData> Malformed()
    {
        yield return new TestCaseData("", 1, "header").SetName("empty file");
        yield return new TestCaseData("Windows Registry Editor Version 4.00\r\n", 1, "header").SetName("wrong header");
        yield return new TestCaseData("\r\n\r\nREGEDIT5\r\n", 3, "header").SetName("wrong header after blank lines");
        yield return new TestCaseData(V5 + "[HKCU\\K\r\n", 3, "']'").SetName("key line without closing bracket");
        yield return new TestCaseData(V5 + "[HKEY_LOCAL_MACHIN\\K]\r\n", 3, "hive name").SetName("unknown hive");
        yield return new TestCaseData(V5 + "\"A\"=dword:1\r\n", 3, "key line").SetName("value before any key");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=dword:123456789\r\n", 4, "hexadecimal digits").SetName("dword too long");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=dword:xyz\r\n", 4, "hexadecimal digits").SetName("dword not hex");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=hex:01,zz,03\r\n", 4, "hexadecimal bytes").SetName("bad hex byte");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=hex:01,\\\r\n  02,,03\r\n", 4, "hexadecimal bytes").SetName("empty byte in a continued line");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=hex:01,\\\r\n", 4, "continuation").SetName("continuation at end of file");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=\"unterminated\r\n", 4, "closing '\"'").SetName("unterminated string data");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A=dword:1\r\n", 4, "closing '\"'").SetName("unterminated value name");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\" dword:1\r\n", 4, "'='").SetName("missing equals sign");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=\"C:\\Windows\"\r\n", 4, "escape sequence").SetName("unescaped backslash");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=\"x\" junk\r\n", 4, "end of the line").SetName("text after string");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=hex(b):01,02\r\n", 4, "8 bytes").SetName("qword with wrong length");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=hex(2):41,00,42\r\n", 4, "even number of bytes").SetName("odd utf-16 byte count");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=hex(zz):00\r\n", 4, "hex(n)").SetName("bad hex type");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\n\"A\"=word:1\r\n", 4, "value data").SetName("unknown data type");
        yield return new TestCaseData(V5 + "[HKCU\\K]\r\nA=dword:1\r\n", 4, "value line").SetName("unquoted value name");
    }

    [TestCaseSource(nameof(Malformed))]
    public void Names_file_line_and_what_was_expected(string text, int line, string expected)
    {
        var error = Assert.Throws<RegFileFormatException>(() => RegFileReader.Parse(text, "broken.reg"))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.FileName, Is.EqualTo("broken.reg"));
            Assert.That(error.LineNumber, Is.EqualTo(line));
            Assert.That(error.Expected, Does.Contain(expected));
            Assert.That(error.Message, Does.StartWith($"broken.reg:{line}: expected "));
        });
    }

    [Test]
    public async Task File_errors_name_the_file_on_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.reg");
        await File.WriteAllTextAsync(path, V5 + "[HKCU\\K]\r\n\r\n\r\n\"A\"=dword:\r\n");
        try
        {
            var error = Assert.ThrowsAsync<RegFileFormatException>(() => RegFileReader.ReadFilesAsync([path], CancellationToken.None))!;
            Assert.That(error.Message, Does.StartWith(Path.GetFileName(path) + ":6: expected 1 to 8 hexadecimal digits"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
