namespace Shinkin.Reqnroll.NUnit.Sample.Steps;

/// <summary>Scenario-scoped state, injected by Reqnroll's context injection.</summary>
public sealed class Counter
{
    public int Value { get; set; }
}

/// <summary>Scenario-scoped record of who owns the scenario, to prove parallel scenarios never share it.</summary>
public sealed class Ownership
{
    public string? Owner { get; set; }
}
