namespace Shinkin.Reports.Tests;

internal static class SampleFeatures
{
    public const string MasterUser = """
        # language: ja
        @chapter2
        機能: マスターユーザの初期設定
          マスターユーザが初めて利用するまでの手順

          背景:
            前提 参照サーバが起動している

          @manual:2-1
          シナリオ: マスターユーザが電子証明書を取得する
            前提 マスターユーザの「ログインID」と「仮パスワード」が発行されている
            もし 電子証明書取得画面で取得を実行する
            ならば 「電子証明書の取得が完了しました」と表示される
            かつ 証明書がブラウザに登録されている

          @manual:2-2:1-3
          シナリオ: マスターユーザがログインする
            前提 電子証明書が登録されている
            もし 次の内容でログインする
              | 項目       | 値        |
              | ログインID | master01  |
            ならば メニュー画面が表示される

          ルール: パスワードは英数字混在の6文字以上

            @manual:2-3
            シナリオテンプレート: ログインパスワードを設定する
              もし 新しいパスワード "<パスワード>" を入力する
              ならば "<結果>" と表示される

              例:
                | パスワード | 結果                           |
                | abc123     | 設定しました                   |
                | abcdef     | 英字と数字を混在させてください |
        """;

    public const string Logout = """
        # language: ja
        機能: ログアウト

          @manual:5-1:1-6 @manual:9-9
          シナリオ: ログアウトする
            前提 マスターユーザでログインしている
            もし ［ログアウト］ボタンをクリックする
            ならば ログアウト画面が表示される
        """;

    /// <summary>No <c># language:</c> line: Japanese only through reqnroll.json, as the Features folder is read.</summary>
    public const string WithoutLanguageLine = """
        機能: 言語行のない機能

          シナリオテンプレート: パスワードを変える
            もし 新しいパスワード "<パスワード>" を入力する

            例: 受け付ける値
              | パスワード |
              | abc123     |

            例: 断る値
              | パスワード |
              | abc        |
        """;

    public const string Broken = """
        # language: ja
        機能: 壊れた機能

          シナリオ: 正しいシナリオ
            前提 何かがある
          これはキーワードではない行
            ならば 何かが起きる
        """;

    public static string WriteAll(string folder, bool includeBroken = false)
    {
        var root = Path.Combine(folder, "Features");
        Directory.CreateDirectory(Path.Combine(root, "chapter2"));
        Directory.CreateDirectory(Path.Combine(root, "chapter5"));
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        File.WriteAllText(Path.Combine(root, "chapter2", "master-user.feature"), MasterUser);
        File.WriteAllText(Path.Combine(root, "chapter5", "logout.feature"), Logout);
        File.WriteAllText(Path.Combine(root, "bin", "copied.feature"), Broken);
        if (includeBroken)
        {
            File.WriteAllText(Path.Combine(root, "chapter5", "broken.feature"), Broken);
        }

        return root;
    }
}
