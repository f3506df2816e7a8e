using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.StepDefinitions.Support;

/// <summary>The registry snapshot a chapter-1 scenario examines, and what the check made of it.</summary>
public sealed class EnvironmentCheckContext
{
    public IReadOnlyList<string> SnapshotFiles { get; set; } = [];

    public RegistrySnapshot? Snapshot { get; set; }

    public CheckReport? Report { get; set; }

    public string? FixFile { get; set; }

    public CheckReport RequiredReport => Report ?? throw new InvalidOperationException("the environment check has not run yet (missing もし 環境チェックを実行する)");

    public RegistrySnapshot RequiredSnapshot => Snapshot ?? throw new InvalidOperationException("no registry snapshot was given (missing 前提 PC のレジストリ ... がある)");
}
