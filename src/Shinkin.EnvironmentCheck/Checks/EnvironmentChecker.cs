using System.Globalization;
using Shinkin.EnvironmentCheck.Registry;
using Shinkin.EnvironmentCheck.Settings;

namespace Shinkin.EnvironmentCheck.Checks;

/// <summary>Judges a registry snapshot against the manual (chapter 1) and the secure profile.</summary>
public static class EnvironmentChecker
{
    private const string PolicyManagedNote = "この設定はグループポリシーで管理されているため、画面からは変更できません。システム管理者に変更を依頼してください。";
    private const string HklmOnlyNote = "Security_HKLM_only が有効なため、コンピューター全体 (HKLM) の設定を管理者が変更する必要があります。";

    private const string Ssl3Explanation = "SSL 3.0 は POODLE 攻撃 (CVE-2014-3566) で通信を解読されるおそれがあり、RFC 7568 (2015年) で使用が禁止されています。";
    private const string Tls10Explanation = "TLS 1.0 は RFC 8996 (2021年) で廃止されました。既知の弱点 (BEAST など) があるため、使用しないでください。";
    private const string Tls11Explanation = "TLS 1.1 も RFC 8996 (2021年) で廃止されました。マニュアルには記載がありませんが、使用しないでください。";
    private const string Tls12Explanation = "TLS 1.2 はマニュアルに記載がありませんが、SSL 3.0・TLS 1.0・TLS 1.1 を止めたあとに安全に接続するために必要です。";
    private const string FallbackExplanation = "SSL 3.0 へのフォールバックを許すと、TLS が有効でも通信を SSL 3.0 に格下げされるおそれがあります (POODLE)。マニュアルには記載がありません。";
    private const string ProtectedModeExplanation = "信頼済みサイトでは保護モードが無効になるため、信頼済みサイトに金庫以外のサイトがあると、そのサイトも保護なしで動作します。信頼済みサイトには金庫のドメインだけを登録してください。";

    public static CheckReport Check(RegistrySnapshot snapshot, OsInfo? osOverride = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var resolver = new SettingResolver(snapshot);
        var os = osOverride ?? OsInfo.FromSnapshot(snapshot);
        var zoneMap = ZoneMap.Build(resolver);
        var secureProtocols = ResolveSecureProtocols(resolver, os);

        var controls = new List<ControlResult>
        {
            Cookie(resolver, ControlIds.CookieShinkinIb, BankDomains.ShinkinIb, "1-2 手順3"),
            Cookie(resolver, ControlIds.CookieShinkin, BankDomains.Shinkin, "1-2 手順4"),
            Trust(zoneMap, os, ControlIds.TrustShinkinIb, BankDomains.ShinkinIb, "1-3 手順3"),
            Trust(zoneMap, os, ControlIds.TrustShinkin, BankDomains.Shinkin, "1-3 手順4"),
            ProtectedMode(resolver, zoneMap, os),
            Flag(resolver, ControlIds.Http11, "HTTP1.1 を使用する", "EnableHttp1_1", "1-4 手順2"),
            Flag(resolver, ControlIds.ProxyHttp11, "プロキシ接続で HTTP1.1 を使用する", "ProxyHttp1.1", "1-4 手順2"),
            Bit(secureProtocols, ControlIds.Ssl2, "SSL2.0 を使用する", SecureProtocolBits.Ssl2, "1-4 手順2 (※)", manual: false, secure: false, null),
            Bit(secureProtocols, ControlIds.Ssl3, "SSL3.0 を使用する", SecureProtocolBits.Ssl3, "1-4 手順2", manual: true, secure: false, Ssl3Explanation),
            Bit(secureProtocols, ControlIds.Tls10, "TLS1.0 を使用する", SecureProtocolBits.Tls10, "1-4 手順2", manual: true, secure: false, Tls10Explanation),
            Bit(secureProtocols, ControlIds.Tls11, "TLS1.1 の使用", SecureProtocolBits.Tls11, "(マニュアルに記載なし)", manual: null, secure: false, Tls11Explanation),
            Bit(secureProtocols, ControlIds.Tls12, "TLS1.2 の使用", SecureProtocolBits.Tls12, "(マニュアルに記載なし)", manual: null, secure: true, Tls12Explanation),
            Ssl3Fallback(resolver),
        };

        return new CheckReport(os, snapshot.Sources.ToList(), resolver.SecurityHklmOnly, controls);
    }

