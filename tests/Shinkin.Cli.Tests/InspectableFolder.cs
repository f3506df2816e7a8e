using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace Shinkin.Cli.Tests;

/// <summary>A temporary folder for one test of a real run: deleted when the test passed, kept (its path printed) when it did not.</summary>
internal static class InspectableFolder
{
    public static DirectoryInfo Create(string prefix) => Directory.CreateTempSubdirectory(prefix);

    public static void Release(DirectoryInfo folder)
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Passed)
        {
            folder.Delete(recursive: true);
        }
        else
        {
            TestContext.Out.WriteLine($"kept for inspection: {folder.FullName}");
        }
    }
}
