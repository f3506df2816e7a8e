using NUnit.Framework;
using Shinkin.Repository;

namespace Shinkin.Conventions.Tests;

/// <summary>The one way tests and tools find the repository: the folder holding Shinkin.Automation.sln.</summary>
[TestFixture]
public sealed class RepositoryRootTests
{
    [Test]
    public void The_running_tests_find_this_checkout()
    {
        var root = RepositoryRoot.Path;
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Path.Combine(root, RepositoryRoot.MarkerFile)), Is.True);
            Assert.That(Path.Combine(root, "Features", "manual-structure.json"), Does.Exist);
            Assert.That(TestContext.CurrentContext.TestDirectory, Does.StartWith(root), "the checkout the tests were built in");
        });
    }

    [Test]
    public void The_nearest_folder_holding_the_solution_wins()
    {
        var outer = Directory.CreateTempSubdirectory("shinkin-root-");
        try
        {
            var inner = Directory.CreateDirectory(Path.Combine(outer.FullName, "copy"));
            var deep = Directory.CreateDirectory(Path.Combine(inner.FullName, "src", "Tool", "bin"));
            File.WriteAllText(Path.Combine(outer.FullName, RepositoryRoot.MarkerFile), "");
            File.WriteAllText(Path.Combine(inner.FullName, RepositoryRoot.MarkerFile), "");

            Assert.Multiple(() =>
            {
                Assert.That(RepositoryRoot.FindAbove(deep.FullName), Is.EqualTo(inner.FullName));
                Assert.That(RepositoryRoot.FindAbove(inner.FullName), Is.EqualTo(inner.FullName));
            });
        }
        finally
        {
            outer.Delete(recursive: true);
        }
    }

    [Test]
    public void Outside_any_checkout_there_is_no_root()
    {
        var lonely = Directory.CreateTempSubdirectory("shinkin-no-root-");
        try
        {
            Assert.That(RepositoryRoot.FindAbove(lonely.FullName), Is.Null);
        }
        finally
        {
            lonely.Delete(recursive: true);
        }
    }
}
