using System.Globalization;
using Shinkin.ReferenceServer;

namespace Shinkin.Cli.Commands;

/// <summary>
/// `./harness serve`: the reference server for walking through the manual by hand.
/// Options: --data DIR (default .data/server), --port N, --cert-port N, --onboard "会社名" (prints a 通知書面),
/// --no-test-hooks (pages without data-testid, data-screen and render-id: what a person sees).
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var dataDir = Path.GetFullPath(Path.Combine(".data", "server"));
        int publicPort = 8443, certPort = 8444;
        var onboard = new List<string>();
        var testHooks = true;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Count:
                    dataDir = Path.GetFullPath(args[++i]);
                    break;
                case "--port" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var p):
                    publicPort = p;
                    i++;
                    break;
                case "--cert-port" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var c):
                    certPort = c;
                    i++;
                    break;
                case "--onboard" when i + 1 < args.Count:
                    onboard.Add(args[++i]);
                    break;
                case "--no-test-hooks":
                    testHooks = false;
                    break;
                default:
                    stderr.WriteLine($"serve: unknown or incomplete option '{args[i]}' (--data DIR, --port N, --cert-port N, --onboard 会社名, --no-test-hooks)");
                    return 2;
            }
        }

        RunningReferenceServer server;
        try
        {
            server = await ReferenceServerHost.StartAsync(
                new ReferenceServerOptions { DataDirectory = dataDir, PublicPort = publicPort, CertificatePort = certPort, TestHooks = testHooks },
                cancellationToken);
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"serve: cannot start the reference server: {ex.Message} (is the port in use? try --port 0 --cert-port 0)");
            return 2;
        }

        await using (server)
        {
            stdout.WriteLine($"当金庫ホームページ        {server.PublicUrl}");
            stdout.WriteLine($"電子証明書ログイン先      {server.CertificateUrl}");
            stdout.WriteLine($"当金庫 業務画面 (back office) {new Uri(server.PublicUrl, "/backoffice")}");
            stdout.WriteLine($"CA certificate (import as trusted root in the browser) {server.CaCertificatePemPath}");
            stdout.WriteLine($"data folder               {server.DataDirectory}");
            stdout.WriteLine(server.GeneratedStaffPassword is { } staffPassword
                ? $"back-office login         {server.StaffId} / {staffPassword}  (shown only now; delete {server.StaffPasswordHashFile} for a new one)"
                : $"back-office login         {server.StaffId} / " + (server.StaffPasswordHashFile is null
                    ? "BackOffice:StaffPassword (configured)"
                    : $"the password shown at this folder's first start (delete {server.StaffPasswordHashFile} for a new one)"));
            if (!testHooks)
            {
                stdout.WriteLine("test hooks                off (no data-testid, data-screen or render-id in the pages)");
            }

            foreach (var name in onboard)
            {
                var notice = await server.OnboardCompanyAsync(new OnboardRequest { CompanyName = name }, cancellationToken);
                stdout.WriteLine();
                stdout.WriteLine($"通知書面  {notice.CompanyName} (利用者番号 {notice.CompanyNumber})");
                stdout.WriteLine($"  ログインID（お客様ID）  {notice.MasterLoginId}");
                stdout.WriteLine($"  初回ログインパスワード  {notice.InitialPassword}");
                stdout.WriteLine($"  口座番号                {string.Join(", ", notice.Accounts.Select(a => $"{a.Kind} {a.AccountNumber}"))}");
            }

            stdout.WriteLine();
            stdout.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                stdout.WriteLine("stopping");
            }
        }

        return 0;
    }
}
