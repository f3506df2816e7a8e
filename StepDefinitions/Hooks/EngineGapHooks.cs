using Reqnroll;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Hooks;

/// <summary>Scenarios tagged @windows-only are 対象外 elsewhere, with the reason.</summary>
[Binding]
public sealed class EngineGapHooks
{
    public const string WindowsOnlyTag = "windows-only";

    private readonly EngineGaps gaps;

    public EngineGapHooks(EngineGaps gaps)
    {
        this.gaps = gaps;
    }

    [BeforeScenario(WindowsOnlyTag, Order = 10)]
    public void SkipOffWindows()
    {
        if (!OperatingSystem.IsWindows())
        {
            gaps.Declare(EngineGaps.WindowsOnly);
        }
    }
}
