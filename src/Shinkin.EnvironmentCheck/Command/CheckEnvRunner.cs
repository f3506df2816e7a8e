using System.Globalization;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Fixes;
using Shinkin.EnvironmentCheck.Output;
using Shinkin.EnvironmentCheck.Registry;
using Shinkin.EnvironmentCheck.Settings;

namespace Shinkin.EnvironmentCheck.Command;

/// <summary>
/// Everything <c>check-env</c> does, independent of the CLI host so it can be tested directly.
/// Exit codes: 0 the chosen profile passes, 1 it fails, 2 bad input (usage, unreadable or malformed file, no live registry,
/// workbook that cannot be written).
/// </summary>
public static class CheckEnvRunner
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    /// <summary>The keys the check reads from a live registry.</summary>
    public static IReadOnlyList<LiveRegistryRoot> LiveRoots { get; } =
    [
        new(RegistryHive.CurrentUser, InternetSettingsPaths.Preference, Recursive: true),
        new(RegistryHive.CurrentUser, InternetSettingsPaths.Policy, Recursive: true),
        new(RegistryHive.LocalMachine, InternetSettingsPaths.Preference, Recursive: true),
        new(RegistryHive.LocalMachine, InternetSettingsPaths.Policy, Recursive: true),
        new(RegistryHive.LocalMachine, InternetSettingsPaths.WindowsNtCurrentVersion, Recursive: false),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TextReader stdin,
        CheckEnvWorkbookWriter writeWorkbook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writeWorkbook);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(stdin);
        CheckEnvOptions options;
        try
        {
            options = CheckEnvOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync($"エラー: {ex.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync(CheckEnvOptions.Usage).ConfigureAwait(false);
            return BadInput;
        }

        if (options.Help)
        {
            await stdout.WriteLineAsync(CheckEnvOptions.Usage).ConfigureAwait(false);
            return Passed;
        }

        if (options.Apply && !OperatingSystem.IsWindows())
        {
            await stderr.WriteLineAsync("エラー: --apply は Windows でのみ使えます。--write-fix で .reg を書き出し、対象の PC で取り込んでください。").ConfigureAwait(false);
            return BadInput;
        }

        if (options.Apply && options.Files.Count > 0)
        {
            await stderr.WriteLineAsync("エラー: --apply はこの PC のレジストリに対してだけ使えます (.reg ファイルと一緒には指定できません)。").ConfigureAwait(false);
            return BadInput;
        }

        var snapshot = await SnapshotLoader.TryLoadAsync(options.Files, SnapshotLoader.ThisPc, stderr, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return BadInput;
        }

        var os = options.Os is null ? null : OsInfo.FromOption(options.Os);
        var report = EnvironmentChecker.Check(snapshot, os);
        var output = options.Format == ReportFormat.Json
            ? JsonReportWriter.Write(report, options.Profile)
            : ConsoleReportWriter.Write(report, options.Profile);
        await stdout.WriteAsync(output.AsMemory(), cancellationToken).ConfigureAwait(false);

        if (options.XlsxPath is not null)
        {
            try
            {
                await writeWorkbook(report, options.Profile, options.XlsxPath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"エラー: Excel ブックを書き出せません: {ex.Message}").ConfigureAwait(false);
                return BadInput;
            }

            await stderr.WriteLineAsync($"Excel ブックを書き出しました: {options.XlsxPath}").ConfigureAwait(false);
        }

        if (options.FixProfile is { } fixProfile && options.FixPath is { } fixPath)
        {
            var content = FixBuilder.BuildRegFile(fixProfile, snapshot, os);
            await RegFileWriter.WriteFileAsync(fixPath, content, cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync($"修正用 .reg ({fixProfile.JsonName()}) を書き出しました: {fixPath}").ConfigureAwait(false);
            await stderr.WriteLineAsync(CheckReport.RestartAdvice).ConfigureAwait(false);
        }

        if (options.Apply)
        {
            return await ApplyAsync(options, snapshot, os, stdout, stderr, stdin, cancellationToken).ConfigureAwait(false);
        }

        return report.ExitCode(options.Profile);
    }

    private static async Task<int> ApplyAsync(CheckEnvOptions options, RegistrySnapshot before, OsInfo? os, TextWriter stdout, TextWriter stderr, TextReader stdin, CancellationToken cancellationToken)
    {
        var backupPath = Path.GetFullPath(string.Create(CultureInfo.InvariantCulture, $"check-env-backup-{DateTime.Now:yyyyMMdd-HHmmss}.reg"));
        await RegFileWriter.WriteFileAsync(backupPath, RegFileWriter.Export(before, ["check-env --apply の前に書き出したバックアップです。元に戻すにはこのファイルを取り込んでください。"]), cancellationToken).ConfigureAwait(false);
        await stdout.WriteLineAsync($"バックアップを書き出しました: {backupPath}").ConfigureAwait(false);

        var operations = FixBuilder.Build(options.Profile, before, os);
        await stdout.WriteLineAsync($"次の変更を適用します (プロファイル {options.Profile.JsonName()}):").ConfigureAwait(false);
        foreach (var operation in operations)
        {
            await stdout.WriteLineAsync("  " + Describe(operation)).ConfigureAwait(false);
        }

        if (!options.AssumeYes)
        {
            await stdout.WriteAsync("適用しますか? [y/N] ").ConfigureAwait(false);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            var answer = (await stdin.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.Trim();
            if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
            {
                await stdout.WriteLineAsync("適用を中止しました。レジストリは変更していません。").ConfigureAwait(false);
                return EnvironmentChecker.Check(before, os).ExitCode(options.Profile);
            }
        }

        try
        {
            LiveRegistry.Apply(operations);
        }
        catch (UnauthorizedAccessException ex)
        {
            await stderr.WriteLineAsync($"エラー: 書き込めませんでした (HKLM やポリシーの変更には管理者権限が必要です): {ex.Message}").ConfigureAwait(false);
            return BadInput;
        }

        var after = EnvironmentChecker.Check(LiveRegistry.Read(LiveRoots, cancellationToken), os);
        await stdout.WriteLineAsync($"適用しました。再チェックの結果 ({options.Profile.JapaneseName()}): {after.Overall(options.Profile).Mark()}").ConfigureAwait(false);
        await stdout.WriteLineAsync(CheckReport.RestartAdvice).ConfigureAwait(false);
        return after.ExitCode(options.Profile);
    }

    private static string Describe(RegistryOperation operation)
    {
        var key = RegistryHiveNames.ShortName(operation.Hive) + "\\" + operation.KeyPath;
        return operation switch
        {
            SetValueOperation set => $"{key} : {(set.Value.IsDefault ? "(既定)" : set.Value.Name)} = {set.Value.Display()}",
            DeleteValueOperation delete => $"{key} : {delete.ValueName} を削除",
            DeleteKeyOperation => $"{key} を削除",
            _ => key,
        };
    }
}
