using Reqnroll;
using Reqnroll.UnitTestProvider;
using Shinkin.Browsers;
using Shinkin.StepDefinitions.Support;

namespace Shinkin.StepDefinitions.Hooks;

/// <summary>
/// Engine gaps are declared, never silent: a scenario tagged with an ability the chosen engine
/// lacks is reported as 対象外 with the reason, in NUnit, the summary line and the workbook.
/// </summary>
[Binding]
public sealed class EngineGapHooks
{
    public const string ClientCertificateTag = "client-certificate";
    public const string WindowsOnlyTag = "windows-only";

    private readonly RunEnvironment run;
    private readonly ScenarioEvidence evidence;
    private readonly IUnitTestRuntimeProvider unitTest;

    public EngineGapHooks(RunEnvironment run, ScenarioEvidence evidence, IUnitTestRuntimeProvider unitTest)
    {
        this.run = run;
        this.evidence = evidence;
        this.unitTest = unitTest;
    }

    [BeforeScenario(ClientCertificateTag, Order = 10)]
    public void SkipWhereTheEngineCannotPresentACertificate()
    {
        if (run.BrowserOptions.Engine == BrowserEngine.SeleniumRemote)
        {
            Skip("エンジンの制約: Selenium Remote (Grid) ではノード側の証明書ストアを設定できないため、電子証明書ログインを実行できません。Playwright または Selenium (ローカル) で実行してください。");
        }
    }

    [BeforeScenario(WindowsOnlyTag, Order = 10)]
    public void SkipOffWindows()
    {
        if (!OperatingSystem.IsWindows())
        {
            Skip("Windows 専用: このシナリオは Windows の実機（レジストリ／Internet Explorer モード）が必要です。");
        }
    }

    private void Skip(string reason)
    {
        evidence.SkipReason = reason;
        unitTest.TestIgnore(reason);
    }
}
