using System.Globalization;
using Shinkin.EnvironmentCheck.Registry;

namespace Shinkin.EnvironmentCheck.Settings;

public enum ZoneMapList
{
    Domains,
    EscDomains,
    ZoneMapKey,
}

/// <summary>
/// One site-to-zone entry. <see cref="HostPattern"/> is <c>*.example.jp</c> (any subdomain),
/// a registrable domain such as <c>example.jp</c> (itself and every subdomain, as a top-level
/// Domains key means) or an exact host. <see cref="Scheme"/> is a protocol or <c>*</c> for all.
/// </summary>
public sealed record ZoneMapEntry(string Scheme, string HostPattern, uint Zone, ZoneMapList List, SettingSource Source)
{
    public bool CoversSubdomains => HostPattern.StartsWith("*.", StringComparison.Ordinal) || IsDomainLevel;

    /// <summary>The domain the pattern is anchored to, without the <c>*.</c>.</summary>
    public string BaseDomain => HostPattern.StartsWith("*.", StringComparison.Ordinal) ? HostPattern[2..] : HostPattern;

    public bool IsDomainLevel { get; init; }

    public string Display => (Scheme == "*" ? string.Empty : Scheme + "://") + HostPattern;

    /// <summary>Higher is more specific; -1 when the entry does not match. Exact hosts beat wildcards.</summary>
    public int Specificity(string scheme, string host, bool wildcardProbe)
    {
        if (Scheme != "*" && !Scheme.Equals(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        var schemeBonus = Scheme == "*" ? 0 : 1;
        var labels = BaseDomain.Split('.').Length;
        if (!CoversSubdomains)
        {
            return !wildcardProbe && host.Equals(HostPattern, StringComparison.OrdinalIgnoreCase) ? (labels * 4) + 2 + schemeBonus : -1;
        }

        var matches = host.Equals(BaseDomain, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + BaseDomain, StringComparison.OrdinalIgnoreCase);
        return matches ? (labels * 4) + schemeBonus : -1;
    }
}

/// <summary>The result of mapping one URL to a zone.</summary>
public sealed record ZoneDecision(string Url, uint Zone, ZoneMapEntry? Winner, IReadOnlyList<OverriddenValue> Overridden);

/// <summary>
/// The site-to-zone lists from every layer and the rules that pick the effective ones: a policy list
/// (ZoneMapKey or a policy ZoneMap) replaces the user's own lists, Security_HKLM_only keeps only
/// machine lists, and within the effective lists the most specific host wins (exact over wildcard),
/// then a specific protocol over <c>*</c>, then layer precedence.
/// </summary>
public sealed class ZoneMap
{
    public const uint InternetZone = 3;

    private ZoneMap(IReadOnlyList<ZoneMapEntry> effective, IReadOnlyList<OverriddenValue> ignored)
    {
        Effective = effective;
        Ignored = ignored;
    }

    public IReadOnlyList<ZoneMapEntry> Effective { get; }

    /// <summary>Entries that exist but do not count at all (whole lists overridden by policy or Security_HKLM_only).</summary>
    public IReadOnlyList<OverriddenValue> Ignored { get; }

    public static ZoneMap Build(SettingResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        var byLayer = SettingLayers.Precedence.ToDictionary(l => l, l => Read(resolver.Snapshot, l));
        var layers = resolver.SecurityHklmOnly ? SettingLayers.MachineOnly : SettingLayers.Precedence;
        var policyInEffect = layers.Any(l => l.IsPolicy() && byLayer[l].Count > 0);
        var effective = new List<ZoneMapEntry>();
        var ignored = new List<OverriddenValue>();
        foreach (var layer in SettingLayers.Precedence)
        {
            foreach (var entry in byLayer[layer])
            {
                if (!layers.Contains(layer))
                {
                    ignored.Add(new OverriddenValue(entry.Source, "Security_HKLM_only=1 のため、ユーザー (HKCU) のサイト一覧は使われません"));
                }
                else if (policyInEffect && !layer.IsPolicy())
                {
                    ignored.Add(new OverriddenValue(entry.Source, "グループポリシーのサイト一覧 (サイトとゾーンの割り当て一覧) が設定されているため、ユーザーが登録したサイトは使われません"));
                }
                else
                {
                    effective.Add(entry);
                }
            }
        }

        return new ZoneMap(effective, ignored);
    }

    /// <summary>
    /// Maps a URL to its zone. With <paramref name="wildcardProbe"/> the host stands for "any host in
    /// that domain", so only wildcard and domain-level entries apply (how "https://*.example.jp" is judged).
    /// </summary>
    public ZoneDecision Decide(string scheme, string host, bool wildcardProbe = false)
    {
        var url = $"{scheme}://{(wildcardProbe ? "*." : string.Empty)}{host}";
        var candidates = Effective
            .Select((entry, index) => (entry, index, score: entry.Specificity(scheme, host, wildcardProbe)))
            .Where(c => c.score >= 0)
            .OrderByDescending(c => c.score)
            .ThenBy(c => c.index)
            .ToList();
        var overridden = Ignored
            .Where(i => ToEntry(i.Source) is { } e && e.Specificity(scheme, host, wildcardProbe) >= 0)
            .ToList();
        if (candidates.Count == 0)
        {
            return new ZoneDecision(url, InternetZone, null, overridden);
        }

        var winner = candidates[0].entry;
        overridden.InsertRange(0, candidates.Skip(1).Select(c => new OverriddenValue(
            c.entry.Source,
            c.score < candidates[0].score
                ? $"より限定的な登録 {winner.Display} が優先されます"
                : $"{winner.Source.Layer.JapaneseName()} の {winner.Display} が優先されます")));
        return new ZoneDecision(url, winner.Zone, winner, overridden);
    }

    public static string ZoneName(uint zone) => zone switch
    {
        0 => "マイコンピュータ",
        1 => "ローカル イントラネット",
        2 => "信頼済みサイト",
        3 => "インターネット",
        4 => "制限付きサイト",
        _ => "不明なゾーン",
    };

    /// <summary>Reads Domains, EscDomains and (for policy layers) ZoneMapKey of one layer.</summary>
    public static IReadOnlyList<ZoneMapEntry> Read(RegistrySnapshot snapshot, SettingLayer layer)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var entries = new List<ZoneMapEntry>();
        foreach (var list in new[] { ZoneMapList.Domains, ZoneMapList.EscDomains })
        {
            var root = layer.BasePath() + @"\ZoneMap\" + list;
            foreach (var domain in snapshot.GetSubKeyNames(layer.Hive(), root))
            {
                ReadDomainKey(snapshot, layer, list, root + "\\" + domain, domain, isTopLevel: true, entries);
            }
        }

        if (layer.IsPolicy())
        {
            var key = layer.BasePath() + @"\ZoneMapKey";
            foreach (var value in snapshot.GetValues(layer.Hive(), key))
            {
                if (value.AsNumber() is { } zone && ParseSite(value.Name) is { } site)
                {
                    entries.Add(new ZoneMapEntry(site.Scheme, site.Pattern, zone, ZoneMapList.ZoneMapKey, new SettingSource(layer, key, value.Name, value))
                    {
                        IsDomainLevel = site.DomainLevel,
                    });
                }
            }
        }

        return entries;
    }

    /// <summary>Turns an entry's source back into the entry (used to say which ignored entries would have matched).</summary>
    private static ZoneMapEntry? ToEntry(SettingSource source)
    {
        if (source.KeyPath.EndsWith(@"\ZoneMapKey", StringComparison.OrdinalIgnoreCase))
        {
            return ParseSite(source.ValueName) is { } site && source.Value.AsNumber() is { } zone
                ? new ZoneMapEntry(site.Scheme, site.Pattern, zone, ZoneMapList.ZoneMapKey, source) { IsDomainLevel = site.DomainLevel }
                : null;
        }

        foreach (var list in new[] { ZoneMapList.Domains, ZoneMapList.EscDomains })
        {
            var marker = @"\ZoneMap\" + list + @"\";
            var at = source.KeyPath.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && source.Value.AsNumber() is { } zone)
            {
                var parts = source.KeyPath[(at + marker.Length)..].Split('\\');
                var host = string.Join('.', parts.Skip(1).Reverse().Append(parts[0]));
                return new ZoneMapEntry(source.ValueName, host, zone, list, source) { IsDomainLevel = parts.Length == 1 };
            }
        }

        return null;
    }

