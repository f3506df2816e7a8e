using Shinkin.Settings;
namespace Shinkin.Browsers;

/// <summary>Chooses the adapter for a run from <see cref="BrowserOptions.Engine"/>.</summary>
public static class BrowserSessionFactories
{
    /// <summary>Creates the factory; throws <see cref="BrowserException"/> listing every configuration problem.</summary>
    public static IBrowserSessionFactory Create(BrowserOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Edge IE mode reports its own problems with the Windows check first, so it is not validated here.
        var problems = options.Engine == BrowserEngine.EdgeIeMode ? [] : options.Validate();
        if (problems.Count > 0)
        {
            throw new BrowserException("Browser configuration is not usable: " + string.Join(" ", problems));
        }

        return options.Engine switch
        {
            BrowserEngine.Playwright => new PlaywrightSessionFactory(options, log),
            BrowserEngine.PlaywrightRemote => new PlaywrightRemoteSessionFactory(options, log),
            BrowserEngine.Selenium => new SeleniumSessionFactory(options),
            BrowserEngine.SeleniumRemote => new SeleniumRemoteSessionFactory(options),
            BrowserEngine.EdgeIeMode => new EdgeIeModeSessionFactory(options),
            _ => throw new BrowserException($"Engine {options.Engine} has no adapter."),
        };
    }
}
