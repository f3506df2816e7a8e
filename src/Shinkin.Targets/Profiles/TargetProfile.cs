namespace Shinkin.Targets;

/// <summary>
/// A target profile (<c>targets/&lt;name&gt;.json</c>): the server a run drives when it is not the embedded
/// reference server. Load it with <see cref="Load(string)"/>; every problem of the file is reported at once.
/// </summary>
public sealed class TargetProfile
{
    /// <summary>Suffix of the pool-state file written beside the profile (<c>bank.json</c> → <c>bank.pool-state.json</c>).</summary>
    public const string PoolStateSuffix = ".pool-state.json";

    internal TargetProfile()
    {
    }

    /// <summary>Full path of the profile file.</summary>
    public string FilePath { get; internal init; } = "";

    /// <summary>The path as given to <see cref="Load(string)"/> (what messages show).</summary>
    public string DisplayPath { get; internal init; } = "";

    public string Name { get; internal init; } = "";

    public string? Description { get; internal init; }

    /// <summary>当金庫ホームページ (the public origin).</summary>
    public Uri PublicUrl { get; internal init; } = null!;

    /// <summary>電子証明書ログイン origin; <see cref="PublicUrl"/> when the file does not say.</summary>
    public Uri CertificateUrl { get; internal init; } = null!;

    public TargetTrust Trust { get; internal init; } = null!;

    public TargetCapabilities Capabilities { get; internal init; } = null!;

    /// <summary>Name of the environment variable holding the test-data API key (never the key itself).</summary>
    public string? BackOfficeKeyEnv { get; internal init; }

    /// <summary>Overrides of the UI catalogue's words: catalogue key → label the real server shows.</summary>
    public IReadOnlyDictionary<string, string> Words { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The account pool, in file order.</summary>
    public IReadOnlyList<PoolAccount> Accounts { get; internal init; } = [];

    /// <summary>The pool-state file beside the profile: <c>&lt;file name without .json&gt;.pool-state.json</c>.</summary>
    public string PoolStatePath =>
        Path.Combine(Path.GetDirectoryName(FilePath) ?? ".", Path.GetFileNameWithoutExtension(FilePath) + PoolStateSuffix);

    public PoolAccount? FindAccount(string id) => Accounts.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal));

    /// <summary>Reads and validates a profile; throws <see cref="TargetProfileException"/> listing every problem.</summary>
    public static TargetProfile Load(string path) => Load(path, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Load(string)"/>, reading <c>env:</c> secrets through <paramref name="environment"/>.</summary>
    public static TargetProfile Load(string path, Func<string, string?> environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(environment);
        return ProfileReader.Read(path, environment);
    }

    /// <summary>The test-data API key from the variable named by <see cref="BackOfficeKeyEnv"/>.</summary>
    public string ReadBackOfficeKey() => ReadBackOfficeKey(Environment.GetEnvironmentVariable);

    public string ReadBackOfficeKey(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (BackOfficeKeyEnv is null)
        {
            throw new TargetProfileException(DisplayPath, [new TargetProfileProblem(DisplayPath, "backOfficeKeyEnv", "書かれていません（テストデータ API のキーを入れた環境変数の名前を書きます）")]);
        }

        var key = environment(BackOfficeKeyEnv);
        return string.IsNullOrEmpty(key)
            ? throw new TargetProfileException(DisplayPath, [new TargetProfileProblem(DisplayPath, "backOfficeKeyEnv", $"環境変数 {BackOfficeKeyEnv} が設定されていません")])
            : key;
    }

    public override string ToString() => $"{Name} ({PublicUrl})";
}
