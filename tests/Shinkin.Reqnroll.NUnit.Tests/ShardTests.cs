using NUnit.Framework;
using Shinkin.Reqnroll.NUnit.Discovery;

namespace Shinkin.Reqnroll.NUnit.Tests;

[TestFixture]
public sealed class ShardTests
{
    private static readonly string[] Names = Enumerable.Range(1, 200).Select(i => $"機能 {i % 7}: シナリオ {i} [例 {i % 3}]").ToArray();

    [Test]
    public void Shards_partition_the_scenarios_exactly_once()
    {
        var shards = Enumerable.Range(1, 4).Select(i => new Shard(i, 4)).ToList();
        foreach (var name in Names)
        {
            Assert.That(shards.Count(s => s.Contains(name)), Is.EqualTo(1), name);
        }

        Assert.That(shards.Select(s => Names.Count(s.Contains)), Has.All.GreaterThan(20), "no shard is left (nearly) empty");
    }

    [Test]
    public void A_scenario_always_lands_in_the_same_shard()
    {
        var first = Names.Select(n => Shard.Parse("2/3").Contains(n)).ToList();
        var again = Names.Select(n => new Shard(2, 3).Contains(n)).ToList();
        Assert.That(again, Is.EqualTo(first));
        Assert.That(new Shard(1, 3).Contains("マスターユーザの初期設定: マスターユーザがログインする"),
            Is.EqualTo(new Shard(1, 3).Contains("マスターユーザの初期設定: マスターユーザがログインする")));
    }

    [TestCase(null, 1, 1)]
    [TestCase("", 1, 1)]
    [TestCase("3/5", 3, 5)]
    public void Parses_the_environment_form(string? text, int index, int count) =>
        Assert.That(Shard.Parse(text), Is.EqualTo(new Shard(index, count)));

    [TestCase("0/2")]
    [TestCase("3/2")]
    [TestCase("a/b")]
    [TestCase("2")]
    public void Rejects_a_malformed_shard(string text) =>
        Assert.That(() => Shard.Parse(text), Throws.ArgumentException.With.Message.Contains("2/4"));
}
