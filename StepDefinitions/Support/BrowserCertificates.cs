using Shinkin.Browsers;
using Shinkin.PageObjects.Pages;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// The certificate store of the scenario's browser. 電子証明書ログイン presents one certificate per
/// origin; the harness chooses the one of the user at the keyboard, as the user would in the
/// browser's certificate dialog (manual 「ログインする」 steps 2–4).
/// </summary>
public sealed class BrowserCertificates
{
    private readonly RunEnvironment run;
    private readonly ScenarioBrowser browser;
    private readonly ScenarioEvidence evidence;
    private readonly EngineGaps gaps;

    public BrowserCertificates(RunEnvironment run, ScenarioBrowser browser, ScenarioEvidence evidence, EngineGaps gaps)
    {
        this.run = run;
        this.browser = browser;
        this.evidence = evidence;
        this.gaps = gaps;
    }

    /// <summary>Login ID of the certificate the browser presents now, null before any.</summary>
    public string? PresentedLoginId { get; private set; }

    /// <summary>Makes the browser present <paramref name="user"/>'s certificate to the certificate origin.</summary>
    public async Task PresentAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        if (PresentedLoginId == user.LoginId)
        {
            return;
        }

        var certificate = user.Certificate ?? throw new InvalidOperationException($"{user.LoginId} has no certificate in this browser (電子証明書取得 not done)");
        var system = await run.SystemAsync(cancellationToken);
        var file = new ClientCertificateFile(system.CertificateUrl, certificate.PfxPath, certificate.Password);
        var opening = !browser.IsOpen;

        // A browser not open yet starts with the certificate (no context to recreate, no browser to restart for it).
        var session = await browser.SessionAsync(opening ? file : null, cancellationToken);
        if (session is not ISupportsClientCertificates store)
        {
            gaps.Declare(EngineGaps.ClientCertificates);
            return;
        }

        if (!opening)
        {
            await store.UseClientCertificateAsync(file.Origin, file.PfxPath, file.Password, cancellationToken);
        }

        PresentedLoginId = user.LoginId;
    }

    /// <summary>Saves a PKCS#12 handed over by the back office as the browser would have saved it.</summary>
    public async Task<AcquiredCertificate> SaveAsync(string loginId, string pfxBase64, string password, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(evidence.ArtifactFolder, "downloads");
        Directory.CreateDirectory(folder);
        var fileName = loginId + ".p12";
        var path = Path.Combine(folder, fileName);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(pfxBase64), cancellationToken);
        return new AcquiredCertificate(path, fileName, password);
    }
}
