using System.CommandLine;
using Shinkin.ReferenceServer;

namespace Shinkin.Cli.Commands;

/// <summary>
/// `./harness serve`: the reference server for walking through the manual by hand.
/// Options: --data DIR (default .data/server), --port N, --cert-port N, --onboard "会社名" (prints a 通知書面),
/// --no-test-hooks (pages without data-testid, data-screen and render-id: what a person sees).
/// </summary>
public static class ServeCommand
{
    private static readonly Option<string> Data = new("--data") { Description = "データフォルダ / data folder", DefaultValueFactory = _ => Path.Combine(".data", "server"), HelpName = "DIR" };
    private static readonly Option<int> Port = new("--port") { Description = "公開ポート / public HTTPS port (0: any free port)", DefaultValueFactory = _ => 8443, HelpName = "N" };
    private static readonly Option<int> CertPort = new("--cert-port") { Description = "電子証明書ログインのポート / certificate-login port (0: any free port)", DefaultValueFactory = _ => 8444, HelpName = "N" };
    private static readonly Option<string[]> Onboard = new("--onboard") { Description = "会社を登録し通知書面を表示 / onboard a company and print its notice (repeatable)", HelpName = "会社名", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<bool> NoTestHooks = new("--no-test-hooks") { Description = "data-testid 等なしの画面 / pages without data-testid, data-screen and render-id" };

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("serve", "リファレンスサーバを起動し URL を表示します / Start the reference server and print its URLs (Ctrl+C to stop).")
        {
            Data, Port, CertPort, Onboard, NoTestHooks,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            Path.GetFullPath(result.GetValue(Data)!), result.GetValue(Port), result.GetValue(CertPort), result.GetValue(Onboard) ?? [], !result.GetValue(NoTestHooks), stdout, stderr, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string dataDir, int publicPort, int certPort, IReadOnlyList<string> onboard, bool testHooks, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
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