    /// <summary>The effective SecureProtocols value, or the OS's built-in default when no layer sets it.</summary>
    internal static (EffectiveSetting Setting, uint? Value, string? SourceText) ResolveSecureProtocols(SettingResolver resolver, OsInfo os)
    {
        var setting = resolver.Resolve(string.Empty, "SecureProtocols");
        if (setting.Number is { } value)
        {
            return (setting, value, setting.Winner!.Location);
        }

        uint? fallback = os.Family switch
        {
            OsFamily.Windows8 or OsFamily.Windows10 or OsFamily.Windows11 => 0xA80,
            OsFamily.Windows7 or OsFamily.WindowsVista => 0xA0,
            _ => null,
        };
        return (setting, fallback, fallback is null ? null : $"既定値 ({os.Name})");
    }

    private static ControlResult Cookie(SettingResolver resolver, string id, string domain, string step)
    {
        var setting = resolver.Resolve(@"P3P\History\" + domain, string.Empty);
        var value = setting.Number;
        var actualText = value switch
        {
            null => "未設定",
            1 => "許可 (1)",
            5 => "拒否 (5)",
            _ => string.Create(CultureInfo.InvariantCulture, $"その他 ({value})"),
        };
        var fix = WithPolicyNote(setting.Winner, $"「インターネットオプション」の［プライバシー］タブで［サイト］をクリックし、「{domain}」と入力して［許可］をクリックしてください。");
        var result = Judge(value == 1, "許可 (1)", actualText, fix);
        return new ControlResult(id, $"Cookie: {domain} を許可", step, value is null ? null : (long)value.Value, actualText, setting.Winner, setting.Winner?.Location,
            setting.Overridden, result, result, null);
    }

    private static ControlResult Trust(ZoneMap zoneMap, OsInfo os, string id, string domain, string step)
    {
        var site = $"https://*.{domain}";
        var probe = zoneMap.Decide("https", domain, wildcardProbe: true);

        // Exact hosts under the domain beat the wildcard, so each one must also land in zone 2.
        var exactHosts = zoneMap.Effective
            .Where(e => !e.CoversSubdomains && e.HostPattern.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.HostPattern.ToLowerInvariant())
            .Distinct()
            .Select(h => zoneMap.Decide("https", h));
        var decisions = new[] { probe }.Concat(exactHosts).ToList();
        var failing = decisions.FirstOrDefault(d => d.Zone != 2);
        var shown = failing ?? probe;
        var actualText = failing is null || failing == probe
            ? $"{site} → {ZoneMap.Describe(shown.Zone)}"
            : $"{site} → {ZoneMap.Describe(probe.Zone)}、ただし {failing.Url} → {ZoneMap.Describe(failing.Zone)}";
        var winner = shown.Winner?.Source;
        var sourceText = winner is null
            ? "一致する登録なし (インターネット ゾーン)"
            : shown.Winner!.List == ZoneMapList.ZoneMapKey ? winner.Location : $"{winner.Location} ({shown.Winner.Display})";
        var overridden = decisions.SelectMany(d => d.Overridden).Distinct().ToList();
        var title = $"信頼済みサイト: {site}";

        if (os.IsWindowsXp)
        {
            var na = new ProfileResult("ゾーン 2 (信頼済みサイト)", Verdict.NotApplicable, "Windows XP では信頼済みサイトの登録は不要です (マニュアルの注記)。", null);
            return new ControlResult(id, title, step, (long)shown.Zone, actualText, winner, sourceText, overridden, na, na, null);
        }

        var fixText = failing is not null && failing != probe && failing.Winner is not null
            ? $"{failing.Url} が {ZoneMap.ZoneName(failing.Zone)} に登録されています。この登録を削除するか信頼済みサイトに変更し、"
            : string.Empty;
        fixText += $"「インターネットオプション」の［セキュリティ］タブで「信頼済みサイト」を選び［サイト］をクリックし、「{site}」を追加してください (「*」を含めてすべて半角)。";
        if (shown.Winner?.Source.Layer.IsPolicy() == true || zoneMap.Effective.Any(e => e.Source.Layer.IsPolicy()))
        {
            fixText = "信頼済みサイトの一覧はグループポリシー (サイトとゾーンの割り当て一覧) で管理されています。システム管理者に「" + site + "」をゾーン 2 で登録するよう依頼してください。";
        }

        var result = Judge(failing is null, "ゾーン 2 (信頼済みサイト)", actualText, fixText);
        return new ControlResult(id, title, step, (long)shown.Zone, actualText, winner, sourceText, overridden, result, result, null);
    }

    private static ControlResult ProtectedMode(SettingResolver resolver, ZoneMap zoneMap, OsInfo os)
    {
        var setting = resolver.Resolve(@"Zones\2", "2500", isZoneSetting: true);

        // Trusted Sites ship with Protected Mode off (3); an export without the value keeps that default.
        var value = setting.Number ?? 3;
        var sourceText = setting.Winner?.Location ?? "既定値 (信頼済みサイトの保護モードは既定で無効)";
        var actualText = value switch
        {
            0 => "保護モード 有効 (0)",
            3 => "保護モード 無効 (3)",
            _ => string.Create(CultureInfo.InvariantCulture, $"その他 ({value})"),
        };
        var extraSites = zoneMap.Effective.Where(e => e.Zone == 2 && !BankDomains.Contains(e.HostPattern))
            .Select(e => e.Display).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        const string title = "信頼済みサイトの保護モードを無効にする";
        const string step = "1-3 手順2 (※)";

        if (os.IsWindowsXp)
        {
            var na = new ProfileResult("無効 (3)", Verdict.NotApplicable, "Windows XP では信頼済みサイトの設定は不要です (マニュアルの注記)。XP には保護モードがありません。", null);
            return new ControlResult(ControlIds.TrustProtectedMode, title, step, (long)value, actualText, setting.Winner, sourceText, setting.Overridden, na, na, ProtectedModeExplanation);
        }

        var baseFix = WithZoneNote(resolver, setting.Winner, "「インターネットオプション」の［セキュリティ］タブで「信頼済みサイト」を選び、「保護モードを有効にする」のチェックを外してください。");
        var manual = Judge(value == 3, "無効 (3)", actualText, baseFix);
        ProfileResult secure;
        if (value != 3)
        {
            secure = manual with { Expected = "無効 (3)、信頼済みサイトは金庫のドメインのみ" };
        }
        else if (extraSites.Count > 0)
        {
            var list = string.Join("、", extraSites);
            secure = new ProfileResult("無効 (3)、信頼済みサイトは金庫のドメインのみ", Verdict.Fail,
                $"保護モードが無効な信頼済みサイトに金庫以外のサイトがあります: {list}",
                $"［セキュリティ］タブ →「信頼済みサイト」→［サイト］で、金庫以外のサイト ({list}) を削除してください。");
        }
        else
        {
            secure = new ProfileResult("無効 (3)、信頼済みサイトは金庫のドメインのみ", Verdict.Pass, "保護モードは無効で、信頼済みサイトは金庫のドメインだけです。", null);
        }

        return new ControlResult(ControlIds.TrustProtectedMode, title, step, (long)value, actualText, setting.Winner, sourceText, setting.Overridden, manual, secure, ProtectedModeExplanation);
    }

    private static ControlResult Flag(SettingResolver resolver, string id, string label, string valueName, string step)
    {
        var setting = resolver.Resolve(string.Empty, valueName);

        // IE 7 and later check both HTTP 1.1 boxes by default.
        var value = setting.Number ?? 1;
        var sourceText = setting.Winner?.Location ?? "既定値 (IE7 以降は有効)";
        var actualText = value == 1 ? "有効 (1)" : string.Create(CultureInfo.InvariantCulture, $"無効 ({value})");
        var fix = WithPolicyNote(setting.Winner, $"「インターネットオプション」の［詳細設定］タブで「{label}」にチェックを入れてください。");
        var result = Judge(value == 1, "有効 (1)", actualText, fix);
        return new ControlResult(id, label, step, (long)value, actualText, setting.Winner, sourceText, setting.Overridden, result, result, null);
    }

    private static ControlResult Bit((EffectiveSetting Setting, uint? Value, string? SourceText) protocols, string id, string label, uint bit,
        string step, bool? manual, bool? secure, string? explanation)
    {
        var value = protocols.Value;
        bool? on = value is null ? null : (value & bit) != 0;
        var raw = value is null ? "SecureProtocols 未設定" : string.Create(CultureInfo.InvariantCulture, $"SecureProtocols=0x{value:x8}");
        var actualText = on switch
        {
            true => $"有効 ({raw})",
            false => $"無効 ({raw})",
            null => raw,
        };
        var checkbox = label.Replace(" の使用", " を使用する", StringComparison.Ordinal);
        return new ControlResult(id, label, step, on, actualText, protocols.Setting.Winner, protocols.SourceText, protocols.Setting.Overridden,
            JudgeBit(on, manual, checkbox, actualText, protocols.Setting.Winner),
            JudgeBit(on, secure, checkbox, actualText, protocols.Setting.Winner),
            manual == secure ? null : explanation);
    }

    private static ProfileResult JudgeBit(bool? on, bool? expected, string checkbox, string actualText, SettingSource? winner)
    {
        if (expected is null)
        {
            return new ProfileResult("指定なし", Verdict.NotApplicable, "このプロファイルでは指定がありません。", null);
        }

        var fix = WithPolicyNote(winner, expected.Value
            ? $"「インターネットオプション」の［詳細設定］タブで「{checkbox}」にチェックを入れてください。"
            : $"「インターネットオプション」の［詳細設定］タブで「{checkbox}」のチェックを外してください。");
        return Judge(on == expected, expected.Value ? "有効" : "無効", actualText, fix);
    }

    private static ControlResult Ssl3Fallback(SettingResolver resolver)
    {
        var setting = resolver.Resolve(string.Empty, "EnableSSL3Fallback");
        var value = setting.Number;
        var actualText = value switch
        {
            null => "未設定",
            0 => "フォールバックしない (0)",
            1 => "保護モードでないサイトのみフォールバック (1)",
            3 => "すべてのゾーンでフォールバック (3)",
            _ => string.Create(CultureInfo.InvariantCulture, $"その他 ({value})"),
        };
        var manual = new ProfileResult("指定なし", Verdict.NotApplicable, "マニュアルには記載がありません。", null);
        var fix = WithPolicyNote(setting.Winner, "グループポリシー「SSL 3.0 へのフォールバックを許可する」を「フォールバックしない」にするか、修正用 .reg (--write-fix secure) で EnableSSL3Fallback=0 を設定してください。");
        var secure = Judge(value == 0, "フォールバックしない (0)", actualText, fix);
        return new ControlResult(ControlIds.Ssl3Fallback, "SSL 3.0 へのフォールバック", "(マニュアルに記載なし)", value is null ? null : (long)value.Value,
            actualText, setting.Winner, setting.Winner?.Location, setting.Overridden, manual, secure, FallbackExplanation);
    }

    private static ProfileResult Judge(bool ok, string expected, string actualText, string fix) => ok
        ? new ProfileResult(expected, Verdict.Pass, $"期待どおり: {actualText}", null)
        : new ProfileResult(expected, Verdict.Fail, $"期待値 {expected}、実際は {actualText}", fix);

    private static string WithPolicyNote(SettingSource? winner, string fix) =>
        winner?.Layer.IsPolicy() == true ? $"{PolicyManagedNote} (設定元: {winner.Location}) {fix}" : fix;

    private static string WithZoneNote(SettingResolver resolver, SettingSource? winner, string fix)
    {
        var withPolicy = WithPolicyNote(winner, fix);
        return resolver.SecurityHklmOnly && winner?.Layer.IsPolicy() != true ? $"{HklmOnlyNote} {withPolicy}" : withPolicy;
    }
}