    private static void ReadDomainKey(RegistrySnapshot snapshot, SettingLayer layer, ZoneMapList list, string keyPath, string host, bool isTopLevel, List<ZoneMapEntry> entries)
    {
        foreach (var value in snapshot.GetValues(layer.Hive(), keyPath))
        {
            // Value names are protocols ("https", "*"); the default value and non-numbers are not mappings.
            if (value.Name.Length > 0 && value.AsNumber() is { } zone)
            {
                entries.Add(new ZoneMapEntry(value.Name.ToLowerInvariant(), host, zone, list, new SettingSource(layer, keyPath, value.Name, value))
                {
                    IsDomainLevel = isTopLevel,
                });
            }
        }

        foreach (var sub in snapshot.GetSubKeyNames(layer.Hive(), keyPath))
        {
            ReadDomainKey(snapshot, layer, list, keyPath + "\\" + sub, sub + "." + host, isTopLevel: false, entries);
        }
    }

    /// <summary>Parses a site as the policy list and the Sites dialog accept it: [scheme://]host[:port][/path].</summary>
    internal static (string Scheme, string Pattern, bool DomainLevel)? ParseSite(string site)
    {
        var text = site.Trim();
        var scheme = "*";
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator >= 0)
        {
            scheme = text[..separator].ToLowerInvariant();
            text = text[(separator + 3)..];
        }

        var end = text.IndexOfAny(['/', ':']);
        var host = (end >= 0 ? text[..end] : text).ToLowerInvariant();
        if (host.Length == 0)
        {
            return null;
        }

        var domainLevel = !host.StartsWith("*.", StringComparison.Ordinal) && host.Split('.').Length == 2
            && !host.All(c => char.IsAsciiDigit(c) || c == '.');
        return (scheme, host, domainLevel);
    }

    public static string Describe(uint zone) => string.Create(CultureInfo.InvariantCulture, $"{ZoneName(zone)} ({zone})");
}
