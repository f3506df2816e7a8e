using NUnit.Framework;

namespace Shinkin.Conventions.Tests;

internal static class RepositoryLocator
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Shinkin.Automation.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Shinkin.Automation.sln not found above the test directory");
        }
    }
}
