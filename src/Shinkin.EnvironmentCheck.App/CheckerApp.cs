using System.Globalization;
using System.Text;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Command;
using Shinkin.EnvironmentCheck.Fixes;
using Shinkin.EnvironmentCheck.Output;
using Shinkin.EnvironmentCheck.Registry;
using Shinkin.EnvironmentCheck.Settings;
using Shinkin.Reports.EnvCheck;

namespace Shinkin.EnvironmentCheck.App;

/// <summary>
/// The whole of <c>shinkin-check.exe</c>: check this PC (or the given .reg exports), show the verdicts in Japanese,
/// write the workbook and JSON, and offer the fix file. The checking, rendering and fix building are
/// Shinkin.EnvironmentCheck's and Shinkin.Reports'; this class only decides what to show and where files go.
/// Exit codes are those of <c>check-env</c>: 0 the profile passes, 1 findings, 2 bad input.
/// </summary>
public static class CheckerApp
{
    public const string WindowsOnlyMessage =
        """
        エラー: 引数なしで起動すると、この PC のレジストリ (インターネットオプション) を確認します。これは Windows でだけできます。
        Windows の PC で実行するか、reg export で書き出した .reg ファイルを指定してください (例: shinkin-check hkcu.reg)。
        Error: without arguments shinkin-check checks this PC's registry, which only Windows has.
        Run it on the Windows PC, or pass .reg exports (e.g. shinkin-check hkcu.reg).
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CheckerHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(host);
        var code = await CheckAsync(args, host, cancellationToken).ConfigureAwait(false);

        // Started by a double-click, the console window would close with the results still unread.
        if (host.IsInteractive && args.Count == 0)
        {
            await host.Out.WriteLineAsync("Enter キーを押すと終了します。").ConfigureAwait(false);
            await host.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }

        return code;
    }

    private static async Task<int> CheckAsync(IReadOnlyList<string> args, CheckerHost host, CancellationToken cancellationToken)
    {
        CheckerOptions options;
        try
        {
            options = CheckerOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await host.Error.WriteLineAsync($"エラー: {ex.Message}").ConfigureAwait(false);
            await host.Error.WriteLineAsync(CheckerOptions.Usage).ConfigureAwait(false);
            return CheckEnvRunner.BadInput;
        }

        if (options.Help)
        {
            await host.Out.WriteLineAsync(CheckerOptions.Usage).ConfigureAwait(false);
            return CheckEnvRunner.Passed;
        }

        if (options.Files.Count == 0 && host.LiveRegistry is null)
        {
            await host.Error.WriteLineAsync(WindowsOnlyMessage).ConfigureAwait(false);
            return CheckEnvRunner.BadInput;
        }

        var snapshot = await SnapshotLoader.TryLoadAsync(options.Files, host.LiveRegistry ?? SnapshotLoader.ThisPc, host.Error, cancellationToken)
            .ConfigureAwait(false);
        if (snapshot is null)
        {
            return CheckEnvRunner.BadInput;
        }

        var os = options.Os is null ? null : OsInfo.FromOption(options.Os);
        var report = EnvironmentChecker.Check(snapshot, os);
        await host.Out.WriteAsync(ConsoleReportWriter.WriteByControl(report, options.Profile).AsMemory(), cancellationToken).ConfigureAwait(false);

        var folder = Path.GetFullPath(options.OutputFolder ?? host.OutputFolder);
        var baseName = string.Create(CultureInfo.InvariantCulture,
            $"{SafeFileName(options.Files.Count == 0 ? Environment.MachineName : Path.GetFileNameWithoutExtension(options.Files[0]))}_{host.Clock.GetLocalNow():yyyyMMdd-HHmmss}");
        try
        {
            var workbook = Path.Combine(folder, $"環境チェック結果報告書_{baseName}.xlsx");
            await EnvironmentWorkbookWriter.WriteAsync(report, options.Profile, workbook, cancellationToken).ConfigureAwait(false);
            var json = Path.Combine(folder, $"環境チェック結果_{baseName}.json");
            await File.WriteAllTextAsync(json, JsonReportWriter.Write(report, options.Profile), cancellationToken).ConfigureAwait(false);
            await host.Out.WriteLineAsync($"{Environment.NewLine}結果を書き出しました:{Environment.NewLine}  Excel: {workbook}{Environment.NewLine}  JSON:  {json}")
                .ConfigureAwait(false);

            if (report.Overall(options.Profile) == Verdict.Pass)
            {
                await host.Out.WriteLineAsync($"{options.Profile.JapaneseName()}の基準ですべて OK です。修正は不要です。").ConfigureAwait(false);
            }
            else if (await ShouldWriteFixAsync(options, host, cancellationToken).ConfigureAwait(false))
            {
                var fixPath = Path.Combine(folder, $"修正_{options.Profile.JsonName()}_{baseName}.reg");
                await WriteFixAsync(options.Profile, snapshot, os, fixPath, host.Out, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await host.Error.WriteLineAsync($"エラー: {folder} に書き出せません: {ex.Message}{Environment.NewLine}--out で書き込めるフォルダーを指定してください。")
                .ConfigureAwait(false);
            return CheckEnvRunner.BadInput;
        }

        return report.ExitCode(options.Profile);
    }

    private static async Task<bool> ShouldWriteFixAsync(CheckerOptions options, CheckerHost host, CancellationToken cancellationToken)
    {
        var profileName = $"{options.Profile.JapaneseName()} ({options.Profile.JsonName()})";
        switch (options.Fix)
        {
            case FixChoice.Skip:
                await host.Out.WriteLineAsync($"NG の項目があります。--no-fix のため修正用 .reg は書き出しません。").ConfigureAwait(false);
                return false;
            case FixChoice.Ask when host.IsInteractive:
                await host.Out.WriteAsync($"{Environment.NewLine}NG の項目を{profileName}の基準に合わせる修正用 .reg ファイルを書き出しますか? (設定はまだ変更しません) [Y/n] ")
                    .ConfigureAwait(false);
                await host.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                var answer = (await host.In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
                if (answer is null || !(answer.Length == 0 || answer.StartsWith('y') || answer.StartsWith('Y')))
                {
                    await host.Out.WriteLineAsync("修正用 .reg は書き出しませんでした。").ConfigureAwait(false);
                    return false;
                }

                return true;
            default:
                return true;
        }
    }

    private static async Task WriteFixAsync(CheckProfile profile, RegistrySnapshot snapshot, OsInfo? os, string path, TextWriter stdout,
        CancellationToken cancellationToken)
    {
        var operations = FixBuilder.Build(profile, snapshot, os);
        await RegFileWriter.WriteFileAsync(path, FixBuilder.BuildRegFileFrom(profile, operations), cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine($"修正用 .reg ({profile.JapaneseName()}の基準) を書き出しました: {path}")
            .AppendLine("適用するには:");
        foreach (var advice in FixBuilder.Advice(operations))
        {
            text.AppendLine("  ・" + advice);
        }

        text.AppendLine($"  ・コマンドで取り込む場合: reg import \"{path}\"");
        await stdout.WriteAsync(text.ToString().AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A computer or file name as part of a file name that Windows accepts.</summary>
    private static string SafeFileName(string name)
    {
        var invalid = "\\/:*?\"<>|";
        var safe = new string(name.Select(c => char.IsControl(c) || invalid.Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray()).Trim(' ', '.');
        return safe.Length == 0 ? "PC" : safe;
    }
}
