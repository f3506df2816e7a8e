namespace Shinkin.Targets.Tests;

public sealed class ProfileLoadTests
{
    private TempTarget _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempTarget();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static readonly Dictionary<string, string> Env = new(StringComparer.Ordinal)
    {
        ["BANK_M2_LOGIN"] = "login-from-env",
        ["BANK_G1_P12"] = "p12-from-env",
    };

    private static string? Lookup(string name) => Env.GetValueOrDefault(name);

    [Test]
    public void A_full_profile_loads_with_paths_resolved_and_env_secrets_read()
    {
        _dir.Touch("certs/m2.p12");
        _dir.Touch("certs/g1.p12");
        var path = _dir.Write("bank.json", """
            // コメントと末尾のカンマが書ける
            {
              "$schema": "./target-profile.schema.json",
              "name": "しんきん試験環境",
              "description": "QA 環境",
              "publicUrl": "https://test.bank.example/densai/",
              "certificateUrl": "https://cert.test.bank.example/",
              "trust": { "caFile": "ca.pem" },
              "capabilities": { "testDataApi": true, "backOffice": true },
              "backOfficeKeyEnv": "BANK_TEST_DATA_KEY",
              "words": { "approval-password.current": "現在の承認パスワード（初期承認パスワード）" },
              "accounts": [
                { "id": "m1", "state": "master-initial", "loginId": "d-000101", "initialPassword": "Init0101", "companyName": "株式会社しんきん商事" },
                { "id": "m2", "state": "master-ready", "loginId": "d-000102", "loginPassword": "env:BANK_M2_LOGIN", "approvalPassword": "Appr0102",
                  "pkcs12File": "certs/m2.p12", "pkcs12Password": "p12pw" },
                /* 一般ユーザー */
                { "id": "g1", "state": "general-ready", "loginId": "d-000103", "loginPassword": "Login0103", "pkcs12File": "certs/g1.p12",
                  "pkcs12Password": "env:BANK_G1_P12", "rights": ["use", "approver"], "master": "m2", },
              ],
            }
            """);

        var profile = TargetProfile.Load(path, Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(profile.Name, Is.EqualTo("しんきん試験環境"));
            Assert.That(profile.Description, Is.EqualTo("QA 環境"));
            Assert.That(profile.FilePath, Is.EqualTo(path));
            Assert.That(profile.DisplayPath, Is.EqualTo(path));
            Assert.That(profile.PublicUrl, Is.EqualTo(new Uri("https://test.bank.example/densai/")));
            Assert.That(profile.CertificateUrl, Is.EqualTo(new Uri("https://cert.test.bank.example/")));
            Assert.That(profile.Trust.CaFile, Is.EqualTo(_dir.PathOf("ca.pem")));
            Assert.That(profile.Trust.SystemStore, Is.False);
            Assert.That(profile.Capabilities.TestDataApi, Is.True);
            Assert.That(profile.Capabilities.BackOffice, Is.True);
            Assert.That(profile.BackOfficeKeyEnv, Is.EqualTo("BANK_TEST_DATA_KEY"));
            Assert.That(profile.Words["approval-password.current"], Is.EqualTo("現在の承認パスワード（初期承認パスワード）"));
            Assert.That(profile.PoolStatePath, Is.EqualTo(_dir.PathOf("bank.pool-state.json")));
            Assert.That(profile.Accounts.Select(a => a.Id), Is.EqualTo(new[] { "m1", "m2", "g1" }));

            var m1 = profile.FindAccount("m1")!;
            Assert.That(m1.State, Is.EqualTo(AccountState.MasterInitial));
            Assert.That(m1.LoginId, Is.EqualTo("d-000101"));
            Assert.That(m1.InitialPassword, Is.EqualTo("Init0101"));
            Assert.That(m1.CompanyName, Is.EqualTo("株式会社しんきん商事"));

            var m2 = profile.FindAccount("m2")!;
            Assert.That(m2.State, Is.EqualTo(AccountState.MasterReady));
            Assert.That(m2.LoginPassword, Is.EqualTo("login-from-env"));
            Assert.That(m2.ApprovalPassword, Is.EqualTo("Appr0102"));
            Assert.That(m2.Pkcs12File, Is.EqualTo(_dir.PathOf("certs/m2.p12")));
            Assert.That(m2.Pkcs12Password, Is.EqualTo("p12pw"));

            var g1 = profile.FindAccount("g1")!;
            Assert.That(g1.State, Is.EqualTo(AccountState.GeneralReady));
            Assert.That(g1.Pkcs12Password, Is.EqualTo("p12-from-env"));
            Assert.That(g1.ApprovalPassword, Is.Null);
            Assert.That(g1.Rights, Is.EqualTo(new[] { AccountRight.Use, AccountRight.Approver }));
            Assert.That(g1.MasterId, Is.EqualTo("m2"));
            Assert.That(g1.ToString(), Does.Not.Contain("Login0103").And.Not.Contain("p12-from-env"));
        });
    }

    [Test]
    public void Certificate_url_defaults_to_the_public_url_and_capabilities_to_false()
    {
        var profile = TargetProfile.Load(_dir.Write("bank.json", TempTarget.Profile()));
        Assert.Multiple(() =>
        {
            Assert.That(profile.CertificateUrl, Is.EqualTo(profile.PublicUrl));
            Assert.That(profile.Capabilities.TestDataApi, Is.False);
            Assert.That(profile.Capabilities.BackOffice, Is.False);
            Assert.That(profile.Words, Is.Empty);
            Assert.That(profile.Accounts, Is.Empty);
            Assert.That(profile.BackOfficeKeyEnv, Is.Null);
        });
    }

    [Test]
    public void System_store_trust_has_no_ca_file()
    {
        var profile = TargetProfile.Load(_dir.Write("bank.json", TempTarget.Profile(trust: """{ "systemStore": true }""")));
        Assert.Multiple(() =>
        {
            Assert.That(profile.Trust.SystemStore, Is.True);
            Assert.That(profile.Trust.CaFile, Is.Null);
        });
    }

    [Test]
    public void Env_secrets_come_from_the_process_environment_by_default()
    {
        var variable = "SHINKIN_TARGETS_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "secret-from-process");
        try
        {
            var path = _dir.Write("bank.json", TempTarget.Profile(
                $$"""{ "id": "m1", "state": "master-initial", "loginId": "d-000001", "initialPassword": "env:{{variable}}" }"""));
            Assert.That(TargetProfile.Load(path).Accounts[0].InitialPassword, Is.EqualTo("secret-from-process"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public void The_back_office_key_is_read_from_the_named_variable_only()
    {
        var path = _dir.Write("bank.json", TempTarget.Profile(extra: """
            "capabilities": { "testDataApi": true }, "backOfficeKeyEnv": "BANK_KEY",
            """));
        var profile = TargetProfile.Load(path);
        Assert.Multiple(() =>
        {
            Assert.That(profile.ReadBackOfficeKey(name => name == "BANK_KEY" ? "k-123" : null), Is.EqualTo("k-123"));
            var error = Assert.Throws<TargetProfileException>(() => profile.ReadBackOfficeKey(_ => null))!;
            Assert.That(error.Errors, Is.EqualTo(new[] { $"{path}: backOfficeKeyEnv: 環境変数 BANK_KEY が設定されていません" }));
        });
    }

    [Test]
    public void Every_problem_is_listed_not_only_the_first()
    {
        var path = _dir.Write("bank.json", """
            {
              "name": "",
              "publicUrl": "http://test.bank.example/",
              "trust": { "caFile": "nothing.pem" },
              "capabilites": {},
              "accounts": [
                { "id": "m1", "state": "master-ready", "loginId": "d-1", "loginPassword": "x", "approvalPassword": "y", "pkcs12File": "certs/m2.p12", "pkcs12Password": "env:NOT_SET_ANYWHERE" },
                { "id": "m1", "state": "master-initial", "loginId": "d-2" }
              ]
            }
            """);

        var error = Assert.Throws<TargetProfileException>(() => TargetProfile.Load(path, _ => null))!;

        Assert.That(error.Errors, Is.EquivalentTo(new[]
        {
            $"{path}: name: 空にはできません",
            $"{path}: publicUrl: https の URL にしてください (http://test.bank.example/)",
            $"{path}: trust.caFile: ファイルが見つかりません (nothing.pem)",
            $"{path}: capabilites: 未知のプロパティです（綴りを確認してください。もしかして: capabilities）",
            $"{path}: accounts[0].pkcs12File: ファイルが見つかりません (certs/m2.p12)",
            $"{path}: accounts[0].pkcs12Password: 環境変数 NOT_SET_ANYWHERE が設定されていません（env:NOT_SET_ANYWHERE と書かれています）",
            $"{path}: accounts[1].id: id が重複しています（accounts[0] と同じ m1）",
            $"{path}: accounts[1].initialPassword: master-initial のアカウントには必須です",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(error.File, Is.EqualTo(path));
            Assert.That(error.Message, Does.StartWith($"ターゲットプロファイル {path} に 8 件の問題があります:"));
            foreach (var line in error.Errors)
            {
                Assert.That(error.Message, Does.Contain(line));
            }
        });
    }

    [Test]
    public void Messages_name_the_file_as_it_was_given()
    {
        _dir.Write("bank.json", TempTarget.Profile(extra: """ "description": 1, """));
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _dir.Directory;
        try
        {
            var error = Assert.Throws<TargetProfileException>(() => TargetProfile.Load("bank.json"))!;
            Assert.That(error.Message, Is.EqualTo("bank.json: description: 文字列で書いてください（数値が書かれています）"));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Test]
    public void A_missing_file_is_named()
    {
        var path = _dir.PathOf("nothing.json");
        var error = Assert.Throws<TargetProfileException>(() => TargetProfile.Load(path))!;
        Assert.That(error.Message, Is.EqualTo($"{path}: ファイルが見つかりません"));
    }

    [Test]
    public void Malformed_json_names_line_and_character_not_byte()
    {
        // 'x' is the 19th character of line 3 (but its 27th byte in UTF-8).
        var path = _dir.Write("bank.json", "{\n  // 見本\n  \"name\": \"銀行テスト\" x,\n}\n");
        var error = Assert.Throws<TargetProfileException>(() => TargetProfile.Load(path))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Problems, Has.Count.EqualTo(1));
            Assert.That(error.Problems[0].JsonPath, Is.Null);
            Assert.That(error.Message, Does.StartWith($"{path}: 3 行目 19 文字目: JSON として読めません ("));
            Assert.That(error.Message, Does.Not.Contain("LineNumber"));
        });
    }

    [Test]
    public void A_utf8_bom_is_fine()
    {
        var path = _dir.PathOf("bank.json");
        File.WriteAllText(path, TempTarget.Profile(), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.That(TargetProfile.Load(path).Name, Is.EqualTo("bank"));
    }

    [Test]
    public void Truncated_json_names_where_it_ended()
    {
        var path = _dir.Write("bank.json", "{\n  \"name\": \"bank\",\n");
        var error = Assert.Throws<TargetProfileException>(() => TargetProfile.Load(path))!;
        Assert.That(error.Message, Does.Match(@": 3 行目 \d+ 文字目: JSON として読めません \(.+\)$"));
    }

    [Test]
    public void Masters_may_list_the_company_account_numbers_and_a_bad_list_is_named()
    {
        _dir.Touch("ca.pem");
        var good = _dir.Write("good.json", """
            { "name": "n", "publicUrl": "https://t.example/", "trust": { "caFile": "ca.pem" },
              "accounts": [ { "id": "m1", "state": "master-initial", "loginId": "d-1", "initialPassword": "p", "accountNumbers": ["1234567", "7654321"] } ] }
            """);
        Assert.That(TargetProfile.Load(good).Accounts[0].AccountNumbers, Is.EqualTo(new[] { "1234567", "7654321" }));

        var bad = _dir.Write("bad.json", """
            { "name": "n", "publicUrl": "https://t.example/", "trust": { "caFile": "ca.pem" },
              "accounts": [ { "id": "m1", "state": "master-initial", "loginId": "d-1", "initialPassword": "p", "accountNumbers": ["1", "1", ""] } ] }
            """);
        var error = Assert.Throws<TargetProfileException>(() => TargetProfile.Load(bad))!;
        Assert.That(error.Errors, Has.Some.Contains("accounts[0].accountNumbers[1]").And.Some.Contains("accounts[0].accountNumbers[2]"));
    }
}
