using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Command;

namespace Shinkin.EnvironmentCheck.App;

/// <summary>What to do with the fix file once the check has findings.</summary>
public enum FixChoice
{
    /// <summary>Ask on an interactive Windows console, write it otherwise.</summary>
    Ask,
    Write,
    Skip,
}

/// <summary>The command line of <c>shinkin-check.exe</c>.</summary>
public sealed record CheckerOptions
{
    public const string Usage =
        """
        使い方: shinkin-check [FILE.reg ...] [--out フォルダー] [--profile secure|manual] [--os "Windows XP"] [--yes | --no-fix]
        Usage:  shinkin-check [FILE.reg ...] [--out DIR] [--profile secure|manual] [--os NAME] [--yes | --no-fix]

          (引数なし)  この PC のインターネットオプション (レジストリ) を読み取って確認します。設定は変更しません。
          FILE.reg    reg export で書き出したファイルを確認します (複数可、後のファイルが優先)。
          --out       Excel ブック・JSON・修正用 .reg を書き出すフォルダー (既定: このプログラムと同じフォルダー)。
          --profile   終了コードと修正用 .reg の基準。secure (既定) = 現在の安全基準、manual = マニュアルの指示どおり。
          --os        OS を指定します (例: "Windows XP")。省略するとレジストリから読みます。
          --yes       修正用 .reg を確認なしで書き出します。
          --no-fix    修正用 .reg を書き出しません。

        終了コード: 0 = すべて OK、1 = NG の項目あり、2 = 入力エラー (exit codes: 0 all OK, 1 findings, 2 bad input)
        """;

    public IReadOnlyList<string> Files { get; init; } = [];

    public string? OutputFolder { get; init; }

    /// <summary>
    /// Secure by default, unlike <c>check-env</c>: this program hands a fix file to customers, and the manual's profile
    /// would switch SSL 3.0 and TLS 1.0 back on. Both verdicts are shown either way.
    /// </summary>
    public CheckProfile Profile { get; init; } = CheckProfile.Secure;

    public string? Os { get; init; }

    public FixChoice Fix { get; init; } = FixChoice.Ask;

    public bool Help { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a Japanese message on bad usage.</summary>
    public static CheckerOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CheckerOptions();
        var reader = new ArgumentReader(args, options.Profile);
        while (reader.Next() is { } arg)
        {
            switch (arg)
            {
                case "--out":
                    options = options with { OutputFolder = reader.Value(arg) };
                    break;
                case "--yes" or "-y":
                    options = options with { Fix = options.Fix == FixChoice.Skip ? throw Conflict() : FixChoice.Write };
                    break;
                case "--no-fix":
                    options = options with { Fix = options.Fix == FixChoice.Write ? throw Conflict() : FixChoice.Skip };
                    break;
                default:
                    reader.Shared(arg);
                    break;
            }
        }

        return options with { Files = reader.Files, Help = reader.Help, Os = reader.Os, Profile = reader.Profile };
    }

    private static ArgumentException Conflict() => new("--yes と --no-fix は同時に指定できません");
}
