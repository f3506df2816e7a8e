using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;
using Shinkin.Repository;

namespace Shinkin.Conventions.Tests;

/// <summary>
/// docs/ARCHITECTURE.md §2 and §9 as executable rules: the layers point one way, the engine stays behind
/// Shinkin.Browsers, and the style rules that are cheap to check hold everywhere.
/// </summary>
[TestFixture]
public sealed class LayeringTests
{
    private static readonly string[] EngineNamespaces = ["Microsoft.Playwright", "OpenQA.Selenium"];

    private static IEnumerable<TestCaseData> EngineFreeAssemblies()
    {
        yield return new TestCaseData(typeof(Shinkin.StepDefinitions.Hooks.RunHooks).Assembly).SetArgDisplayNames("StepDefinitions");
        yield return new TestCaseData(typeof(Shinkin.PageObjects.Ui).Assembly).SetArgDisplayNames("PageObjects");
    }

    [TestCaseSource(nameof(EngineFreeAssemblies))]
    public void Assembly_does_not_reference_an_engine(Assembly assembly)
    {
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.That(references, Has.None.StartsWith("Microsoft.Playwright").And.None.StartsWith("WebDriver"));
    }

    [TestCase("StepDefinitions")]
    [TestCase("PageObjects")]
    public void Source_does_not_mention_an_engine_namespace(string folder)
    {
        var offenders = SourceFiles(folder)
            .Where(f => EngineNamespaces.Any(ns => File.ReadAllText(f).Contains(ns, StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();
        Assert.That(offenders, Is.Empty, "engine types must stay inside src/Shinkin.Browsers");
    }

    [TestCase("PageObjects/Shinkin.PageObjects.csproj", new[] { "Shinkin.Browsers" })]
    [TestCase("src/Shinkin.Settings/Shinkin.Settings.csproj", new string[0])]
    [TestCase("src/Shinkin.Browsers/Shinkin.Browsers.csproj", new[] { "Shinkin.Settings" })]
    [TestCase("src/Shinkin.Reqnroll.NUnit/Shinkin.Reqnroll.NUnit.csproj", new[] { "Shinkin.Settings", "Shinkin.FeatureFiles" })]
    [TestCase("Reports/Shinkin.Reports.csproj", new[] { "Shinkin.EnvironmentCheck", "Shinkin.Settings", "Shinkin.FeatureFiles" })]
    [TestCase("src/Shinkin.EnvironmentCheck/Shinkin.EnvironmentCheck.csproj", new string[0])]
    [TestCase("src/Shinkin.EnvironmentCheck.App/Shinkin.EnvironmentCheck.App.csproj", new[] { "Shinkin.EnvironmentCheck", "Shinkin.Reports" })]
    // Runs dotnet publish on the App project as a process; a project reference would pull the App into its callers.
    [TestCase("tools/Shinkin.Publishing/Shinkin.Publishing.csproj", new string[0])]
    [TestCase("src/Shinkin.ReferenceServer/Shinkin.ReferenceServer.csproj", new string[0])]
    [TestCase("StepDefinitions/Shinkin.StepDefinitions.csproj", new[] { "Shinkin.PageObjects", "Shinkin.Reports", "Shinkin.ReferenceServer", "Shinkin.EnvironmentCheck", "Shinkin.Targets", "Shinkin.Settings", "Shinkin.FeatureFiles" })]
    [TestCase("src/Shinkin.Targets/Shinkin.Targets.csproj", new string[0])]
    [TestCase("src/Shinkin.FeatureFiles/Shinkin.FeatureFiles.csproj", new string[0])]
    [TestCase("src/Shinkin.Repository/Shinkin.Repository.csproj", new string[0])]
    [TestCase("src/Shinkin.Grid/Shinkin.Grid.csproj", new[] { "Shinkin.Browsers", "Shinkin.Repository" })]
    [TestCase("tests/Shinkin.Browsers.Tests/Shinkin.Browsers.Tests.csproj", new[] { "Shinkin.Browsers", "Shinkin.Grid" })]
    public void Project_references_only_its_allowed_layers(string project, string[] allowed)
    {
        var doc = XDocument.Load(Path.Combine(Root, project));
        var references = doc.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension((string?)e.Attribute("Include") ?? ""))
            .ToList();
        Assert.That(references, Is.SubsetOf(allowed));
    }

    [TestCase("src")]
    [TestCase("StepDefinitions")]
    [TestCase("PageObjects")]
    [TestCase("Reports")]
    [TestCase("tools")]
    public void Async_code_never_blocks_on_a_task(string folder)
    {
        // A text check: ASP.NET's filter and page contexts have a `Result` property that is not a task.
        var blocking = new Regex(@"(?<![Cc]ontext)\.Result\b(?!\s*=[^=])|\.Wait\(\)|\.GetAwaiter\(\)\.GetResult\(\)", RegexOptions.Compiled);
        var offenders = SourceFiles(folder)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => blocking.IsMatch(x.line) && !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    [TestCase("StepDefinitions")]
    [TestCase("PageObjects")]
    public void Classes_are_sealed_or_static(string folder)
    {
        var assembly = folder == "PageObjects" ? typeof(Shinkin.PageObjects.Ui).Assembly : typeof(Shinkin.StepDefinitions.Hooks.RunHooks).Assembly;
        var open = assembly.GetTypes()
            .Where(t => t.IsClass && t.IsPublic && !t.IsSealed && !t.IsAbstract && !t.Name.StartsWith('<'))
            .Select(t => t.FullName)
            .ToList();
        Assert.That(open, Is.Empty);
    }

    [TestCase("Features")]
    [TestCase("StepDefinitions")]
    [TestCase("PageObjects")]
    [TestCase("Reports")]
    [TestCase("runsettings")]
    [TestCase("src/Shinkin.ReferenceServer")]
    [TestCase("src/Shinkin.Browsers")]
    [TestCase("src/Shinkin.EnvironmentCheck")]
    [TestCase("src/Shinkin.EnvironmentCheck.App")]
    [TestCase("tools")]
    [TestCase("src/Shinkin.Reqnroll.NUnit")]
    [TestCase("src/Shinkin.FeatureFiles")]
    [TestCase("src/Shinkin.Repository")]
    [TestCase("src/Shinkin.Grid")]
    [TestCase("src/Shinkin.Cli")]
    [TestCase("bench")]
    public void Every_folder_says_what_it_owns(string folder)
    {
        var readme = Path.Combine(Root, folder, "README.md");
        Assert.That(File.Exists(readme), Is.True, $"{folder}/README.md is missing");
        Assert.That(File.ReadAllText(readme).Trim(), Has.Length.GreaterThan(80));
    }

    [Test]
    public void Step_definitions_have_no_feature_scoped_bindings()
    {
        var scoped = SourceFiles("StepDefinitions")
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\[Scope\(\s*Feature\s*="))
            .ToList();
        Assert.That(scoped, Is.Empty);
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Root => RepositoryRoot.Path;
}
