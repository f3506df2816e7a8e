using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>What the browsers layer checks about <see cref="BrowserOptions"/> before it starts anything.</summary>
public static class BrowserOptionsChecks
{
    /// <summary>Problems that stop a run with this configuration (empty when it can start).</summary>
    public static IReadOnlyList<string> Validate(this BrowserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        if (options.Engine == BrowserEngine.EdgeIeMode)
        {
            problems.AddRange(EdgeIeModeConfiguration.From(options).Validate());
        }

        if (options.TrustedCaPemPath is not null && !File.Exists(options.TrustedCaPemPath))
        {
            problems.Add($"Trusted CA file '{options.TrustedCaPemPath}' (SHINKIN_CA_PEM) does not exist.");
        }

        return problems;
    }
}
