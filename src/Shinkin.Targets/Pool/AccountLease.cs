using System.Diagnostics.CodeAnalysis;

namespace Shinkin.Targets.Pool;

/// <summary>An account handed to one run. Give it back with <see cref="AccountPool.Return"/> or <see cref="AccountPool.MarkUsedUp"/>.</summary>
public sealed class AccountLease
{
    internal AccountLease(PoolAccount account, string runId, string leaseId, DateTimeOffset leasedAt, string host, int processId)
    {
        Account = account;
        RunId = runId;
        LeaseId = leaseId;
        LeasedAt = leasedAt;
        Host = host;
        ProcessId = processId;
    }

    public PoolAccount Account { get; }

    public string RunId { get; }

    /// <summary>Unique per lease: a lease released by <see cref="AccountPool.ReleaseRun"/> and handed out again is a different lease.</summary>
    public string LeaseId { get; }

    public DateTimeOffset LeasedAt { get; }

    public string Host { get; }

    public int ProcessId { get; }

    public override string ToString() => $"{Account.Id} (run {RunId})";
}

/// <summary>The answer of <see cref="AccountPool.Lease(AccountState, Func{PoolAccount, bool}?, string)"/>: a lease, or why there is none.</summary>
public sealed class LeaseResult
{
    private LeaseResult(AccountLease? lease, string? refusal)
    {
        Lease = lease;
        Refusal = refusal;
    }

    public AccountLease? Lease { get; }

    /// <summary>Why no account was handed out (Japanese, says what to add to the profile).</summary>
    public string? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Lease))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool IsGranted => Lease is not null;

    internal static LeaseResult Granted(AccountLease lease) => new(lease, null);

    internal static LeaseResult Refused(string reason) => new(null, reason);

    public override string ToString() => IsGranted ? $"granted {Lease}" : $"refused: {Refusal}";
}

public enum PoolAccountStatus
{
    Available,
    Leased,
    UsedUp,
}

/// <summary>One account of the pool with its status (<see cref="AccountPool.Status"/>).</summary>
public sealed record AccountStatus(
    PoolAccount Account,
    PoolAccountStatus Status,
    string? RunId,
    DateTimeOffset? Since,
    string? Host,
    int? ProcessId,
    string? WhatHappened);

/// <summary>An account the bank QA team has to renew, with why (<see cref="AccountPool.ToRenew"/>).</summary>
public sealed record RenewalItem(PoolAccount Account, PoolAccountStatus Status, string Reason);

/// <summary>The pool-state file cannot be used (corrupt, locked too long) or a lease is no longer valid.</summary>
public sealed class AccountPoolException : Exception
{
    public AccountPoolException()
    {
    }

    public AccountPoolException(string message)
        : base(message)
    {
    }

    public AccountPoolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Where the corrupt state file was copied (null when the problem is not a corrupt file).</summary>
    public string? BadCopyPath { get; init; }
}
