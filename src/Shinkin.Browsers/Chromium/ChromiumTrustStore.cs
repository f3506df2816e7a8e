using System.ComponentModel;
using System.Diagnostics;

namespace Shinkin.Browsers;

/// <summary>
/// A private HOME whose NSS database (~/.pki/nssdb) is what Chromium on Linux consults for
/// locally trusted CAs and client certificates. We trust the server's CA there, rather than
/// ignoring certificate errors, so a wrong or expired server certificate still fails the run
/// exactly as it would for a customer. Needs certutil/pk12util (Debian: libnss3-tools).
/// </summary>
public sealed class ChromiumTrustStore
{
    private ChromiumTrustStore(string home) => Home = home;

    /// <summary>The folder to pass to the browser (or its driver) as HOME.</summary>
    public string Home { get; }

    public string DatabaseDirectory => Path.Combine(Home, ".pki", "nssdb");

    /// <summary>Creates an empty NSS database under <paramref name="home"/> and trusts <paramref name="caPemPath"/> when given.</summary>
    public static async Task<ChromiumTrustStore> CreateAsync(string home, string? caPemPath, CancellationToken cancellationToken = default)
    {
        var store = new ChromiumTrustStore(Path.GetFullPath(home));
        Directory.CreateDirectory(store.DatabaseDirectory);
        if (!File.Exists(Path.Combine(store.DatabaseDirectory, "cert9.db")))
        {
            await RunAsync("certutil", ["-d", store.Sql, "-N", "--empty-password"], cancellationToken);
        }

        if (caPemPath is not null)
        {
            await store.TrustCaAsync(caPemPath, cancellationToken);
        }

        return store;
    }

    private string Sql => "sql:" + DatabaseDirectory;

    /// <summary>A copy of this database under another HOME (what it trusts and holds), without running the NSS tools again.</summary>
    public ChromiumTrustStore CopyTo(string home)
    {
        var copy = new ChromiumTrustStore(Path.GetFullPath(home));
        Directory.CreateDirectory(copy.DatabaseDirectory);
        foreach (var file in Directory.EnumerateFiles(DatabaseDirectory))
        {
            File.Copy(file, Path.Combine(copy.DatabaseDirectory, Path.GetFileName(file)), overwrite: true);
        }

        return copy;
    }

    /// <summary>Trusts a CA for issuing TLS server certificates ("C,,": SSL only, not e-mail or code).</summary>
    public async Task TrustCaAsync(string caPemPath, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(caPemPath))
        {
            throw new BrowserException($"Cannot trust the server CA: '{caPemPath}' does not exist.");
        }

        var nickname = "shinkin-ca-" + Path.GetFileNameWithoutExtension(caPemPath);
        await RunAsync("certutil", ["-d", Sql, "-A", "-t", "C,,", "-n", nickname, "-i", caPemPath], cancellationToken);
    }

    /// <summary>Imports a user's PKCS#12 (certificate and private key) for client authentication.</summary>
    public async Task ImportPkcs12Async(string pfxPath, string? password, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(pfxPath))
        {
            throw new BrowserException($"Cannot use the client certificate: '{pfxPath}' does not exist.");
        }

        await RunAsync("pk12util", ["-d", Sql, "-i", pfxPath, "-W", password ?? string.Empty], cancellationToken);
    }

    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new BrowserException($"{tool} did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new BrowserException(
                $"{tool} is missing: install Debian's libnss3-tools (./harness setup) so the browser can trust the server CA.", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new BrowserException(
                    $"{tool} {string.Join(' ', arguments.Where(a => a.Length > 0))} failed ({process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}");
            }
        }
    }
}
