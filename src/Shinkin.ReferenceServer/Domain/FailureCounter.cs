using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Shinkin.ReferenceServer.Data;

namespace Shinkin.ReferenceServer.Domain;

/// <summary>Which pair of columns of <c>Users</c> counts failures and holds the lock.</summary>
public enum FailureKind
{
    LoginPassword,
    ApprovalPassword,
}

/// <summary>The outcome of counting one failure: the count after it, and whether this very failure set the lock.</summary>
public readonly record struct CountedFailure(int Count, bool LockedNow, bool AlreadyLocked);

/// <summary>
/// Counts failed password checks in one SQL statement (<c>UPDATE … SET n = n + 1 … RETURNING</c>), so parallel
/// requests can neither lose a count nor collide on the row's <c>Version</c> (which guards forms, not counters):
/// the failure that reaches the threshold sets the lock, every later one finds the row locked and counts nothing.
/// </summary>
public static class FailureCounter
{
    public static async Task<CountedFailure> CountAsync(ShinkinDbContext db, CustomerUser user, FailureKind kind, int threshold, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var (count, locked) = Columns(kind);
        var sql = $"""
            UPDATE "Users" SET "{count}" = "{count}" + 1,
                "{locked}" = CASE WHEN "{count}" + 1 >= $threshold THEN $now ELSE NULL END
            WHERE "Id" = $id AND "{locked}" IS NULL
            RETURNING "{count}", "{locked}" IS NOT NULL
            """;
        var result = await QuerySingleAsync(db, sql, cancellationToken, ("$threshold", threshold), ("$now", now), ("$id", user.Id));
        await RefreshAsync(db, user, cancellationToken);
        return result is { } row
            ? new CountedFailure(row.Count, row.Locked, AlreadyLocked: false)
            : new CountedFailure(kind == FailureKind.LoginPassword ? user.FailedLoginCount : user.FailedApprovalCount, false, AlreadyLocked: true);
    }

    /// <summary>A right password: the count goes back to 0, unless a parallel failure locked the row meanwhile (then false).</summary>
    public static async Task<bool> ResetAsync(ShinkinDbContext db, CustomerUser user, FailureKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var (count, locked) = Columns(kind);
        var sql = $"""UPDATE "Users" SET "{count}" = 0 WHERE "Id" = $id AND "{locked}" IS NULL RETURNING 0, 0""";
        var result = await QuerySingleAsync(db, sql, cancellationToken, ("$id", user.Id));
        await RefreshAsync(db, user, cancellationToken);
        return result is not null;
    }

    private static (string Count, string Locked) Columns(FailureKind kind) => kind switch
    {
        FailureKind.LoginPassword => (nameof(CustomerUser.FailedLoginCount), nameof(CustomerUser.LoginLockedAt)),
        _ => (nameof(CustomerUser.FailedApprovalCount), nameof(CustomerUser.ApprovalLockedAt)),
    };

    private static async Task<(int Count, bool Locked)?> QuerySingleAsync(ShinkinDbContext db, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            (int, bool)? row = null;
            if (await reader.ReadAsync(cancellationToken))
            {
                row = (reader.GetInt32(0), reader.GetInt64(1) != 0);
            }

            return row;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The tracked user takes the counter columns as stored, without becoming modified.</summary>
    private static async Task RefreshAsync(ShinkinDbContext db, CustomerUser user, CancellationToken cancellationToken)
    {
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
            .Select(u => new { u.FailedLoginCount, u.LoginLockedAt, u.FailedApprovalCount, u.ApprovalLockedAt })
            .SingleAsync(cancellationToken);
        var entry = db.Entry(user);
        if (entry.State == EntityState.Detached)
        {
            user.FailedLoginCount = stored.FailedLoginCount;
            user.LoginLockedAt = stored.LoginLockedAt;
            user.FailedApprovalCount = stored.FailedApprovalCount;
            user.ApprovalLockedAt = stored.ApprovalLockedAt;
            return;
        }

        void Set<T>(System.Linq.Expressions.Expression<Func<CustomerUser, T>> property, T value)
        {
            var p = entry.Property(property);
            p.CurrentValue = value;
            p.OriginalValue = value;
            p.IsModified = false;
        }

        Set(u => u.FailedLoginCount, stored.FailedLoginCount);
        Set(u => u.LoginLockedAt, stored.LoginLockedAt);
        Set(u => u.FailedApprovalCount, stored.FailedApprovalCount);
        Set(u => u.ApprovalLockedAt, stored.ApprovalLockedAt);
    }
}
