using System.Diagnostics;
using System.Globalization;

namespace Shinkin.Targets.Pool;

/// <summary>
/// The account pool of a profile, shared by every run (thread or process) on this machine through the
/// pool-state file beside the profile. An account is handed to one run at a time; a run that used up its
/// state (a first login changed the initial password, …) marks it so, and it is never handed out again
/// until the profile renews it (other state or login id). A killed run's leases stay leased until
/// <see cref="ReleaseRun"/> is called for that run, explicitly.
/// </summary>
public sealed class AccountPool
{
    /// <summary>How long an operation waits for the lock file before it gives up.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Leases older than this are listed by <see cref="ToRenew"/> when no other age is given.</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromHours(12);

    private readonly PoolStateFile _state;
    private readonly TimeProvider _time;

    private AccountPool(TargetProfile profile, TimeProvider time)
    {
        Profile = profile;
        _time = time;
        _state = new PoolStateFile(profile.PoolStatePath, profile.Name, LockTimeout);
    }

    public TargetProfile Profile { get; }

    /// <summary>The pool-state file (<c>&lt;name&gt;.pool-state.json</c> beside the profile).</summary>
    public string StatePath => _state.Path;

    /// <summary>Opens the pool of <paramref name="profile"/>; reads the state file once so that a corrupt one is reported now.</summary>
    public static AccountPool Open(TargetProfile profile) => Open(profile, TimeProvider.System);

    public static AccountPool Open(TargetProfile profile, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(time);
        var pool = new AccountPool(profile, time);
        pool._state.Update(_ => (0, false));
        return pool;
    }

    public LeaseResult Lease(AccountState state, string runId) => Lease(state, null, runId);

    /// <summary>
    /// Hands out the first available account of <paramref name="state"/> (profile order) that
    /// <paramref name="predicate"/> accepts, leased to <paramref name="runId"/>; or a refusal that says why
    /// none is left and what to add to the profile.
    /// </summary>
    public LeaseResult Lease(AccountState state, Func<PoolAccount, bool>? predicate, string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var candidates = Profile.Accounts.Where(a => a.State == state).ToList();
        if (candidates.Count == 0)
        {
            return LeaseResult.Refused($"{Profile.DisplayPath} に {state.ToJsonName()} のアカウントがありません。{Advice(state)}");
        }

        return _state.Update(document =>
        {
            var usedUp = new List<string>();
            var leased = new List<string>();
            var excluded = new List<string>();
            foreach (var account in candidates)
            {
                var entry = Effective(document, account);
                if (entry?.Status == PoolEntry.UsedUp)
                {
                    usedUp.Add($"{account.Id} (run {entry.RunId})");
                }
                else if (entry?.Status == PoolEntry.Leased)
                {
                    leased.Add($"{account.Id} (run {entry.RunId}, {entry.Host} pid {entry.Pid})");
                }
                else if (predicate is not null && !predicate(account))
                {
                    excluded.Add(account.Id);
                }
                else
                {
                    var now = _time.GetUtcNow();
                    var lease = new AccountLease(account, runId, Guid.NewGuid().ToString("N"), now, Environment.MachineName, Environment.ProcessId);
                    document.Accounts[account.Id] = new PoolEntry
                    {
                        Status = PoolEntry.Leased,
                        State = account.State.ToJsonName(),
                        LoginId = account.LoginId,
                        RunId = runId,
                        LeaseId = lease.LeaseId,
                        LeasedAt = now,
                        Host = lease.Host,
                        Pid = lease.ProcessId,
                    };
                    return (LeaseResult.Granted(lease), true);
                }
            }

            var parts = new List<string>();
            if (usedUp.Count > 0)
            {
                parts.Add("使用済み: " + string.Join(", ", usedUp));
            }

            if (leased.Count > 0)
            {
                parts.Add("貸出中: " + string.Join(", ", leased));
            }

            if (excluded.Count > 0)
            {
                parts.Add("条件に合わない: " + string.Join(", ", excluded));
            }

            var what = excluded.Count > 0 ? $"条件に合う {state.ToJsonName()} のアカウント" : $"{state.ToJsonName()} のアカウント";
            var reason = $"{what}が残っていません（{string.Join("; ", parts)}）。{Advice(state)}";
            if (leased.Count > 0)
            {
                reason += "。貸出中のものは、その実行が返すまで使えません（強制終了した実行のリースは、その run id を指定して明示的に解放します）";
            }

            return (LeaseResult.Refused(reason), false);
        });
    }

    private static string Advice(AccountState state) => state switch
    {
        AccountState.MasterInitial => "通知書面の新しい会社をプロファイルに追加してください",
        AccountState.MasterReady => "初回ログインと電子証明書の取得を済ませたマスターユーザーを master-ready としてプロファイルに追加してください",
        _ => "一般ユーザーを登録して電子証明書を取得し、general-ready としてプロファイルに追加してください",
    };

    /// <summary>
    /// The entry that applies to <paramref name="account"/>: a used-up entry written for another state or
    /// login id no longer applies (the profile renewed the account). A lease always applies.
    /// </summary>
    private static PoolEntry? Effective(PoolStateDocument document, PoolAccount account)
    {
        if (!document.Accounts.TryGetValue(account.Id, out var entry))
        {
            return null;
        }

        var renewed = entry.Status == PoolEntry.UsedUp
                      && (entry.State != account.State.ToJsonName() || entry.LoginId != account.LoginId);
        return renewed ? null : entry;
    }

