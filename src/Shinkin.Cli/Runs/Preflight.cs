using Shinkin.Settings;
using Shinkin.Targets;

namespace Shinkin.Cli.Runs;

/// <summary>
/// What a run needs that is not in the repository, checked before the run folder is made and any browser starts: the
/// local browser and driver the engine starts, the remote endpoint a remote engine drives, and the server under test when
/// it is not the embedded reference server (it answers, and its TLS certificate is trusted as the browsers will trust
/// it). Without this, each scenario would fail on its own with the same cause, and the run would write a workbook of
/// failures that says nothing about the system. A dry run needs none of them.
/// </summary>
internal static class Preflight
{
    /// <summary>Every problem found (empty when the run can start), each naming what is missing and how to supply it.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.DryRun)
        {
            return [];
        }

        var problems = new List<string>(settings.Browser.MissingPrograms());
        if (settings.Browser.UnavailableHere() is { } unavailable)
        {
            problems.Add(unavailable);
        }

        if (await RemoteEndpointProblemAsync(settings.Browser, cancellationToken) is { } remote)
        {
            problems.Add(remote);
        }

        if (Target(settings) is { } target)
        {
            problems.AddRange(await TargetProblemsAsync(target.Urls, target.CaPemPath, cancellationToken));
        }

        return problems;
    }

    /// <summary>The target answers, and over TLS with a certificate the browsers will trust (its CA, or the system store).</summary>
    private static async Task<IReadOnlyList<string>> TargetProblemsAsync(Uri[] urls, string? caPemPath, CancellationToken cancellationToken)
    {
        if (await OriginProbe.FirstSilentAsync(urls, cancellationToken) is { } silent)
        {
            return [silent.AsServerUnderTest("起動しているか、URL が正しいかを確認してください")];
        }

        var problems = new List<string>();
        foreach (var url in urls.Where(u => u.Scheme == Uri.UriSchemeHttps).DistinctBy(u => u.GetLeftPart(UriPartial.Authority), StringComparer.OrdinalIgnoreCase))
        {
            if (await ServerTrust.HandshakeProblemAsync(url, caPemPath, cancellationToken) is { } problem)
            {
                var trust = caPemPath is null ? "the system store (set SHINKIN_CA_PEM or the profile's trust.caFile for a private CA)" : $"the CA {caPemPath}";
                problems.Add($"試験対象サーバ {url.GetLeftPart(UriPartial.Authority)} の TLS 証明書を検証できません: {problem}; trusted through {trust}");
            }
        }

        return problems;
    }

    private static async Task<string?> RemoteEndpointProblemAsync(BrowserOptions browser, CancellationToken cancellationToken)
    {
        var (japanese, english, url, option) = browser.Engine switch
        {
            BrowserEngine.SeleniumRemote => ("Selenium Grid", "the Selenium Grid", browser.GridUrl, "--grid"),
            BrowserEngine.PlaywrightRemote => ("Playwright サーバ", "the Playwright server", browser.PlaywrightServerUrl, "--pw-server"),
            _ => (null, null, null, null),
        };
        return url is not null && await OriginProbe.FirstSilentAsync([url], cancellationToken) is { } silent
            ? $"{japanese} {silent.Origin} に接続できません（{option}） / {english} does not answer ({silent.Cause})"
            : null;
    }

    /// <summary>The origins of the server under test and the CA it is trusted through, or null for the embedded reference server (the test host starts it).</summary>
    private static (Uri[] Urls, string? CaPemPath)? Target(RunSettings settings)
    {
        if (settings.TargetProfile is { } path)
        {
            // The profile was validated just before; a problem loading it now is reported by the test host as before.
            try
            {
                var profile = TargetProfile.Load(path);
                return ([profile.PublicUrl, profile.CertificateUrl], profile.Trust.CaFile);
            }
            catch (TargetProfileException)
            {
                return null;
            }
        }

        return settings.Target is { } target ? ([target, settings.TargetCertificateUrl ?? target], settings.Browser.TrustedCaPemPath) : null;
    }
}
