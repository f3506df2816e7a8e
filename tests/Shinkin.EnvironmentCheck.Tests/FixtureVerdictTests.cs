using Shinkin.EnvironmentCheck.Checks;
using static Shinkin.EnvironmentCheck.Tests.Fixture;

namespace Shinkin.EnvironmentCheck.Tests;

/// <summary>Every control on every fixture, both profiles. Codes: P pass, F fail, N not applicable (manual, secure).</summary>
public sealed class FixtureVerdictTests
{
    // Order: COOKIE-IB, COOKIE, TRUST-IB, TRUST, PROTECTED-MODE, HTTP11, PROXY-HTTP11, SSL2, SSL3, TLS10, TLS11, TLS12, SSL3-FALLBACK
    private static readonly (string Name, string[] Files, string Expected, Verdict Manual, Verdict Secure)[] Cases =
    [
        ("manual-conformant", ManualConformant, "PP PP PP PP PP PP PP PP PF PF NP NF NF", Verdict.Pass, Verdict.Fail),
        ("win10-default", Windows10Default, "FF FF FF FF PP PP PP PP FP PF NF NP NF", Verdict.Fail, Verdict.Fail),
        ("gpo-managed", GpoManaged, "PP PP PP FF FF PP FF PP FP FP NP NP NP", Verdict.Fail, Verdict.Fail),
        ("security-hklm-only", SecurityHklmOnly, "PP PP PP FF FF PP PP PP PF PF NF NP NF", Verdict.Fail, Verdict.Fail),
        ("xp-era", XpEra, "PP PP NN NN NN PP PP PP PF PF NP NF NF", Verdict.Pass, Verdict.Fail),
        ("extra-trusted-sites", ExtraTrustedSites, "PP PP PP PP PF PP PP PP PF PF NF NP NF", Verdict.Pass, Verdict.Fail),
        ("hardened", Hardened, "PP PP PP PP PP PP PP PP FP FP NP NP NP", Verdict.Fail, Verdict.Pass),
    ];

    private static IEnumerable<TestCaseData> ControlCases()
    {
        foreach (var (name, files, expected, _, _) in Cases)
        {
            var codes = expected.Split(' ');
            for (var i = 0; i < ControlIds.All.Count; i++)
            {
                yield return new TestCaseData(files, ControlIds.All[i], Parse(codes[i][0]), Parse(codes[i][1]))
                    .SetName($"{name} {ControlIds.All[i]}");
            }
        }
    }

    private static IEnumerable<TestCaseData> SummaryCases() =>
        Cases.Select(c => new TestCaseData(c.Files, c.Manual, c.Secure).SetName($"{c.Name} overall"));

    [TestCaseSource(nameof(ControlCases))]
    public async Task Control_verdicts(string[] files, string id, Verdict manual, Verdict secure)
    {
        var report = EnvironmentChecker.Check(await LoadAsync(files));
        var control = report[id];
        Assert.Multiple(() =>
        {
            Assert.That(control.Manual.Verdict, Is.EqualTo(manual), $"manual: {control.Manual.Reason}");
            Assert.That(control.Secure.Verdict, Is.EqualTo(secure), $"secure: {control.Secure.Reason}");
            Assert.That(control.Manual.Fix is null, Is.EqualTo(manual != Verdict.Fail), "a fix is given exactly when the manual profile fails");
            Assert.That(control.Secure.Fix is null, Is.EqualTo(secure != Verdict.Fail), "a fix is given exactly when the secure profile fails");
        });
    }

    [TestCaseSource(nameof(SummaryCases))]
    public async Task Overall_verdicts(string[] files, Verdict manual, Verdict secure)
    {
        var report = EnvironmentChecker.Check(await LoadAsync(files));
        Assert.Multiple(() =>
        {
            Assert.That(report.Overall(CheckProfile.Manual), Is.EqualTo(manual));
            Assert.That(report.Overall(CheckProfile.Secure), Is.EqualTo(secure));
            Assert.That(report.Controls.Select(c => c.Id), Is.EqualTo(ControlIds.All));
        });
    }

    [Test]
    public async Task Manual_conformant_pc_says_why_ssl3_and_tls10_are_unsafe()
    {
        var report = EnvironmentChecker.Check(await LoadAsync(ManualConformant));
        Assert.Multiple(() =>
        {
            Assert.That(report[ControlIds.Ssl3].Disagreement, Does.StartWith("マニュアルには適合していますが").And.Contains("RFC 7568").And.Contains("POODLE"));
            Assert.That(report[ControlIds.Tls10].Disagreement, Does.Contain("RFC 8996"));
            Assert.That(report[ControlIds.Ssl3].Secure.Fix, Does.Contain("「SSL3.0 を使用する」のチェックを外して"));
            Assert.That(report[ControlIds.Http11].Disagreement, Is.Null);
            Assert.That(report.Os.Name, Is.EqualTo("Windows 7 Professional"));
        });
    }

