using System.Reflection;

namespace Shinkin.Reqnroll.NUnit.Tests;

/// <summary>Where the sample consumer project (Samples/SampleSuite) lives in the source tree.</summary>
internal static class SampleProject
{
    public static string Directory { get; } =
        typeof(SampleProject).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SampleProjectDirectory")
            .Value!;

    public static string ProjectFile => Path.Combine(Directory, "Shinkin.Reqnroll.NUnit.Sample.csproj");

    public static string FeaturesDirectory(string set) => Path.Combine(Directory, "Features", set);

    public static string Configuration { get; } =
        typeof(SampleProject).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
