namespace Shinkin.ReferenceServer.Tests.Support;

/// <summary>One real reference server (TLS on loopback, own data folder) per test class.</summary>
public abstract class ServerFixture
{
    private string dataDirectory = null!;

    protected RunningReferenceServer Server { get; private set; } = null!;

    /// <summary>Configuration overrides of this class's server (e.g. "RateLimits:WindowSeconds"); none by default.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartServerAsync()
    {
        dataDirectory = TestServers.NewDataDirectory();
        Server = await TestServers.StartAsync(dataDirectory, Settings);
    }

    [OneTimeTearDown]
    public async Task StopServerAsync()
    {
        await Server.DisposeAsync();
        TestServers.DeleteQuietly(dataDirectory);
    }
}
