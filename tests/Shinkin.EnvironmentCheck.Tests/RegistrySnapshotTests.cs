using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.Tests;

public sealed class RegistrySnapshotTests
{
    [Test]
    public void Keys_below_a_key_are_found_case_insensitively_and_siblings_sharing_a_prefix_are_not()
    {
        var snapshot = new RegistrySnapshot();
        foreach (var path in new[] { @"A\b\c", @"A\B\d", @"A]", @"A\b]x", @"AB\c", @"A", @"a\e" })
        {
            snapshot.CreateKey(RegistryHive.CurrentUser, path);
        }

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.GetSubKeyNames(RegistryHive.CurrentUser, "a"), Is.EqualTo(new[] { "b", "b]x", "e" }));
            Assert.That(snapshot.GetSubKeyNames(RegistryHive.CurrentUser, @"A\B"), Is.EqualTo(new[] { "c", "d" }));
            Assert.That(snapshot.KeyExists(RegistryHive.CurrentUser, @"A\B"), Is.True);
            Assert.That(snapshot.KeyExists(RegistryHive.CurrentUser, "AB"), Is.True, "AB exists only as the parent of AB\\c");
            Assert.That(snapshot.KeyExists(RegistryHive.LocalMachine, "A"), Is.False);
        });

        snapshot.DeleteKeyTree(RegistryHive.CurrentUser, @"a\B");
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.KeyExists(RegistryHive.CurrentUser, @"A\b"), Is.False);
            Assert.That(snapshot.KeyExists(RegistryHive.CurrentUser, @"A\b]x"), Is.True);
            Assert.That(snapshot.KeyExists(RegistryHive.CurrentUser, "A]"), Is.True);
            Assert.That(snapshot.GetSubKeyNames(RegistryHive.CurrentUser, "A"), Is.EqualTo(new[] { "b]x", "e" }));
            Assert.That(snapshot.KeyCount, Is.EqualTo(5));
        });
    }
}
