namespace Shinkin.Targets;

/// <summary>How the harness trusts the target's TLS certificate: exactly one of a CA file or the system store.</summary>
public sealed class TargetTrust
{
    internal TargetTrust(string? caFile, bool systemStore)
    {
        CaFile = caFile;
        SystemStore = systemStore;
    }

    /// <summary>Full path of the CA certificate (PEM), or null when <see cref="SystemStore"/>.</summary>
    public string? CaFile { get; }

    /// <summary>True: the OS trust store already trusts the target.</summary>
    public bool SystemStore { get; }

    public override string ToString() => SystemStore ? "systemStore" : $"caFile {CaFile}";
}

/// <summary>What the target offers besides its screens.</summary>
public sealed class TargetCapabilities
{
    internal TargetCapabilities(bool testDataApi, bool backOffice)
    {
        TestDataApi = testDataApi;
        BackOffice = backOffice;
    }

    /// <summary>The target has the test-data API (accounts are made on demand instead of taken from the pool).</summary>
    public bool TestDataApi { get; }

    /// <summary>The target has a 当金庫 業務画面 (back office) the harness may drive.</summary>
    public bool BackOffice { get; }
}
