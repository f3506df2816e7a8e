using Shinkin.EnvironmentCheck.Checks;

namespace Shinkin.EnvironmentCheck.Command;

public enum ReportFormat
{
    Table,
    Json,
}

/// <summary>The parsed command line of <c>check-env</c>.</summary>
public sealed record CheckEnvOptions
{
    public const string Usage =
        """
        使い方: check-env [FILE.reg ...] [--os "Windows XP"] [--profile manual|secure] [--format table|json]
                          [--xlsx OUT.xlsx] [--write-fix manual|secure FILE.reg] [--apply [--yes]]

          FILE.reg      reg export で書き出したファイル (複数可、後のファイルが優先)。省略すると Windows ではこの PC のレジストリを読みます。
          --os          OS を指定します (例: "Windows XP")。省略するとスナップショットの HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion から読みます。
          --profile     終了コードを決めるプロファイル (既定: manual)。0 = 合格、1 = 不合格、2 = 入力エラー。
          --format      table (既定) または json。
          --xlsx        結果を Excel ブックに書き出します。
          --write-fix   指定プロファイルに合わせる修正用 .reg (UTF-16LE) を書き出します。
          --apply       Windows のみ: バックアップを書き出し、確認のうえ --profile の修正を適用します (--yes で確認を省略)。
        """;

    public IReadOnlyList<string> Files { get; init; } = [];

    public string? Os { get; init; }

    public CheckProfile Profile { get; init; } = CheckProfile.Manual;

    public ReportFormat Format { get; init; } = ReportFormat.Table;

    public string? XlsxPath { get; init; }

    public CheckProfile? FixProfile { get; init; }

    public string? FixPath { get; init; }

    public bool Apply { get; init; }

    public bool AssumeYes { get; init; }

    public bool Help { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a Japanese message on bad usage.</summary>
    public static CheckEnvOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CheckEnvOptions();
        var reader = new ArgumentReader(args, options.Profile);
        while (reader.Next() is { } arg)
        {
            switch (arg)
            {
                case "--format":
                    options = options with
                    {
                        Format = reader.Value(arg).ToLowerInvariant() switch
                        {
                            "table" => ReportFormat.Table,
                            "json" => ReportFormat.Json,
                            var other => throw new ArgumentException($"--format には table または json を指定してください (指定値: {other})"),
                        },
                    };
                    break;
                case "--xlsx":
                    options = options with { XlsxPath = reader.Value(arg) };
                    break;
                case "--write-fix":
                    options = options with { FixProfile = reader.ProfileValue(arg), FixPath = reader.Value(arg) };
                    break;
                case "--apply":
                    options = options with { Apply = true };
                    break;
                case "--yes" or "-y":
                    options = options with { AssumeYes = true };
                    break;
                default:
                    reader.Shared(arg);
                    break;
            }
        }

        return options with { Files = reader.Files, Help = reader.Help, Os = reader.Os, Profile = reader.Profile };
    }
}
