using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Shinkin.Targets;

/// <summary>
/// Walks the JSON of a profile by hand (not a serializer) so that every problem is collected with the JSON
/// path of its field, unknown and duplicate properties included, and the first one does not hide the rest.
/// </summary>
internal sealed partial class ProfileReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 32,
    };

    private readonly string _file;
    private readonly string _directory;
    private readonly Func<string, string?> _environment;
    private readonly List<TargetProfileProblem> _problems = [];
    private readonly Dictionary<string, string> _accountIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _loginIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountState> _accountStates = new(StringComparer.Ordinal);
    private readonly List<(string Path, string Master)> _masterReferences = [];

    private ProfileReader(string file, string directory, Func<string, string?> environment)
    {
        _file = file;
        _directory = directory;
        _environment = environment;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    internal static partial Regex EnvironmentVariableName();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainPropertyName();

    public static TargetProfile Read(string path, Func<string, string?> environment)
    {
        var fullPath = Path.GetFullPath(path);
        var reader = new ProfileReader(path, Path.GetDirectoryName(fullPath) ?? ".", environment);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw reader.Fail(null, "ファイルが見つかりません");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw reader.Fail(null, $"ファイルを読めません ({ex.Message})");
        }

        ReadOnlyMemory<byte> json = bytes;
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            json = json[Encoding.UTF8.Preamble.Length..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw reader.Fail(null, DescribeSyntaxError(ex, json.Span));
        }

        using (document)
        {
            var profile = reader.ReadProfile(document.RootElement, fullPath);
            return reader._problems.Count > 0 ? throw new TargetProfileException(path, reader._problems) : profile!;
        }
    }

    private TargetProfileException Fail(string? jsonPath, string message) =>
        new(_file, [new TargetProfileProblem(_file, jsonPath, message)]);

    /// <summary>"3 行目 14 文字目: JSON として読めません (...)": line and character (not byte) are 1-based.</summary>
    internal static string DescribeSyntaxError(JsonException ex, ReadOnlySpan<byte> json)
    {
        var line = (int)(ex.LineNumber ?? 0);
        var bytePosition = (int)(ex.BytePositionInLine ?? 0);
        var start = 0;
        for (var i = 0; i < line && start < json.Length; i++)
        {
            var next = json[start..].IndexOf((byte)'\n');
            start = next < 0 ? json.Length : start + next + 1;
        }

        var length = Math.Clamp(bytePosition, 0, json.Length - start);
        var column = Encoding.UTF8.GetCharCount(json.Slice(start, length)) + 1;
        var detail = ex.Message;
        var cut = detail.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = detail.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        detail = (cut >= 0 ? detail[..cut] : detail).Trim();
        return $"{line + 1} 行目 {column} 文字目: JSON として読めません ({detail})";
    }

    private void Error(string? jsonPath, string message) => _problems.Add(new TargetProfileProblem(_file, jsonPath, message));

    private static string Child(string parent, string name)
    {
        var step = PlainPropertyName().IsMatch(name) ? name : $"[\"{name}\"]";
        return parent.Length == 0 ? step : step.StartsWith('[') ? parent + step : parent + "." + step;
    }

    private static string Item(string parent, int index) => $"{parent}[{index}]";

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "文字列",
        JsonValueKind.Number => "数値",
        JsonValueKind.True or JsonValueKind.False => "true/false ",
        JsonValueKind.Null => "null ",
        JsonValueKind.Object => "オブジェクト",
        JsonValueKind.Array => "配列",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The properties of an object that the loader knows; unknown ones (with a near name when there is one)
    /// and duplicates are problems. <paramref name="elsewhere"/>: names that exist, but not in this object.
    /// </summary>
    private Dictionary<string, JsonElement> Properties(JsonElement element, string path, IReadOnlyCollection<string> known,
        IReadOnlyCollection<string>? elsewhere = null, string? elsewhereMessage = null)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var childPath = Child(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Error(childPath, "同じプロパティが2回書かれています");
                continue;
            }

            if (known.Contains(property.Name))
            {
                result[property.Name] = property.Value;
            }
            else if (elsewhere is not null && elsewhere.Contains(property.Name))
            {
                Error(childPath, elsewhereMessage ?? "ここには書けません");
            }
            else
            {
                var near = Nearest(property.Name, known);
                Error(childPath, near is null
                    ? "未知のプロパティです（綴りを確認してください）"
                    : $"未知のプロパティです（綴りを確認してください。もしかして: {near}）");
            }
        }

        return result;
    }

    private static string? Nearest(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Levenshtein(candidate.ToUpperInvariant(), name.ToUpperInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 4) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private bool Is(JsonElement value, JsonValueKind kind, string path, string expected)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        Error(path, $"{expected}で書いてください（{Kind(value.ValueKind)}が書かれています）");
        return false;
    }

    /// <summary>A non-empty string, or null after recording why not.</summary>
    private string? String(Dictionary<string, JsonElement> properties, string name, string path, bool required, string? requiredMessage = null)
    {
        var childPath = Child(path, name);
        if (!properties.TryGetValue(name, out var value))
        {
            if (required)
            {
                Error(childPath, requiredMessage ?? "必須です");
            }

            return null;
        }

        if (!Is(value, JsonValueKind.String, childPath, "文字列"))
        {
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(childPath, "空にはできません");
            return null;
        }

        return text;
    }

    private bool? Boolean(Dictionary<string, JsonElement> properties, string name, string path)
    {
        if (!properties.TryGetValue(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error(Child(path, name), $"true か false で書いてください（{Kind(value.ValueKind)}が書かれています）");
        return null;
    }

    private Uri? HttpsUrl(Dictionary<string, JsonElement> properties, string name, bool required)
    {
        var text = String(properties, name, "", required);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.Host))
        {
            Error(name, $"絶対 URL ではありません ({text})");
            return null;
        }

        if (!string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal))
        {
            Error(name, $"https の URL にしてください ({text})");
            return null;
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            Error(name, $"クエリ (?) やフラグメント (#) のない URL にしてください ({text})");
            return null;
        }

        return uri;
    }

    /// <summary>A file path relative to the profile's folder that must exist; the full path, or null.</summary>
    private string? ExistingFile(Dictionary<string, JsonElement> properties, string name, string path, bool required, string? requiredMessage = null)
    {
        var text = String(properties, name, path, required, requiredMessage);
        if (text is null)
        {
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(_directory, text));
        }
        catch (ArgumentException)
        {
            Error(Child(path, name), $"ファイルのパスとして読めません ({text})");
            return null;
        }

        if (!File.Exists(full))
        {
            Error(Child(path, name), $"ファイルが見つかりません ({text})");
            return null;
        }

        return full;
    }

    /// <summary>A secret: the literal value, or the environment variable named by <c>env:VAR_NAME</c>.</summary>
    private string? Secret(Dictionary<string, JsonElement> properties, string name, string path, bool required, string? requiredMessage)
    {
        var text = String(properties, name, path, required, requiredMessage);
        if (text is null || !text.StartsWith("env:", StringComparison.Ordinal))
        {
            return text;
        }

        var variable = text["env:".Length..];
        if (!EnvironmentVariableName().IsMatch(variable))
        {
            Error(Child(path, name), $"env: の後ろが環境変数の名前になっていません ({text})。英数字と _ で書きます");
            return null;
        }

        var value = _environment(variable);
        if (string.IsNullOrEmpty(value))
        {
            Error(Child(path, name), $"環境変数 {variable} が設定されていません（{text} と書かれています）");
            return null;
        }

        return value;
    }

    private TargetProfile? ReadProfile(JsonElement root, string fullPath)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error(null, $"プロファイル全体を JSON のオブジェクト ({{ ... }}) で書いてください（{Kind(root.ValueKind)}が書かれています）");
            return null;
        }

        var properties = Properties(root, "", ProfileProperties.Root);
        if (properties.TryGetValue("$schema", out var schema))
        {
            Is(schema, JsonValueKind.String, "[\"$schema\"]", "文字列");
        }

        var name = String(properties, "name", "", required: true);
        string? description = null;
        if (properties.TryGetValue("description", out var descriptionElement) && Is(descriptionElement, JsonValueKind.String, "description", "文字列"))
        {
            description = descriptionElement.GetString();
        }

        var publicUrl = HttpsUrl(properties, "publicUrl", required: true);
        var certificateUrl = HttpsUrl(properties, "certificateUrl", required: false);
        var trust = ReadTrust(properties);
        var capabilities = ReadCapabilities(properties);
        var backOfficeKeyEnv = ReadBackOfficeKeyEnv(properties, capabilities);
        var words = ReadWords(properties);
        var accounts = ReadAccounts(properties);

        if (_problems.Count > 0)
        {
            return null;
        }

        return new TargetProfile
        {
            FilePath = fullPath,
            DisplayPath = _file,
            Name = name!,
            Description = description,
            PublicUrl = publicUrl!,
            CertificateUrl = certificateUrl ?? publicUrl!,
            Trust = trust!,
            Capabilities = capabilities,
            BackOfficeKeyEnv = backOfficeKeyEnv,
            Words = words,
            Accounts = accounts,
        };
    }

    private TargetTrust? ReadTrust(Dictionary<string, JsonElement> root)
    {
        if (!root.TryGetValue("trust", out var element))
        {
            Error("trust", "必須です（{ \"caFile\": \"CA 証明書の PEM ファイル\" } か { \"systemStore\": true }）");
            return null;
        }

        if (!Is(element, JsonValueKind.Object, "trust", "オブジェクト ({ ... }) "))
        {
            return null;
        }

        var properties = Properties(element, "trust", ProfileProperties.Trust);
        var hasCaFile = properties.ContainsKey("caFile");
        var hasSystemStore = properties.ContainsKey("systemStore");
        if (hasCaFile && hasSystemStore)
        {
            Error("trust", "caFile と systemStore のどちらか一方だけを書いてください");
            return null;
        }

        if (!hasCaFile && !hasSystemStore)
        {
            Error("trust", "caFile か \"systemStore\": true のどちらかを書いてください");
            return null;
        }

        if (hasSystemStore)
        {
            var systemStore = Boolean(properties, "systemStore", "trust");
            if (systemStore == false)
            {
                Error("trust.systemStore", "true だけが書けます（CA ファイルで信頼するときは systemStore の代わりに caFile を書きます）");
            }

            return systemStore == true ? new TargetTrust(null, systemStore: true) : null;
        }

        var caFile = ExistingFile(properties, "caFile", "trust", required: true);
        return caFile is null ? null : new TargetTrust(caFile, systemStore: false);
    }

    private TargetCapabilities ReadCapabilities(Dictionary<string, JsonElement> root)
    {
        if (!root.TryGetValue("capabilities", out var element) || !Is(element, JsonValueKind.Object, "capabilities", "オブジェクト ({ ... }) "))
        {
            return new TargetCapabilities(false, false);
        }

        var properties = Properties(element, "capabilities", ProfileProperties.Capabilities);
        return new TargetCapabilities(
            Boolean(properties, "testDataApi", "capabilities") ?? false,
            Boolean(properties, "backOffice", "capabilities") ?? false);
    }

    private string? ReadBackOfficeKeyEnv(Dictionary<string, JsonElement> root, TargetCapabilities capabilities)
    {
        var name = String(root, "backOfficeKeyEnv", "", required: capabilities.TestDataApi,
            "capabilities.testDataApi が true のときは必須です（テストデータ API のキーを入れた環境変数の名前を書きます）");
        if (name is not null && !EnvironmentVariableName().IsMatch(name))
        {
            Error("backOfficeKeyEnv", $"環境変数の名前になっていません ({Mask(name)})。キーそのものではなく、キーを入れた環境変数の名前（英数字と _）を書きます");
            return null;
        }

        return name;
    }

    /// <summary>What may be a key written by mistake is not echoed whole into logs.</summary>
    private static string Mask(string text) => text.Length <= 4 ? text : text[..4] + "…";

    private Dictionary<string, string> ReadWords(Dictionary<string, JsonElement> root)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetValue("words", out var element) || !Is(element, JsonValueKind.Object, "words", "オブジェクト ({ ... }) "))
        {
            return words;
        }

        foreach (var property in element.EnumerateObject())
        {
            var path = Child("words", property.Name);
            if (string.IsNullOrWhiteSpace(property.Name))
            {
                Error(path, "語彙のキーが空です（\"approval-password.current\" のようなカタログのキーを書きます）");
                continue;
            }

            if (words.ContainsKey(property.Name))
            {
                Error(path, "同じプロパティが2回書かれています");
                continue;
            }

            if (!Is(property.Value, JsonValueKind.String, path, "文字列"))
            {
                continue;
            }

            var label = property.Value.GetString()!;
            if (string.IsNullOrWhiteSpace(label))
            {
                Error(path, "空にはできません（実際のサーバーが表示する文言を書きます）");
                continue;
            }

            words[property.Name] = label;
        }

        return words;
    }

    private List<PoolAccount> ReadAccounts(Dictionary<string, JsonElement> root)
    {
        var accounts = new List<PoolAccount>();
        if (!root.TryGetValue("accounts", out var element) || !Is(element, JsonValueKind.Array, "accounts", "配列 ([ ... ]) "))
        {
            return accounts;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var path = Item("accounts", index++);
            if (Is(item, JsonValueKind.Object, path, "オブジェクト ({ ... }) ") && ReadAccount(item, path) is { } account)
            {
                accounts.Add(account);
            }
        }

        foreach (var (path, master) in _masterReferences)
        {
            if (!_accountStates.TryGetValue(master, out var state))
            {
                Error(path, $"id {master} のアカウントがありません（同じ会社の master-ready アカウントの id を書きます）");
            }
            else if (state != AccountState.MasterReady)
            {
                Error(path, $"id {master} は master-ready ではありません ({state.ToJsonName()})");
            }
        }

        return accounts;
    }

    private PoolAccount? ReadAccount(JsonElement element, string path)
    {
        string? master = null;
        AccountState? state = null;
        var stateProperty = element.EnumerateObject().Where(p => p.NameEquals("state")).Select(p => p.Value).FirstOrDefault();
        if (stateProperty.ValueKind == JsonValueKind.String)
        {
            if (AccountNames.TryParseState(stateProperty.GetString(), out var parsed))
            {
                state = parsed;
            }
            else
            {
                Error(Child(path, "state"), $"master-initial, master-ready, general-ready のいずれかにしてください ({stateProperty.GetString()})");
            }
        }

        var known = state is { } s ? ProfileProperties.ForState(s) : ProfileProperties.AnyAccount;
        var properties = Properties(element, path, known, ProfileProperties.AnyAccount,
            state is { } st ? $"{st.ToJsonName()} のアカウントには書けません" : null);
        var id = String(properties, "id", path, required: true);
        if (id is not null)
        {
            if (_accountIds.TryGetValue(id, out var first))
            {
                Error(Child(path, "id"), $"id が重複しています（{first} と同じ {id}）");
                id = null;
            }
            else
            {
                _accountIds[id] = path;
                if (state is { } parsedState)
                {
                    _accountStates[id] = parsedState;
                }
            }
        }

        if (stateProperty.ValueKind != JsonValueKind.String)
        {
            String(properties, "state", path, required: true, "必須です（master-initial, master-ready, general-ready のいずれか）");
        }

        if (state is not { } accountState)
        {
            return null;
        }

        var requiredMessage = $"{accountState.ToJsonName()} のアカウントには必須です";
        bool Required(string name) => ProfileProperties.Required[accountState].Contains(name);
        string? Text(string name) => properties.ContainsKey(name) || Required(name) ? String(properties, name, path, Required(name), requiredMessage) : null;
        string? SecretValue(string name) => properties.ContainsKey(name) || Required(name) ? Secret(properties, name, path, Required(name), requiredMessage) : null;

        var problemsBefore = _problems.Count;
        var loginId = Text("loginId");
        if (loginId is not null)
        {
            if (_loginIds.TryGetValue(loginId, out var first))
            {
                Error(Child(path, "loginId"), $"loginId が重複しています（{first} と同じ {loginId}）");
            }
            else
            {
                _loginIds[loginId] = path;
            }
        }

        var companyName = Text("companyName");
        var accountNumbers = accountState != AccountState.GeneralReady ? ReadAccountNumbers(properties, path) : [];
        var initialPassword = accountState == AccountState.MasterInitial ? SecretValue("initialPassword") : null;
        var loginPassword = accountState != AccountState.MasterInitial ? SecretValue("loginPassword") : null;
        var approvalPassword = accountState != AccountState.MasterInitial ? SecretValue("approvalPassword") : null;
        var pkcs12File = accountState != AccountState.MasterInitial ? ExistingFile(properties, "pkcs12File", path, required: true, requiredMessage) : null;
        var pkcs12Password = accountState != AccountState.MasterInitial ? SecretValue("pkcs12Password") : null;
        var rights = accountState == AccountState.GeneralReady ? ReadRights(properties, path, requiredMessage) : [];
        if (accountState == AccountState.GeneralReady)
        {
            master = Text("master");
            if (master is not null)
            {
                _masterReferences.Add((Child(path, "master"), master));
            }
        }

        if (id is null || _problems.Count > problemsBefore)
        {
            return null;
        }

        return new PoolAccount
        {
            Id = id,
            State = accountState,
            LoginId = loginId!,
            CompanyName = companyName,
            AccountNumbers = accountNumbers,
            InitialPassword = initialPassword,
            LoginPassword = loginPassword,
            ApprovalPassword = approvalPassword,
            Pkcs12File = pkcs12File,
            Pkcs12Password = pkcs12Password,
            Rights = rights,
            MasterId = master,
        };
    }

    private List<string> ReadAccountNumbers(Dictionary<string, JsonElement> properties, string path)
    {
        var numbers = new List<string>();
        if (!properties.TryGetValue("accountNumbers", out var element))
        {
            return numbers;
        }

        var numbersPath = Child(path, "accountNumbers");
        if (!Is(element, JsonValueKind.Array, numbersPath, "配列 ([ ... ]) "))
        {
            return numbers;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = Item(numbersPath, index++);
            if (!Is(item, JsonValueKind.String, itemPath, "文字列"))
            {
                continue;
            }

            var number = item.GetString()!.Trim();
            if (number.Length == 0)
            {
                Error(itemPath, "空にはできません（画面に表示される口座番号）");
            }
            else if (numbers.Contains(number))
            {
                Error(itemPath, $"重複しています ({number})");
            }
            else
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }

    private List<AccountRight> ReadRights(Dictionary<string, JsonElement> properties, string path, string requiredMessage)
    {
        var rights = new List<AccountRight>();
        var rightsPath = Child(path, "rights");
        if (!properties.TryGetValue("rights", out var element))
        {
            Error(rightsPath, requiredMessage + "（use, clerk, approver の配列）");
            return rights;
        }

        if (!Is(element, JsonValueKind.Array, rightsPath, "配列 ([ ... ]) "))
        {
            return rights;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = Item(rightsPath, index++);
            if (!Is(item, JsonValueKind.String, itemPath, "文字列"))
            {
                continue;
            }

            if (!AccountNames.TryParseRight(item.GetString(), out var right))
            {
                Error(itemPath, $"use, clerk, approver のいずれかにしてください ({item.GetString()})");
            }
            else if (rights.Contains(right))
            {
                Error(itemPath, $"重複しています ({item.GetString()})");
            }
            else
            {
                rights.Add(right);
            }
        }

        if (index == 0)
        {
            Error(rightsPath, "空にはできません（use, clerk, approver のうち少なくとも1つ）");
        }

        return rights;
    }
}
