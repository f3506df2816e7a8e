using static Shinkin.Targets.Tests.TempTarget;

namespace Shinkin.Targets.Tests;

/// <summary>Every validation message of the loader: the JSON path of the field and what is wrong, in Japanese.</summary>
public sealed class ProfileValidationTests
{
    private const string M2 = """{ "id": "m2", "state": "master-ready", "loginId": "d-000102", "loginPassword": "a", "approvalPassword": "b", "pkcs12File": "m2.p12", "pkcs12Password": "c" },""";

    private static string General(string rest) =>
        $$"""{ "id": "g1", "state": "general-ready", "loginId": "d-000103", "loginPassword": "a", "pkcs12File": "g1.p12", "pkcs12Password": "c", {{rest}} },""";

    private static IEnumerable<TestCaseData> Invalid()
    {
        static TestCaseData Case(string name, string json, string? path, string message) =>
            new TestCaseData(json, path, message).SetName(name);

        const string Url = "\"publicUrl\": \"https://test.bank.example/\", \"trust\": { \"caFile\": \"ca.pem\" }";
        yield return Case("root is not an object", "[1, 2]", null, "プロファイル全体を JSON のオブジェクト ({ ... }) で書いてください（配列が書かれています）");
        yield return Case("name missing", "{ " + Url + " }", "name", "必須です");
        yield return Case("name not a string", "{ \"name\": 3, " + Url + " }", "name", "文字列で書いてください（数値が書かれています）");
        yield return Case("name blank", "{ \"name\": \"  \", " + Url + " }", "name", "空にはできません");
        yield return Case("unknown root property", Profile(extra: "\"acounts\": [],"), "acounts", "未知のプロパティです（綴りを確認してください。もしかして: accounts）");
        yield return Case("unknown property without a near name", Profile(extra: "\"colour\": \"red\","), "colour", "未知のプロパティです（綴りを確認してください）");
        yield return Case("duplicate property", Profile(extra: "\"name\": \"again\","), "name", "同じプロパティが2回書かれています");
        yield return Case("$schema not a string", Profile(extra: "\"$schema\": 1,"), "[\"$schema\"]", "文字列で書いてください（数値が書かれています）");
        yield return Case("description not a string", Profile(extra: "\"description\": [],"), "description", "文字列で書いてください（配列が書かれています）");
        yield return Case("publicUrl missing", "{ \"name\": \"bank\", \"trust\": { \"systemStore\": true } }", "publicUrl", "必須です");
        yield return Case("publicUrl http", Profile().Replace("https://test", "http://test", StringComparison.Ordinal), "publicUrl", "https の URL にしてください (http://test.bank.example/)");
        yield return Case("publicUrl relative", Profile().Replace("https://test.bank.example/", "/densai/", StringComparison.Ordinal), "publicUrl", "絶対 URL ではありません (/densai/)");
        yield return Case("publicUrl with query", Profile().Replace("example/", "example/?a=1", StringComparison.Ordinal), "publicUrl", "クエリ (?) やフラグメント (#) のない URL にしてください (https://test.bank.example/?a=1)");
        yield return Case("certificateUrl not https", Profile(extra: "\"certificateUrl\": \"ftp://cert.example/\","), "certificateUrl", "https の URL にしてください (ftp://cert.example/)");
        yield return Case("trust missing", "{ \"name\": \"bank\", \"publicUrl\": \"https://test.bank.example/\" }", "trust", "必須です（{ \"caFile\": \"CA 証明書の PEM ファイル\" } か { \"systemStore\": true }）");
        yield return Case("trust not an object", Profile(trust: "\"ca.pem\""), "trust", "オブジェクト ({ ... }) で書いてください（文字列が書かれています）");
        yield return Case("trust with both", Profile(trust: "{ \"caFile\": \"ca.pem\", \"systemStore\": true }"), "trust", "caFile と systemStore のどちらか一方だけを書いてください");
        yield return Case("trust with neither", Profile(trust: "{}"), "trust", "caFile か \"systemStore\": true のどちらかを書いてください");
        yield return Case("trust systemStore false", Profile(trust: "{ \"systemStore\": false }"), "trust.systemStore", "true だけが書けます（CA ファイルで信頼するときは systemStore の代わりに caFile を書きます）");
        yield return Case("trust systemStore not a boolean", Profile(trust: "{ \"systemStore\": \"yes\" }"), "trust.systemStore", "true か false で書いてください（文字列が書かれています）");
        yield return Case("trust caFile not found", Profile(trust: "{ \"caFile\": \"certs/missing.pem\" }"), "trust.caFile", "ファイルが見つかりません (certs/missing.pem)");
        yield return Case("trust caFile empty", Profile(trust: "{ \"caFile\": \"\" }"), "trust.caFile", "空にはできません");
        yield return Case("trust unknown property", Profile(trust: "{ \"caFile\": \"ca.pem\", \"sytemStore\": true }"), "trust.sytemStore", "未知のプロパティです（綴りを確認してください。もしかして: systemStore）");
        yield return Case("capabilities not an object", Profile(extra: "\"capabilities\": true,"), "capabilities", "オブジェクト ({ ... }) で書いてください（true/false が書かれています）");
        yield return Case("capability not a boolean", Profile(extra: "\"capabilities\": { \"backOffice\": 1 },"), "capabilities.backOffice", "true か false で書いてください（数値が書かれています）");
        yield return Case("capability misspelt", Profile(extra: "\"capabilities\": { \"backoffice\": true },"), "capabilities.backoffice", "未知のプロパティです（綴りを確認してください。もしかして: backOffice）");
        yield return Case("test-data API without key variable", Profile(extra: "\"capabilities\": { \"testDataApi\": true },"), "backOfficeKeyEnv", "capabilities.testDataApi が true のときは必須です（テストデータ API のキーを入れた環境変数の名前を書きます）");
        yield return Case("key written instead of its variable", Profile(extra: "\"backOfficeKeyEnv\": \"sk-9f8e7d6c\","), "backOfficeKeyEnv", "環境変数の名前になっていません (sk-9…)。キーそのものではなく、キーを入れた環境変数の名前（英数字と _）を書きます");
        yield return Case("words not an object", Profile(extra: "\"words\": [],"), "words", "オブジェクト ({ ... }) で書いてください（配列が書かれています）");
        yield return Case("word key empty", Profile(extra: "\"words\": { \"\": \"x\" },"), "words[\"\"]", "語彙のキーが空です（\"approval-password.current\" のようなカタログのキーを書きます）");
        yield return Case("word value empty", Profile(extra: "\"words\": { \"approval-password.current\": \"\" },"), "words[\"approval-password.current\"]", "空にはできません（実際のサーバーが表示する文言を書きます）");
        yield return Case("word value not a string", Profile(extra: "\"words\": { \"login.id\": null },"), "words[\"login.id\"]", "文字列で書いてください（null が書かれています）");
        yield return Case("word written twice", Profile(extra: "\"words\": { \"login.id\": \"a\", \"login.id\": \"b\" },"), "words[\"login.id\"]", "同じプロパティが2回書かれています");
        yield return Case("accounts not an array", "{ \"name\": \"bank\", " + Url + ", \"accounts\": {} }", "accounts", "配列 ([ ... ]) で書いてください（オブジェクトが書かれています）");
        yield return Case("account not an object", Profile("\"m1\""), "accounts[0]", "オブジェクト ({ ... }) で書いてください（文字列が書かれています）");
        yield return Case("account id missing", Profile("{ \"state\": \"master-initial\", \"loginId\": \"d-1\", \"initialPassword\": \"p\" }"), "accounts[0].id", "必須です");
        yield return Case("account state missing", Profile("{ \"id\": \"m1\", \"loginId\": \"d-1\" }"), "accounts[0].state", "必須です（master-initial, master-ready, general-ready のいずれか）");
        yield return Case("account state unknown", Profile("{ \"id\": \"m1\", \"state\": \"master\" }"), "accounts[0].state", "master-initial, master-ready, general-ready のいずれかにしてください (master)");
        yield return Case("account state not a string", Profile("{ \"id\": \"m1\", \"state\": 1 }"), "accounts[0].state", "文字列で書いてください（数値が書かれています）");
        yield return Case("account property misspelt", Profile("{ \"id\": \"m1\", \"state\": \"master-initial\", \"loginId\": \"d-1\", \"initialPassword\": \"p\", \"loginID\": \"x\" }"), "accounts[0].loginID", "未知のプロパティです（綴りを確認してください。もしかして: loginId）");
        yield return Case("master-initial without initial password", Profile("{ \"id\": \"m1\", \"state\": \"master-initial\", \"loginId\": \"d-1\" }"), "accounts[0].initialPassword", "master-initial のアカウントには必須です");
        yield return Case("master-initial without login id", Profile("{ \"id\": \"m1\", \"state\": \"master-initial\", \"initialPassword\": \"p\" }"), "accounts[0].loginId", "master-initial のアカウントには必須です");
        yield return Case("master-initial with a certificate", Profile("{ \"id\": \"m1\", \"state\": \"master-initial\", \"loginId\": \"d-1\", \"initialPassword\": \"p\", \"pkcs12File\": \"m2.p12\" }"), "accounts[0].pkcs12File", "master-initial のアカウントには書けません");
        yield return Case("master-ready without approval password", Profile(M2.Replace("\"approvalPassword\": \"b\", ", "", StringComparison.Ordinal)), "accounts[0].approvalPassword", "master-ready のアカウントには必須です");
        yield return Case("master-ready with rights", Profile(M2.Replace("\"id\": \"m2\",", "\"id\": \"m2\", \"rights\": [\"use\"],", StringComparison.Ordinal)), "accounts[0].rights", "master-ready のアカウントには書けません");
        yield return Case("master-ready certificate not found", Profile(M2.Replace("m2.p12", "certs/m2.p12", StringComparison.Ordinal)), "accounts[0].pkcs12File", "ファイルが見つかりません (certs/m2.p12)");
        yield return Case("master-ready with an initial password", Profile(M2.Replace("\"id\": \"m2\",", "\"id\": \"m2\", \"initialPassword\": \"p\",", StringComparison.Ordinal)), "accounts[0].initialPassword", "master-ready のアカウントには書けません");
        yield return Case("general-ready without rights", Profile(M2 + General("\"master\": \"m2\"")), "accounts[1].rights", "general-ready のアカウントには必須です（use, clerk, approver の配列）");
        yield return Case("general-ready rights empty", Profile(M2 + General("\"rights\": [], \"master\": \"m2\"")), "accounts[1].rights", "空にはできません（use, clerk, approver のうち少なくとも1つ）");
        yield return Case("general-ready rights not an array", Profile(M2 + General("\"rights\": \"use\", \"master\": \"m2\"")), "accounts[1].rights", "配列 ([ ... ]) で書いてください（文字列が書かれています）");
        yield return Case("general-ready unknown right", Profile(M2 + General("\"rights\": [\"use\", \"admin\"], \"master\": \"m2\"")), "accounts[1].rights[1]", "use, clerk, approver のいずれかにしてください (admin)");
        yield return Case("general-ready right twice", Profile(M2 + General("\"rights\": [\"use\", \"use\"], \"master\": \"m2\"")), "accounts[1].rights[1]", "重複しています (use)");
        yield return Case("general-ready right not a string", Profile(M2 + General("\"rights\": [1], \"master\": \"m2\"")), "accounts[1].rights[0]", "文字列で書いてください（数値が書かれています）");
        yield return Case("general-ready without master", Profile(M2 + General("\"rights\": [\"use\"]")), "accounts[1].master", "general-ready のアカウントには必須です");
        yield return Case("general-ready master unknown", Profile(M2 + General("\"rights\": [\"use\"], \"master\": \"m9\"")), "accounts[1].master", "id m9 のアカウントがありません（同じ会社の master-ready アカウントの id を書きます）");
        yield return Case("general-ready master not master-ready", Profile(MasterInitial("m1", "d-000101") + General("\"rights\": [\"use\"], \"master\": \"m1\"")), "accounts[1].master", "id m1 は master-ready ではありません (master-initial)");
        yield return Case("duplicate id", Profile(MasterInitial("m1", "d-000101") + MasterInitial("m1", "d-000102")), "accounts[1].id", "id が重複しています（accounts[0] と同じ m1）");
        yield return Case("duplicate login id", Profile(MasterInitial("m1", "d-000101") + MasterInitial("m2", "d-000101")), "accounts[1].loginId", "loginId が重複しています（accounts[0] と同じ d-000101）");
        yield return Case("env secret not set", Profile("{ \"id\": \"m1\", \"state\": \"master-initial\", \"loginId\": \"d-1\", \"initialPassword\": \"env:SHINKIN_NOT_SET\" }"), "accounts[0].initialPassword", "環境変数 SHINKIN_NOT_SET が設定されていません（env:SHINKIN_NOT_SET と書かれています）");
        yield return Case("env secret set but empty", Profile(M2.Replace("\"c\"", "\"env:SHINKIN_EMPTY\"", StringComparison.Ordinal)), "accounts[0].pkcs12Password", "環境変数 SHINKIN_EMPTY が設定されていません（env:SHINKIN_EMPTY と書かれています）");
        yield return Case("env secret with a bad name", Profile("{ \"id\": \"m1\", \"state\": \"master-initial\", \"loginId\": \"d-1\", \"initialPassword\": \"env:1-PASSWORD\" }"), "accounts[0].initialPassword", "env: の後ろが環境変数の名前になっていません (env:1-PASSWORD)。英数字と _ で書きます");
        yield return Case("secret empty", Profile(M2.Replace("\"a\"", "\"\"", StringComparison.Ordinal)), "accounts[0].loginPassword", "空にはできません");
    }

    [TestCaseSource(nameof(Invalid))]
    public void Names_the_file_the_field_and_the_problem(string json, string? jsonPath, string message)
    {
        using var dir = new TempTarget();
        dir.Touch("m2.p12");
        dir.Touch("g1.p12");
        var path = dir.Write("bank.json", json);

        var error = Assert.Throws<TargetProfileException>(() => TargetProfile.Load(path, name => name == "SHINKIN_EMPTY" ? "" : null))!;

        var expected = new TargetProfileProblem(path, jsonPath, message);
        Assert.Multiple(() =>
        {
            Assert.That(error.Problems, Is.EqualTo(new[] { expected }), string.Join(Environment.NewLine, error.Errors));
            Assert.That(error.Message, Is.EqualTo(jsonPath is null ? $"{path}: {message}" : $"{path}: {jsonPath}: {message}"));
        });
    }
}
