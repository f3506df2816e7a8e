namespace Shinkin.Targets;

/// <summary>One problem of a profile: the file as given to Load, the JSON path of the field (null: the whole file), and what is wrong (Japanese).</summary>
public sealed record TargetProfileProblem(string File, string? JsonPath, string Message)
{
    /// <summary>"targets/bank.json: accounts[2].pkcs12File: ファイルが見つかりません (certs/m2.p12)".</summary>
    public override string ToString() => JsonPath is null ? $"{File}: {Message}" : $"{File}: {JsonPath}: {Message}";
}

/// <summary>A profile that cannot be used; <see cref="Problems"/> lists every problem found, not only the first.</summary>
public sealed class TargetProfileException : Exception
{
    public TargetProfileException()
        : this("ターゲットプロファイルを読めません", [])
    {
    }

    public TargetProfileException(string message)
        : this(message, [])
    {
    }

    public TargetProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public TargetProfileException(string file, IReadOnlyList<TargetProfileProblem> problems)
        : base(Format(file, problems))
    {
        File = file;
        Problems = problems;
    }

    /// <summary>The profile file as given to Load.</summary>
    public string? File { get; }

    public IReadOnlyList<TargetProfileProblem> Problems { get; }

    /// <summary>Each problem as one line ("file: path: message").</summary>
    public IReadOnlyList<string> Errors => Problems.Select(p => p.ToString()).ToList();

    private static string Format(string file, IReadOnlyList<TargetProfileProblem> problems) => problems.Count switch
    {
        0 => file,
        1 => problems[0].ToString(),
        _ => $"ターゲットプロファイル {file} に {problems.Count} 件の問題があります:" + Environment.NewLine
             + string.Join(Environment.NewLine, problems.Select(p => "  " + p)),
    };
}
