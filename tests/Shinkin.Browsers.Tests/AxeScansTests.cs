using NUnit.Framework;

namespace Shinkin.Browsers.Tests;

/// <summary>How axe's rule tags become the WCAG success criteria and level the reports show.</summary>
[TestFixture]
public sealed class AxeScansTests
{
    [TestCase("wcag143", "1.4.3")]
    [TestCase("wcag412", "4.1.2")]
    [TestCase("wcag1410", "1.4.10")]
    [TestCase("wcag2aa", null)]
    [TestCase("wcag21a", null)]
    [TestCase("cat.forms", null)]
    [TestCase("best-practice", null)]
    public void A_criterion_tag_becomes_its_success_criterion(string tag, string? criterion) =>
        Assert.That(AxeScans.Criterion(tag), Is.EqualTo(criterion));

    [TestCase(new[] { "cat.forms", "wcag2a", "wcag412" }, "A")]
    [TestCase(new[] { "wcag21a", "wcag131" }, "A")]
    [TestCase(new[] { "cat.color", "wcag2aa", "wcag143" }, "AA")]
    [TestCase(new[] { "wcag21aa", "wcag1410" }, "AA")]
    [TestCase(new[] { "best-practice" }, "")]
    public void The_level_comes_from_the_level_tag(string[] tags, string level) =>
        Assert.That(AxeScans.Level(tags), Is.EqualTo(level));

    [Test]
    public void Only_WCAG_2_0_and_2_1_A_and_AA_rules_run()
    {
        var options = AxeScans.Options();

        Assert.That(options.RunOnly.Type, Is.EqualTo("tags"));
        Assert.That(options.RunOnly.Values, Is.EquivalentTo(new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa" }));
    }
}
