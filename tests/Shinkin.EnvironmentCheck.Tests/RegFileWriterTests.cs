using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.Tests;

public sealed class RegFileWriterTests
{
    [Test]
    public void Every_value_type_round_trips_through_the_reader()
    {
        RegistryValue[] values =
        [
            RegistryValue.DWord(string.Empty, 1),
            RegistryValue.DWord("Max", uint.MaxValue),
            RegistryValue.QWord("Q", 0x0102030405060708),
            RegistryValue.String("Quote\"And\\Slash", "C:\\Path \"x\""),
            RegistryValue.String("Lines", "a\nb"),
            RegistryValue.ExpandString("Expand", "%USERPROFILE%\\ダウンロード"),
            RegistryValue.MultiString("Multi", ["one", "二", string.Empty + "three"]),
            RegistryValue.Binary("Long", Enumerable.Range(0, 200).Select(i => (byte)i).ToArray()),
            RegistryValue.Binary("Empty", []),
            RegistryValue.Raw("None", 0, [1, 2]),
        ];
        var text = RegFileWriter.Write(values.Select(v => new SetValueOperation(RegistryHive.CurrentUser, @"Software\Round\Trip", v)));
        var snapshot = RegFileReader.Parse(RegFileReader.Decode(RegFileWriter.Encode(text)), "round.reg");
        Assert.Multiple(() =>
        {
            foreach (var value in values)
            {
                var read = snapshot.GetValue(RegistryHive.CurrentUser, @"Software\Round\Trip", value.Name);
                Assert.That(read, Is.Not.Null, value.Name);
                Assert.That(read!.DataEquals(value), Is.True, $"{value.Name}: {read.Display()} vs {value.Display()}");
            }

            Assert.That(text, Does.Contain(",\\\r\n  "), "long binary values wrap like regedit");
            Assert.That(text.Split("\r\n").Max(l => l.Length), Is.LessThanOrEqualTo(80));
        });
    }

    [Test]
    public void Deletions_are_written_as_regedit_expects()
    {
        var text = RegFileWriter.Write(
        [
            new DeleteValueOperation(RegistryHive.CurrentUser, @"Software\A", "x"),
            new DeleteKeyOperation(RegistryHive.LocalMachine, @"Software\B"),
        ]);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("[HKEY_CURRENT_USER\\Software\\A]\r\n\"x\"=-\r\n"));
            Assert.That(text, Does.Contain("[-HKEY_LOCAL_MACHINE\\Software\\B]\r\n"));
        });
    }

    [Test]
    public async Task Export_of_a_fixture_reads_back_identically()
    {
        var original = await Fixture.LoadAsync(Fixture.GpoManaged);
        var copy = RegFileReader.Parse(RegFileWriter.Export(original), "export.reg");
        var originalKeys = original.EnumerateKeys().ToList();
        var copiedKeys = copy.EnumerateKeys().ToList();
        Assert.That(copiedKeys.Select(k => k.Path), Is.EqualTo(originalKeys.Select(k => k.Path)));
        for (var i = 0; i < originalKeys.Count; i++)
        {
            Assert.That(copiedKeys[i].Values.Zip(originalKeys[i].Values).All(p => p.First.Name == p.Second.Name && p.First.DataEquals(p.Second)), Is.True, originalKeys[i].Path);
        }
    }
}
