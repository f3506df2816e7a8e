using System.Text.RegularExpressions;

namespace Shinkin.Targets.Tests;

/// <summary><c>targets/reference.json</c>, the sample a bank QA team copies, loads and points at <c>./harness serve</c>.</summary>
public sealed partial class ReferenceProfileTests
{
    private static readonly string Sample = Path.Combine(RepositoryRoot.Path, "targets", "reference.json");

    /// <summary>A copy of the sample in targets/ of a temporary repository, with a fake CA where the reference server writes its own.</summary>
    private static (TempTarget Dir, string ProfilePath) CopyWithFakeCa(string? text = null)
    {
        var dir = new TempTarget();
        dir.Touch(".data/server/pki/ca.crt.pem");
        Directory.CreateDirectory(dir.PathOf("targets"));
        var path = dir.Write("targets/reference.json", text ?? File.ReadAllText(Sample));
        return (dir, path);
    }

    [Test]
    public void The_sample_loads_when_the_reference_servers_ca_exists()
    {
        var (dir, path) = CopyWithFakeCa();
        using (dir)
        {
            var profile = TargetProfile.Load(path);
            Assert.Multiple(() =>
            {
                Assert.That(profile.Name, Is.EqualTo("reference"));
                Assert.That(profile.PublicUrl, Is.EqualTo(new Uri("https://127.0.0.1:8443/")));
                Assert.That(profile.CertificateUrl, Is.EqualTo(new Uri("https://127.0.0.1:8444/")));
                Assert.That(profile.Trust.CaFile, Is.EqualTo(dir.PathOf(".data/server/pki/ca.crt.pem")));
                Assert.That(profile.Capabilities.TestDataApi, Is.False);
                Assert.That(profile.Capabilities.BackOffice, Is.False);
                Assert.That(profile.Accounts, Is.Empty);
                Assert.That(profile.PoolStatePath, Is.EqualTo(dir.PathOf("targets/reference.pool-state.json")));
            });
        }
    }

    [Test]
    public void Without_the_ca_the_sample_says_which_file_is_missing()
    {
        using var dir = new TempTarget();
        Directory.CreateDirectory(dir.PathOf("targets"));
        var path = dir.Write("targets/reference.json", File.ReadAllText(Sample));
        var error = Assert.Throws<TargetProfileException>(() => TargetProfile.Load(path))!;
        Assert.That(error.Message, Is.EqualTo($"{path}: trust.caFile: ファイルが見つかりません (../.data/server/pki/ca.crt.pem)"));
    }

    /// <summary>The ports, data folder and CA file name the sample assumes are the ones `./harness serve` uses.</summary>
    [Test]
    public void The_sample_matches_what_harness_serve_writes()
    {
        var ca = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Shinkin.ReferenceServer", "Security", "CertificateAuthority.cs"));
        var serve = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Shinkin.Cli", "Commands", "ServeCommand.cs"));
        Assert.Multiple(() =>
        {
            Assert.That(ca, Does.Contain("Path.Combine(dataDirectory, \"pki\")").And.Contain("Path.Combine(pki, \"ca.crt.pem\")"));
            Assert.That(serve, Does.Contain("Path.Combine(\".data\", \"server\")"));
            Assert.That(serve, Does.Contain("DefaultValueFactory = _ => 8443").And.Contain("DefaultValueFactory = _ => 8444"), "serve's default ports");
        });
    }

    [GeneratedRegex(@"^\s*//\s*(\{ ""id"".*\}),?\s*$", RegexOptions.Multiline)]
    private static partial Regex CommentedAccount();

    /// <summary>The commented account examples (one of each kind) load once uncommented, given their files and variables.</summary>
    [Test]
    public void The_commented_account_examples_load_when_uncommented()
    {
        var text = File.ReadAllText(Sample);
        var examples = CommentedAccount().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.That(examples, Has.Count.EqualTo(3));

        var uncommented = text.Replace("\"accounts\": [", "\"accounts\": [" + string.Join(",", examples) + ",", StringComparison.Ordinal);
        var (dir, path) = CopyWithFakeCa(uncommented);
        using (dir)
        {
            dir.Touch("targets/certs/m2.p12");
            dir.Touch("targets/certs/g1.p12");
            var profile = TargetProfile.Load(path, name => name.StartsWith("SHINKIN_", StringComparison.Ordinal) ? "value-of-" + name : null);
            Assert.Multiple(() =>
            {
                Assert.That(profile.Accounts.Select(a => a.State), Is.EqualTo(new[] { AccountState.MasterInitial, AccountState.MasterReady, AccountState.GeneralReady }));
                Assert.That(profile.Accounts[0].InitialPassword, Is.EqualTo("value-of-SHINKIN_M1_INITIAL_PASSWORD"));
                Assert.That(profile.Accounts[2].MasterId, Is.EqualTo("m2"));
            });
        }
    }
}
