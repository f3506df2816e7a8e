using System.Text;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Fixes;
using Shinkin.EnvironmentCheck.Registry;
using static Shinkin.EnvironmentCheck.Tests.Fixture;

namespace Shinkin.EnvironmentCheck.Tests;

public sealed class FixTests
{
    private static IEnumerable<TestCaseData> FixtureAndProfile() =>
        from files in Fixture.All
        from profile in VerdictNames.Profiles
        select new TestCaseData(files, profile).SetName($"fix {files[0]} {profile.JsonName()}");

    [TestCaseSource(nameof(FixtureAndProfile))]
    public async Task Importing_the_fix_over_the_pc_makes_it_pass_the_profile(string[] files, CheckProfile profile)
    {
        var snapshot = await LoadAsync(files);
        var text = FixBuilder.BuildRegFile(profile, snapshot);

        // Round trip through the bytes regedit would import, then through our own reader.
        var bytes = RegFileWriter.Encode(text);
        RegFileReader.Apply(RegFileReader.Decode(bytes), "fix.reg", snapshot);

        var report = EnvironmentChecker.Check(snapshot);
        var failures = report.Controls.Where(c => c.For(profile).Verdict == Verdict.Fail).Select(c => $"{c.Id}: {c.For(profile).Reason}");
        Assert.That(failures, Is.Empty);
    }

    [TestCaseSource(nameof(FixtureAndProfile))]
    public async Task The_fix_file_alone_passes_the_profile(string[] files, CheckProfile profile)
    {
        var text = FixBuilder.BuildRegFile(profile, await LoadAsync(files));
        var report = EnvironmentChecker.Check(RegFileReader.Parse(RegFileReader.Decode(RegFileWriter.Encode(text)), "fix.reg"), Settings.OsInfo.FromOption("Windows 10 Pro"));
        Assert.That(report.Overall(profile), Is.EqualTo(Verdict.Pass));
    }

    [Test]
    public async Task Written_fix_is_utf16le_with_bom_and_the_regedit_header()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fix-{Guid.NewGuid():N}.reg");
        try
        {
            await RegFileWriter.WriteFileAsync(path, FixBuilder.BuildRegFile(CheckProfile.Manual), CancellationToken.None);
            var bytes = await File.ReadAllBytesAsync(path);
            var text = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
            Assert.Multiple(() =>
            {
                Assert.That(bytes.Take(2), Is.EqualTo(new byte[] { 0xFF, 0xFE }));
                Assert.That(text, Does.StartWith("Windows Registry Editor Version 5.00\r\n"));
                Assert.That(text, Does.Contain("[HKEY_CURRENT_USER\\" + IsKey + "\\ZoneMap\\Domains\\shinkin-ib.jp\\*]\r\n\"https\"=dword:00000002"));
                Assert.That(text, Does.Contain("\"SecureProtocols\"=dword:00000aa0"));
                Assert.That(text, Does.Contain("すべての Internet Explorer を閉じて"));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task Gpo_managed_fix_targets_the_policy_keys_that_win()
    {
        var operations = FixBuilder.Build(CheckProfile.Manual, await LoadAsync(GpoManaged));
        var sets = operations.OfType<SetValueOperation>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sets.Single(s => s.Value.Name == "SecureProtocols").Hive, Is.EqualTo(RegistryHive.LocalMachine));
            Assert.That(sets.Single(s => s.Value.Name == "SecureProtocols").KeyPath, Is.EqualTo(PolKey));
            Assert.That(sets.Single(s => s.Value.Name == "ProxyHttp1.1").Hive, Is.EqualTo(RegistryHive.CurrentUser));
            Assert.That(sets.Single(s => s.Value.Name == "ProxyHttp1.1").KeyPath, Is.EqualTo(PolKey));
            Assert.That(sets.Single(s => s.Value.Name == "https://*.shinkin.jp").KeyPath, Is.EqualTo(PolKey + @"\ZoneMapKey"));
            Assert.That(FixBuilder.BuildRegFile(CheckProfile.Manual, null), Does.Not.Contain("管理者として"));
            Assert.That(FixBuilder.BuildRegFile(CheckProfile.Manual, new RegistrySnapshot()).Length, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task Advice_is_what_the_fix_file_says_in_its_preamble()
    {
        var operations = FixBuilder.Build(CheckProfile.Manual, await LoadAsync(GpoManaged));
        var advice = FixBuilder.Advice(operations);
        var preamble = FixBuilder.BuildRegFileFrom(CheckProfile.Manual, operations).Split("\r\n").Where(l => l.StartsWith("; ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(preamble.Skip(1), Is.EqualTo(advice.Select(a => "; " + a)));
            Assert.That(advice, Has.Some.Contains("管理者として"), "the GPO fixture's fix writes HKLM policy");
            Assert.That(advice, Has.Some.Contains("グループポリシー"));
            Assert.That(FixBuilder.Advice(FixBuilder.Build(CheckProfile.Manual)), Has.None.Contains("管理者として"));
        });
    }

    [Test]
    public async Task Secure_fix_removes_extra_trusted_sites()
    {
        var operations = FixBuilder.Build(CheckProfile.Secure, await LoadAsync(ExtraTrustedSites));
        var deletions = operations.OfType<DeleteValueOperation>().Select(d => d.KeyPath + " : " + d.ValueName).ToList();
        Assert.That(deletions, Is.EquivalentTo(new[]
        {
            IsKey + @"\ZoneMap\Domains\example-portal.co.jp\www : https",
            IsKey + @"\ZoneMap\Domains\contoso.com : *",
        }));
    }

    [TestCase(CheckProfile.Manual, 0xA80u, 0xAA0u)]
    [TestCase(CheckProfile.Manual, 0x2808u, 0x28A0u)]
    [TestCase(CheckProfile.Secure, 0xAA8u, 0x800u)]
    [TestCase(CheckProfile.Secure, 0x2AA0u, 0x2800u)]
    public void Secure_protocols_fix_keeps_unrelated_bits(CheckProfile profile, uint current, uint expected) =>
        Assert.That(FixBuilder.TargetProtocols(profile, current), Is.EqualTo(expected));
}
