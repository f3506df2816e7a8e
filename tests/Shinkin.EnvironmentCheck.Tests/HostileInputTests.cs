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

    private async Task<(int Code, string Stdout, string Stderr)> RunFileAsync(string name, byte[] bytes)
    {
        var path = Path.Combine(_workDir, name);
        await File.WriteAllBytesAsync(path, bytes);
        return await InProcessCli.RunAsync([path]);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
