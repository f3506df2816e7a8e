using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>What the browsers layer checks about <see cref="BrowserOptions"/> before it starts anything.</summary>
public static class BrowserOptionsChecks
{
    /// <summary>Problems that stop a run with this configuration (empty when it can start).</summary>
    public static IReadOnlyList<string> Validate(this BrowserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        switch (options.Engine)
        {
            case BrowserEngine.SeleniumRemote when options.GridUrl is null:
                problems.Add("Engine selenium-remote needs GridUrl (SHINKIN_GRID_URL or --grid URL).");
                break;
            case BrowserEngine.PlaywrightRemote when options.PlaywrightServerUrl is null:
                problems.Add("Engine playwright-remote needs PlaywrightServerUrl (SHINKIN_PW_SERVER or --pw-server ws://...).");
                break;
            case BrowserEngine.EdgeIeMode:
                problems.AddRange(EdgeIeModeConfiguration.From(options).Validate());
                break;
        }

        if (options.TrustedCaPemPath is not null && !File.Exists(options.TrustedCaPemPath))
        {
            problems.Add($"Trusted CA file '{options.TrustedCaPemPath}' (SHINKIN_CA_PEM) does not exist.");
        }

        return problems;
    }
}
