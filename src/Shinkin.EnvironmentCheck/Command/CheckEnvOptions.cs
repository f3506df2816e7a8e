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
        var files = new List<string>();
        var queue = new Queue<string>(args.SelectMany(SplitEquals));
        while (queue.Count > 0)
        {
            var arg = queue.Dequeue();
            switch (arg)
            {
                case "-h" or "--help" or "/?":
                    options = options with { Help = true };
                    break;
                case "--os":
                    options = options with { Os = Next(queue, arg) };
                    break;
                case "--profile":
                    options = options with { Profile = ParseProfile(Next(queue, arg), arg) };
                    break;
                case "--format":
                    options = options with
                    {
                        Format = Next(queue, arg).ToLowerInvariant() switch
                        {
                            "table" => ReportFormat.Table,
                            "json" => ReportFormat.Json,
                            var other => throw new ArgumentException($"--format には table または json を指定してください (指定値: {other})"),
                        },
                    };
                    break;
                case "--xlsx":
                    options = options with { XlsxPath = Next(queue, arg) };
                    break;
                case "--write-fix":
                    options = options with { FixProfile = ParseProfile(Next(queue, arg), arg), FixPath = Next(queue, arg) };
                    break;
                case "--apply":
                    options = options with { Apply = true };
                    break;
                case "--yes" or "-y":
                    options = options with { AssumeYes = true };
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        throw new ArgumentException($"不明なオプションです: {arg}");
                    }

                    files.Add(arg);
                    break;
            }
        }

        return options with { Files = files };
    }

    private static IEnumerable<string> SplitEquals(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 2 ? [arg[..equals], arg[(equals + 1)..]] : [arg];
    }

    private static string Next(Queue<string> queue, string option) =>
        queue.Count > 0 ? queue.Dequeue() : throw new ArgumentException($"{option} の後に値を指定してください");

    private static CheckProfile ParseProfile(string text, string option) =>
        VerdictNames.TryParseProfile(text, out var profile)
            ? profile
            : throw new ArgumentException($"{option} には manual または secure を指定してください (指定値: {text})");
}
