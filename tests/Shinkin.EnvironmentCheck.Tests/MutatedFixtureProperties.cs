using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.Tests;

/// <summary>
/// Fuzzes <c>check-env</c> through <see cref="Command.CheckEnvRunner"/> (the CLI's entry point, in-process) with the
/// fixtures, re-encoded and mutated: whatever the bytes, the run ends in exit 0/1 with valid JSON or exit 2 with
/// <c>file:LINE:</c> on stderr, within a time bound, and never throws. A failure prints the mutation and FsCheck's
/// Replay seed; <see cref="Mutant.Apply"/> rebuilds the exact bytes from them.
/// </summary>
public sealed partial class MutatedFixtureProperties
{
    private const string FileName = "mutant.reg";

    /// <summary>Generous: a mutant is a few KiB and takes milliseconds; this only keeps a hang from stalling CI.</summary>
    private static readonly TimeSpan PerCaseBound = TimeSpan.FromSeconds(20);

    private static readonly string[] FixtureNames =
    [
        "manual-conformant-hkcu.reg", "manual-conformant-hklm.reg", "win10-default.reg", "gpo-managed.reg",
        "security-hklm-only.reg", "xp-era.reg", "extra-trusted-sites.reg", "hardened.reg",
    ];

    /// <summary>Lines that stress the parser when dropped anywhere into a file.</summary>
    private static readonly string[] HostileLines =
    [
        "\\", "[", "]", "[]", "[-]", "[HKCU", "[-HKCU\\Software]", "[HKLM\\]", "[HKCU\\\\\\\\]", "@", "@=", "\"", "\"\"=\"\"",
        "\"A\"=hex:01,\\", "\"A\"=hex(ffffffff):00", "\"A\"=hex(80000000):", "\"A\"=hex(7):00", "\"A\"=hex(2):41", "\"A\"=hex(b):",
        "\"A\"=dword:", "\"A\"=dword:ffffffff", "\"A\"=-", "@=-", "\"\\\\\"=\"\\0\"", "\"1\"=\"2\" ; c", ";\\", "REGEDIT4",
        "Windows Registry Editor Version 5.00", "\"https\"=dword:00000002", "\"*\"=\"4294967295\"", "\"http://[::1]:80/\"=\"2\"",
        "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap\\Domains\\..]",
        "[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMapKey]",
        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]", "\"CurrentBuildNumber\"=\"99999999999\"",
        "\"ProductName\"=hex(1):00,d8", "\"SecureProtocols\"=hex:ff", "\"Security_HKLM_only\"=\"1\"", "\uFEFF", "\uFFFD\uD83D\uDE00",
        "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\ZoneMap\\Domains\\*.]",
        "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Zones\\2]",
        "[-HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings]",
        "\"1A10\"=dword:00000003", "\"2500\"=hex(4):00,00,00,00", "\"SecureProtocols\"=\"2720\"", "\"ProxyHttp1.1\"=hex(b):01,00,00,00,00,00,00,00",
    ];

    private static readonly Dictionary<string, byte[]> Fixtures = FixtureNames.ToDictionary(n => n, n => File.ReadAllBytes(Fixture.PathOf(n)));

    [GeneratedRegex(@"^エラー: .*mutant\.reg:[1-9][0-9]*: ", RegexOptions.Multiline)]
    private static partial Regex FileLineError();

    [FsCheck.NUnit.Property(MaxTest = 400, QuietOnSuccess = true)]
    public Property Every_mutated_fixture_ends_in_a_verdict_or_a_line_numbered_error() =>
        Prop.ForAll(Mutants().ToArbitrary(), mutant =>
        {
            var bytes = mutant.Apply(Fixtures[mutant.Fixture]);
            var run = Task.Run(() => RunAsync(bytes));
            if (!run.Wait(PerCaseBound))
            {
                throw new AssertionException($"check-env did not finish within {PerCaseBound.TotalSeconds} s");
            }

            var (code, stdout, stderr) = run.GetAwaiter().GetResult();
            switch (code)
            {
                case 0 or 1:
                    using (var json = JsonDocument.Parse(stdout))
                    {
                        Assert.That(json.RootElement.GetProperty("controls").GetArrayLength(), Is.GreaterThan(0));
                        Assert.That(json.RootElement.GetProperty("summary").GetProperty("manual").GetString(), Is.AnyOf("pass", "fail"));
                    }

                    break;
                case 2:
                    Assert.That(FileLineError().IsMatch(stderr), Is.True, $"exit 2 without 'mutant.reg:LINE:' on stderr: {stderr}");
                    Assert.That(stdout, Is.Empty);
                    break;
                default:
                    Assert.Fail($"exit {code}; stderr: {stderr}");
                    break;
            }
        });

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(byte[] bytes)
    {
        var dir = Path.Combine(Path.GetTempPath(), "check-env-fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, FileName);
            await File.WriteAllBytesAsync(path, bytes);
            var result = await InProcessCli.RunAsync([path, "--format", "json", "--write-fix", "secure", Path.Combine(dir, "fix.reg")]);
            if (result.Code is 0 or 1)
            {
                // The table and the fix file come from the same snapshot and must not throw either.
                var table = await InProcessCli.RunAsync([path]);
                Assert.That(table.Code, Is.EqualTo(result.Code), table.Stderr);
                Assert.That(table.Stdout, Does.Contain("管理ID"));
                await RegFileReader.ReadFilesAsync([Path.Combine(dir, "fix.reg")], CancellationToken.None);
            }

            return result;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Gen<Mutant> Mutants() =>
        from fixture in Gen.Elements(FixtureNames)
        from encoding in Gen.Elements(Enum.GetValues<Reencoding>())
        from count in Gen.Frequency((3, Gen.Choose(0, 2)), (1, Gen.Choose(3, 8)))
        from mutations in Mutations().ArrayOf(count)
        select new Mutant(fixture, encoding, mutations);

    /// <summary>Whole inserted lines are weighted up: most byte-level damage ends at the first bad line, while lines keep more mutants readable, so the checks and writers behind the reader get fuzzed too.</summary>
    private static Gen<Mutation> Mutations() =>
        Gen.Frequency(
            (2, from at in Position() from mask in Gen.Choose(1, 255) select (Mutation)new FlipByte(at, (byte)mask)),
            (1, from at in Position() select (Mutation)new Truncate(at)),
            (2, from at in Position() from bytes in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf() select (Mutation)new InsertBytes(at, bytes)),
            (6, from at in Position() from line in Gen.Elements(HostileLines) select (Mutation)new InsertLine(at, line)),
            (1, from at in Position() from length in Gen.Choose(1, 64) select (Mutation)new DeleteBytes(at, length)),
            (1, from at in Position() from length in Gen.Choose(1, 512) from times in Gen.Choose(1, 20) select (Mutation)new RepeatBytes(at, length, times)));

    /// <summary>A place in the file as a fraction (0-10000 of its length), so one mutation means something for every size.</summary>
    private static Gen<int> Position() => Gen.Choose(0, 10_000);

    public enum Reencoding
    {
        AsIs,
        Utf8,
        Utf8WithBom,
        Utf16LeWithBom,
        Utf16LeWithoutBom,
        Utf16BeWithBom,
        ShiftJis,
    }

    public sealed record Mutant(string Fixture, Reencoding Encoding, Mutation[] Mutations)
    {
        public byte[] Apply(byte[] original)
        {
            var bytes = Reencode(original, Encoding);
            foreach (var mutation in Mutations)
            {
                bytes = mutation.Apply(bytes);
            }

            return bytes;
        }

        public override string ToString() =>
            $"{Fixture} as {Encoding}, then [{string.Join(", ", Mutations.Select(m => m.ToString()))}]";

        private static byte[] Reencode(byte[] original, Reencoding encoding)
        {
            if (encoding == Reencoding.AsIs)
            {
                return original;
            }

            var text = RegFileReader.Decode(original);
            return encoding switch
            {
                Reencoding.Utf8 => System.Text.Encoding.UTF8.GetBytes(text),
                Reencoding.Utf8WithBom => [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(text)],
                Reencoding.Utf16LeWithBom => [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(text)],
                Reencoding.Utf16LeWithoutBom => System.Text.Encoding.Unicode.GetBytes(text),
                Reencoding.Utf16BeWithBom => [0xFE, 0xFF, .. System.Text.Encoding.BigEndianUnicode.GetBytes(text)],
                _ => RegFileReader.AnsiEncoding().GetBytes(text),
            };
        }
    }

    public abstract record Mutation
    {
        public abstract byte[] Apply(byte[] bytes);

        protected static int Offset(byte[] bytes, int at) => (int)((long)bytes.Length * at / 10_000);
    }

    public sealed record FlipByte(int At, byte Mask) : Mutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            if (bytes.Length == 0)
            {
                return bytes;
            }

            var copy = bytes.ToArray();
            copy[Math.Min(Offset(bytes, At), bytes.Length - 1)] ^= Mask;
            return copy;
        }
    }

    public sealed record Truncate(int At) : Mutation
    {
        public override byte[] Apply(byte[] bytes) => bytes[..Offset(bytes, At)];
    }

    public sealed record InsertBytes(int At, byte[] Bytes) : Mutation
    {
        public override byte[] Apply(byte[] bytes) => [.. bytes[..Offset(bytes, At)], .. Bytes, .. bytes[Offset(bytes, At)..]];

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"InsertBytes {{ At = {At}, Bytes = {Convert.ToHexString(Bytes)} }}");
    }

    /// <summary>Inserts a line, encoded as the bytes around the place look (UTF-16LE when every other byte is zero, else UTF-8).</summary>
    public sealed record InsertLine(int At, string Line) : Mutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            var at = Offset(bytes, At);
            var utf16 = bytes.Length >= 4 && (bytes[1] == 0 || bytes[3] == 0);
            at = utf16 ? at & ~1 : at;
            var encoded = (utf16 ? System.Text.Encoding.Unicode : System.Text.Encoding.UTF8).GetBytes("\r\n" + Line + "\r\n");
            return [.. bytes[..at], .. encoded, .. bytes[at..]];
        }
    }

    public sealed record DeleteBytes(int At, int Length) : Mutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            var at = Offset(bytes, At);
            return [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + Length)..]];
        }
    }

    /// <summary>Repeats a slice several times (long lines, many keys, runs of continuations).</summary>
    public sealed record RepeatBytes(int At, int Length, int Times) : Mutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            var at = Offset(bytes, At);
            var slice = bytes[at..Math.Min(bytes.Length, at + Length)];
            return [.. bytes[..at], .. Enumerable.Repeat(slice, Times).SelectMany(s => s), .. bytes[at..]];
        }
    }
}
