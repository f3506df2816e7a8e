using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using Shinkin.Reqnroll.NUnit.Discovery;

namespace Shinkin.Reqnroll.NUnit.Tests;

/// <summary>Abstract so NUnit never runs it here; it only gives the builder a consumer type to build for.</summary>
public abstract class ProbeFeatureTests : ReqnrollFeatureTests;

[TestFixture]
public sealed class FeatureSuiteBuilderTests
{
    private static SetUpFixture Build(string featureSet) =>
        FeatureSuiteBuilderAttribute.Build(
            new TypeWrapper(typeof(ProbeFeatureTests)),
            FeatureCatalog.Load(SampleProject.FeaturesDirectory(featureSet), "ja"));

    private static IEnumerable<Test> TestCases(ITest suite) =>
        suite.Tests.SelectMany(child => child.IsSuite ? TestCases(child) : [(Test)child]);

    [Test]
    public void Each_feature_is_a_fixture_below_one_run_suite()
    {
        var runSuite = Build("behaviour");
        Assert.That(runSuite.Tests.Select(t => t.Name), Is.EquivalentTo(new[] { "並列A", "並列B", "基本動作", "表と文書", "読み込みエラー" }));
    }

    [Test]
    public void Tags_become_categories_of_each_test()
    {
        var test = TestCases(Build("behaviour")).Single(t => t.Name == "基本動作: 足し算 <a> と <b> [例 3]");
        Assert.Multiple(() =>
        {
            Assert.That(test.Properties[PropertyNames.Category], Is.EquivalentTo(new[] { "smoke", "master" }));
            Assert.That(test.FullName, Is.EqualTo($"{typeof(ProbeFeatureTests).FullName}.基本動作.基本動作: 足し算 <a> と <b> [例 3]"));
            Assert.That(test.RunState, Is.EqualTo(RunState.Runnable));
        });
    }

    [Test]
    public void Ignore_tag_makes_the_test_ignored()
    {
        var test = TestCases(Build("behaviour")).Single(t => t.Name == "基本動作: 無視するシナリオ");
        Assert.That(test.RunState, Is.EqualTo(RunState.Ignored));
    }

    [Test]
    public void A_broken_file_becomes_a_failing_test_instead_of_breaking_discovery()
    {
        var test = TestCases(Build("behaviour")).Single(t => t.Name == "壊れた.feature: 読み込みエラー");
        Assert.Multiple(() =>
        {
            Assert.That(test.RunState, Is.EqualTo(RunState.Runnable));
            Assert.That(test.Arguments.Single(), Does.Contain("壊れた.feature(5,3)"));
        });
    }

    [Test]
    public void A_root_without_features_yields_one_failing_test()
    {
        var test = TestCases(Build("empty")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(test.Name, Is.EqualTo("features root: シナリオなし"));
            Assert.That(test.Arguments.Single(), Does.Contain("No .feature file"));
        });
    }
}
