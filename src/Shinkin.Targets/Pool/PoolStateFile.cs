using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shinkin.Targets.Pool;

/// <summary>The JSON of <c>&lt;name&gt;.pool-state.json</c>. An account without an entry is available.</summary>
internal sealed class PoolStateDocument
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public string? Profile { get; set; }

    public SortedDictionary<string, PoolEntry> Accounts { get; set; } = new(StringComparer.Ordinal);
}

internal sealed class PoolEntry
{
    public const string Leased = "leased";
    public const string UsedUp = "used-up";

    /// <summary><see cref="Leased"/> or <see cref="UsedUp"/>.</summary>
    public string Status { get; set; } = "";

    /// <summary>The account's state and login id when the entry was written: a used-up entry only holds while they are unchanged.</summary>
    public string State { get; set; } = "";

    public string LoginId { get; set; } = "";

    public string RunId { get; set; } = "";

    public string LeaseId { get; set; } = "";

    public DateTimeOffset LeasedAt { get; set; }

    public string Host { get; set; } = "";

    public int Pid { get; set; }

    public DateTimeOffset? UsedUpAt { get; set; }

    public string? WhatHappened { get; set; }
}

/// <summary>
/// Read-modify-write of the state file under an exclusive lock file (<c>.lock</c> beside it, FileShare.None,
/// bounded retry), written atomically (temp file + rename). A corrupt file is never overwritten: it is copied
/// to <c>.bad</c> and every operation fails until a person looks at it.
/// </summary>
internal sealed class PoolStateFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowTrailingCommas = false,
    };

    private readonly string _profileName;
    private readonly TimeSpan _lockTimeout;

    public PoolStateFile(string path, string profileName, TimeSpan lockTimeout)
    {
        Path = path;
        LockPath = path + ".lock";
        _profileName = profileName;
        _lockTimeout = lockTimeout;
    }

    public string Path { get; }

    public string LockPath { get; }

    /// <summary>Runs <paramref name="action"/> on the current state under the lock; writes the state back when it says it changed it.</summary>
    public T Update<T>(Func<PoolStateDocument, (T Result, bool Changed)> action)
    {
        using var held = AcquireLock();
        var document = Read();
        var (result, changed) = action(document);
        if (changed)
        {
            document.Profile = _profileName;
            Write(document);
        }

        return result;
    }

    private FileStream AcquireLock()
    {
        var watch = Stopwatch.StartNew();
        var delay = 2;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException ex) when (ex is not DirectoryNotFoundException)
            {
                if (watch.Elapsed >= _lockTimeout)
                {
                    throw new AccountPoolException(
                        $"{Path}: {_lockTimeout.TotalSeconds:0} 秒待ってもロック ({LockPath}) を取れません。別の実行が使用中か、ロックを持ったまま止まっています", ex);
                }

                Thread.Sleep(Random.Shared.Next(1, delay + 1));
                delay = Math.Min(delay * 2, 50);
            }
        }
    }

    private PoolStateDocument Read()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path);
        }
        catch (FileNotFoundException)
        {
            return new PoolStateDocument { Profile = _profileName };
        }

        PoolStateDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<PoolStateDocument>(bytes, Json);
        }
        catch (JsonException ex)
        {
            throw Corrupt(bytes, ex.LineNumber is { } line ? $"{line + 1} 行目: JSON として読めません ({FirstSentence(ex.Message)})" : $"JSON として読めません ({FirstSentence(ex.Message)})", ex);
        }

        var problem = document is null ? "中身が null です" : Validate(document);
        return problem is null ? document! : throw Corrupt(bytes, problem, null);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }

    private static string? Validate(PoolStateDocument document)
    {
        if (document.Version != PoolStateDocument.CurrentVersion)
        {
            return $"version {document.Version} は読めません（{PoolStateDocument.CurrentVersion} だけ）";
        }

        if (document.Accounts is null)
        {
            return "accounts がありません";
        }

        foreach (var (id, entry) in document.Accounts)
        {
            if (entry is null)
            {
                return $"accounts.{id}: 中身が null です";
            }

            if (entry.Status is not (PoolEntry.Leased or PoolEntry.UsedUp))
            {
                return $"accounts.{id}.status: leased か used-up のはずが \"{entry.Status}\" です";
            }

            if (string.IsNullOrEmpty(entry.RunId) || string.IsNullOrEmpty(entry.LeaseId) || string.IsNullOrEmpty(entry.State) || string.IsNullOrEmpty(entry.LoginId))
            {
                return $"accounts.{id}: runId, leaseId, state, loginId のどれかがありません";
            }

            if (entry.Status == PoolEntry.UsedUp && entry.UsedUpAt is null)
            {
                return $"accounts.{id}: used-up なのに usedUpAt がありません";
            }
        }

        return null;
    }

    private AccountPoolException Corrupt(byte[] bytes, string problem, Exception? inner)
    {
        var badCopy = KeepBadCopy(bytes);
        var message = $"{Path}: プールの状態ファイルが壊れています: {problem}。" +
                      $"このファイルは上書きせず、コピーを {badCopy} に残しました。" +
                      "中身を確かめて直すか、どのアカウントも貸出中でないことを確かめてから削除してください（削除すると使用済みの記録も消えます）";
        return inner is null
            ? new AccountPoolException(message) { BadCopyPath = badCopy }
            : new AccountPoolException(message, inner) { BadCopyPath = badCopy };
    }

    /// <summary><c>.bad</c>, or a time-stamped <c>.bad-…</c> when a different corrupt copy is already there.</summary>
    private string KeepBadCopy(byte[] bytes)
    {
        var bad = Path + ".bad";
        if (File.Exists(bad) && !File.ReadAllBytes(bad).AsSpan().SequenceEqual(bytes))
        {
            bad = $"{Path}.bad-{DateTime.UtcNow:yyyyMMddTHHmmssfff}";
        }

        if (!File.Exists(bad))
        {
            File.WriteAllBytes(bad, bytes);
        }

        return bad;
    }

    private void Write(PoolStateDocument document)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document, Json) + "\n");
        var temp = $"{Path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