    [Test]
    public async Task Hardened_pc_is_safe_but_differs_from_the_manual()
    {
        var report = EnvironmentChecker.Check(await LoadAsync(Hardened));
        Assert.Multiple(() =>
        {
            Assert.That(report[ControlIds.Ssl3].Disagreement, Does.StartWith("安全な設定ですが、マニュアルの指示とは異なります"));
            Assert.That(report[ControlIds.Ssl3].Manual.Fix, Does.Contain("「SSL3.0 を使用する」にチェックを入れて"));
            Assert.That(report.Os.Family, Is.EqualTo(Settings.OsFamily.Windows11), "build 22631 is Windows 11 even though ProductName says Windows 10");
        });
    }

    [Test]
    public async Task Gpo_managed_pc_reports_policy_source_and_the_user_values_it_overrode()
    {
        var report = EnvironmentChecker.Check(await LoadAsync(GpoManaged));
        var ssl3 = report[ControlIds.Ssl3];
        var proxy = report[ControlIds.ProxyHttp11];
        var trust = report[ControlIds.TrustShinkin];
        Assert.Multiple(() =>
        {
            Assert.That(ssl3.SourceText, Is.EqualTo(@"HKLM\" + PolKey + " : SecureProtocols"));
            Assert.That(ssl3.Overridden.Select(o => o.Source.Location), Is.EqualTo(new[] { @"HKCU\" + IsKey + " : SecureProtocols" }));
            Assert.That(ssl3.Overridden[0].Source.Value.AsNumber(), Is.EqualTo(0xaa0u));
            Assert.That(proxy.Source!.Layer, Is.EqualTo(Settings.SettingLayer.UserPolicy));
            Assert.That(proxy.Manual.Fix, Does.Contain("グループポリシーで管理されている"));
            Assert.That(trust.Actual, Is.EqualTo(3L), "the user's own trusted-site entry does not count under a policy list");
            Assert.That(trust.Overridden.Single().Reason, Does.Contain("グループポリシーのサイト一覧"));
            Assert.That(report[ControlIds.TrustShinkinIb].SourceText, Does.Contain("ZoneMapKey : https://*.shinkin-ib.jp"));
        });
    }

    [Test]
    public async Task Security_hklm_only_ignores_the_user_zone_settings_the_dialog_shows()
    {
        var report = EnvironmentChecker.Check(await LoadAsync(SecurityHklmOnly));
        var protectedMode = report[ControlIds.TrustProtectedMode];
        Assert.Multiple(() =>
        {
            Assert.That(report.SecurityHklmOnly, Is.True);
            Assert.That(protectedMode.Actual, Is.EqualTo(0L));
            Assert.That(protectedMode.SourceText, Is.EqualTo(@"HKLM\" + IsKey + @"\Zones\2 : 2500"));
            Assert.That(protectedMode.Overridden.Single().Reason, Does.Contain("Security_HKLM_only=1"));
            Assert.That(protectedMode.Manual.Fix, Does.Contain("Security_HKLM_only が有効"));
            Assert.That(report[ControlIds.Http11].Source!.Layer, Is.EqualTo(Settings.SettingLayer.UserPreference), "only zone settings are machine-only");
        });
    }

    [Test]
    public async Task Xp_exemption_is_explained_and_os_option_overrides_the_snapshot()
    {
        var xp = EnvironmentChecker.Check(await LoadAsync(XpEra));
        var win10AsXp = EnvironmentChecker.Check(await LoadAsync(Windows10Default), Settings.OsInfo.FromOption("Windows XP"));
        Assert.Multiple(() =>
        {
            Assert.That(xp.Os.IsWindowsXp, Is.True);
            Assert.That(xp[ControlIds.TrustShinkinIb].Manual.Reason, Does.Contain("Windows XP では信頼済みサイトの登録は不要"));
            Assert.That(win10AsXp[ControlIds.TrustShinkin].Manual.Verdict, Is.EqualTo(Verdict.NotApplicable));
            Assert.That(win10AsXp.Os.Origin, Is.EqualTo("--os"));
        });
    }

    [Test]
    public async Task Extra_trusted_sites_are_named_in_the_secure_verdict()
    {
        var report = EnvironmentChecker.Check(await LoadAsync(ExtraTrustedSites));
        var protectedMode = report[ControlIds.TrustProtectedMode];
        Assert.Multiple(() =>
        {
            Assert.That(protectedMode.Secure.Reason, Does.Contain("https://www.example-portal.co.jp").And.Contains("contoso.com"));
            Assert.That(protectedMode.Secure.Reason, Does.Not.Contain("shinkin"));
            Assert.That(protectedMode.Disagreement, Does.Contain("金庫のドメインだけ"));
        });
    }

    private static Verdict Parse(char code) => code switch
    {
        'P' => Verdict.Pass,
        'F' => Verdict.Fail,
        _ => Verdict.NotApplicable,
    };
}
