using System.Diagnostics.CodeAnalysis;
using Reqnroll.UnitTestProvider;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// Declares that this scenario cannot run on the chosen engine or platform: it is reported as
/// 対象外 with the reason (NUnit "skipped", the summary line, the evidence workbook), never dropped.
/// </summary>
public sealed class EngineGaps
{
    public const string ClientCertificates =
        "エンジンの制約: このブラウザエンジンは電子証明書（クライアント証明書）を提示できません（Selenium Remote/Grid ではノードの証明書ストアを準備できないため）。Playwright または Selenium（ローカル）で実行してください。";

    public const string WindowsOnly =
        "Windows 専用: このシナリオは Windows の実機（レジストリ／Internet Explorer モード）が必要です。";

    private readonly ScenarioEvidence evidence;
    private readonly IUnitTestRuntimeProvider unitTest;

    public EngineGaps(ScenarioEvidence evidence, IUnitTestRuntimeProvider unitTest)
    {
        this.evidence = evidence;
        this.unitTest = unitTest;
    }

    [DoesNotReturn]
    public void Declare(string reason)
    {
        evidence.SkipReason = reason;
        unitTest.TestIgnore(reason);

        // TestIgnore throws NUnit's ignore exception; this keeps callers' flow analysis honest if a provider did not.
        throw new InvalidOperationException(reason);
    }
}
