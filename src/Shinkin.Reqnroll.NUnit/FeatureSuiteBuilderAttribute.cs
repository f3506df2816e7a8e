using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;
using Shinkin.FeatureFiles;
using Shinkin.Reqnroll.NUnit.Discovery;
using Shinkin.Reqnroll.NUnit.Execution;
using Shinkin.Settings;

namespace Shinkin.Reqnroll.NUnit;

/// <summary>
/// Builds the NUnit tree at discovery: the derived class becomes the run suite, each feature a fixture below it,
/// each scenario / Examples row a test named <c>機能名: シナリオ名 [例 n]</c> with its tags as categories.
/// Files that do not parse become failing tests instead of breaking discovery.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
internal sealed class FeatureSuiteBuilderAttribute : NUnitAttribute, IFixtureBuilder2
{
    private const string IgnoreTag = "ignore";

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo, IPreFilter filter) => BuildFrom(typeInfo);

    public IEnumerable<TestSuite> BuildFrom(ITypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        FeatureCatalog catalog;
        try
        {
            catalog = FeatureCatalog.ForTestAssembly(typeInfo.Assembly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var broken = new TestFixture(typeInfo);
            broken.MakeInvalid(e, "Feature discovery failed.");
            return [broken];
        }

        return [Build(typeInfo, catalog)];
    }

    /// <summary>
    /// The run suite is an NUnit SetUpFixture (the test adapter accepts fixtures only below one):
    /// its one-time setup/teardown start and end the Reqnroll test run around all feature fixtures.
    /// </summary>
    internal static SetUpFixture Build(ITypeInfo typeInfo, FeatureCatalog catalog)
    {
        var runSuite = new SetUpFixture(typeInfo);
        var run = new TestRun(typeInfo.Assembly);
        var builder = new NUnitTestCaseBuilder();
        var scenarioMethod = new MethodWrapper(typeInfo.Type, nameof(ReqnrollFeatureTests.RunScenarioAsync));
        var errorMethod = new MethodWrapper(typeInfo.Type, nameof(ReqnrollFeatureTests.ReportDiscoveryError));

        foreach (var feature in catalog.Features)
        {
            runSuite.Add(BuildFeature(typeInfo, feature, new FeatureSession(run, feature), builder, scenarioMethod));
        }

        var errors = catalog.Errors
            .Select(error => (Name: $"{(string.IsNullOrEmpty(error.RelativePath) ? "features root" : error.RelativePath)}: 読み込みエラー", Message: error.ToString()))
            .ToList();
        if (catalog.Features.Count == 0 && catalog.Errors.Count == 0)
        {
            errors.Add((
                "features root: シナリオなし",
                $"No .feature file with a scenario was found under {catalog.RootDirectory} (set {SettingsEnvironment.FeaturesDirectory} or copy the .feature files to the output folder)."));
        }

        if (errors.Count > 0)
        {
            var errorFixture = NewFixture(typeInfo, "読み込みエラー");
            foreach (var (name, message) in errors)
            {
                errorFixture.Add(BuildTest(builder, errorMethod, errorFixture, name, [message], []));
            }

            runSuite.Add(errorFixture);
        }

        return runSuite;
    }

    private static TestFixture NewFixture(ITypeInfo typeInfo, string name)
    {
        var fixture = new TestFixture(typeInfo)
        {
            Name = name,
            FullName = $"{typeInfo.FullName}.{name}",
        };
        fixture.ApplyAttributesToTest(typeInfo.Type);
        return fixture;
    }

    private static TestFixture BuildFeature(
        ITypeInfo typeInfo,
        FeatureDocument feature,
        FeatureSession session,
        NUnitTestCaseBuilder builder,
        MethodWrapper scenarioMethod)
    {
        var fixture = NewFixture(typeInfo, feature.Title);
        fixture.Properties.Set(ReqnrollFeatureTests.FeatureSessionProperty, session);
        if (feature.Description is { } description)
        {
            fixture.Properties.Set(PropertyNames.Description, description);
        }

        var shard = Shard.OfThisRun();
        foreach (var scenario in feature.Scenarios.Where(s => shard.Contains(s.Name)))
        {
            var test = BuildTest(builder, scenarioMethod, fixture, scenario.Name, [scenario], scenario.Categories);
            if (scenario.Categories.Any(tag => string.Equals(tag, IgnoreTag, StringComparison.OrdinalIgnoreCase)))
            {
                test.RunState = RunState.Ignored;
                test.Properties.Set(PropertyNames.SkipReason, "Ignored by the @ignore tag");
            }

            fixture.Add(test);
        }

        return fixture;
    }

    private static TestMethod BuildTest(
        NUnitTestCaseBuilder builder,
        MethodWrapper method,
        TestSuite parent,
        string name,
        object[] arguments,
        IEnumerable<string> categories)
    {
        var parameters = new TestCaseParameters(arguments);
        foreach (var category in categories)
        {
            parameters.Properties.Add(PropertyNames.Category, category);
        }

        var test = builder.BuildTestMethod(method, parent, parameters);
        // Set after building: NUnit would read braces in a scenario name as a name template.
        test.Name = name;
        test.FullName = $"{parent.FullName}.{name}";
        return test;
    }
}
