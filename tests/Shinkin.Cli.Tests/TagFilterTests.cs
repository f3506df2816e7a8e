using NUnit.Framework;
using Shinkin.Cli.Commands;

namespace Shinkin.Cli.Tests;

[TestFixture]
public sealed class TagFilterTests
{
    [TestCase("master", "TestCategory=master")]
    [TestCase("@master", "TestCategory=master")]
    [TestCase("manual:2-1:1-3", "TestCategory=manual:2-1:1-3")]
    [TestCase("master&!slow", "TestCategory=master&TestCategory!=slow")]
    [TestCase("(master|general) & e2e", "(TestCategory=master|TestCategory=general)&TestCategory=e2e")]
    public void Translates_tag_expressions_to_test_filters(string tags, string filter) =>
        Assert.That(TagFilter.ToTestFilter(tags), Is.EqualTo(filter));

    [TestCase("")]
    [TestCase("master&")]
    [TestCase("&master")]
    [TestCase("(master")]
    [TestCase("master)")]
    [TestCase("master general")]
    public void Rejects_incomplete_expressions(string tags) =>
        Assert.That(() => TagFilter.ToTestFilter(tags), Throws.TypeOf<FormatException>());

    [Test]
    public async Task The_command_exits_2_with_a_reason_on_a_bad_expression()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.DispatchAsync(["run", "--tags", "master&"], stdout, stderr);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(stderr.ToString(), Does.Contain("needs a tag").Or.Contain("incomplete"));
        });
    }
}
