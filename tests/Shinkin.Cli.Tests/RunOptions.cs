using Shinkin.Cli.Commands;
using Shinkin.Cli.Runs;
using Shinkin.Settings;

namespace Shinkin.Cli.Tests;

/// <summary>`run` options into the settings record, as the command line resolves them (the ci runsettings underneath).</summary>
internal static class RunOptions
{
    /// <summary>The settings of `shinkin run ARGUMENTS` with the environment variables <paramref name="environment"/> names (none by default).</summary>
    public static RunSettings Resolve(IReadOnlyList<string> arguments, Func<string, string?>? environment = null)
    {
        var repository = RepositoryLayout.Find()!;
        var parsed = CommandLine.Build(TextWriter.Null, TextWriter.Null).Parse(["run", .. arguments]);
        return RunCommand.Resolve(parsed, repository, repository.RunSettingsFile("ci"), environment ?? (_ => null));
    }
}