    /// <summary>The run did not change the account: it is available again.</summary>
    public void Return(AccountLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _state.Update(document =>
        {
            RequireHeld(document, lease);
            document.Accounts.Remove(lease.Account.Id);
            return (0, true);
        });
    }

    /// <summary>The run used up the account's state (<paramref name="whatHappened"/>, for the report): never handed out again.</summary>
    public void MarkUsedUp(AccountLease lease, string whatHappened)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentException.ThrowIfNullOrWhiteSpace(whatHappened);
        _state.Update(document =>
        {
            var entry = RequireHeld(document, lease);
            entry.Status = PoolEntry.UsedUp;
            entry.UsedUpAt = _time.GetUtcNow();
            entry.WhatHappened = whatHappened;
            return (0, true);
        });
    }

    private static PoolEntry RequireHeld(PoolStateDocument document, AccountLease lease)
    {
        if (document.Accounts.TryGetValue(lease.Account.Id, out var entry)
            && entry.Status == PoolEntry.Leased
            && entry.LeaseId == lease.LeaseId)
        {
            return entry;
        }

        var now = entry is null
            ? "今は誰にも貸し出されていません"
            : entry.Status == PoolEntry.UsedUp
                ? $"今は使用済みです (run {entry.RunId})"
                : $"今は run {entry.RunId} に貸し出されています";
        throw new AccountPoolException($"{lease.Account.Id} のリース (run {lease.RunId}) はもう有効ではありません（{now}）");
    }

    /// <summary>
    /// Makes every account leased by <paramref name="runId"/> available again (after that run was killed).
    /// Explicit only: nothing calls it on its own. Returns the released account ids.
    /// </summary>
    public IReadOnlyList<string> ReleaseRun(string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return _state.Update(document =>
        {
            var released = document.Accounts
                .Where(e => e.Value.Status == PoolEntry.Leased && e.Value.RunId == runId)
                .Select(e => e.Key)
                .ToList();
            foreach (var id in released)
            {
                document.Accounts.Remove(id);
            }

            return ((IReadOnlyList<string>)released, released.Count > 0);
        });
    }

    /// <summary>
    /// Forgets that <paramref name="accountId"/> was used up (the QA team renewed it without changing its
    /// state or login id, e.g. reset its password to the profile's). Explicit only; a leased account is refused.
    /// Returns false when there was nothing to forget.
    /// </summary>
    public bool ForgetUsedUp(string accountId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        return _state.Update(document =>
        {
            if (!document.Accounts.TryGetValue(accountId, out var entry))
            {
                return (false, false);
            }

            if (entry.Status == PoolEntry.Leased)
            {
                throw new AccountPoolException($"{accountId} は run {entry.RunId} に貸し出し中です（使用済みではありません）");
            }

            document.Accounts.Remove(accountId);
            return (true, true);
        });
    }

    /// <summary>Every account of the profile with its status, in profile order.</summary>
    public IReadOnlyList<AccountStatus> Status() => _state.Update(document =>
    {
        var list = Profile.Accounts.Select(account => Effective(document, account) switch
        {
            null => new AccountStatus(account, PoolAccountStatus.Available, null, null, null, null, null),
            { Status: PoolEntry.Leased } e => new AccountStatus(account, PoolAccountStatus.Leased, e.RunId, e.LeasedAt, e.Host, e.Pid, null),
            var e => new AccountStatus(account, PoolAccountStatus.UsedUp, e.RunId, e.UsedUpAt, e.Host, e.Pid, e.WhatHappened),
        }).ToList();
        return ((IReadOnlyList<AccountStatus>)list, false);
    });

    public IReadOnlyList<RenewalItem> ToRenew() => ToRenew(DefaultStaleAfter);

    /// <summary>
    /// Accounts the QA team has to look at, with the reason (for the report): used-up ones, and leases
    /// older than <paramref name="staleAfter"/> or whose process on this host has ended.
    /// </summary>
    public IReadOnlyList<RenewalItem> ToRenew(TimeSpan staleAfter)
    {
        var now = _time.GetUtcNow();
        return Status().Select(status =>
        {
            var at = status.Since?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            switch (status.Status)
            {
                case PoolAccountStatus.UsedUp:
                    return new RenewalItem(status.Account, status.Status,
                        $"使用済み: {status.WhatHappened} (run {status.RunId}, {at})");
                case PoolAccountStatus.Leased when status.Host == Environment.MachineName && !IsAlive(status.ProcessId!.Value, status.Since!.Value):
                    return new RenewalItem(status.Account, status.Status,
                        $"貸出中のまま、貸し出した実行のプロセスが終了しています (run {status.RunId}, {status.Host} pid {status.ProcessId}, {at} から)。その run id のリースを解放してください");
                case PoolAccountStatus.Leased when now - status.Since!.Value > staleAfter:
                    return new RenewalItem(status.Account, status.Status,
                        $"貸出中のまま {(now - status.Since!.Value).TotalHours:0} 時間経過しています (run {status.RunId}, {status.Host} pid {status.ProcessId}, {at} から)。実行が止まっていればその run id のリースを解放してください");
                default:
                    return null;
            }
        }).OfType<RenewalItem>().ToList();
    }

    /// <summary>Whether process <paramref name="pid"/> of this host is the one that leased at <paramref name="leasedAt"/> (not a reused pid).</summary>
    private static bool IsAlive(int pid, DateTimeOffset leasedAt)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return false;
            }

            return process.StartTime.ToUniversalTime() <= leasedAt.UtcDateTime.AddSeconds(1);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true;
        }
    }
}
