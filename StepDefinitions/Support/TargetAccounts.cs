using Shinkin.PageObjects.Pages;
using Shinkin.ReferenceServer;
using Shinkin.Targets;
using Shinkin.Targets.Pool;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// The scenario's accounts from the target profile's pool, for a target without the test-data API. Leased when a
/// 前提 needs a master, handed back at the end of the scenario (Reqnroll disposes scenario objects): a master fresh
/// from the bank is marked used up, since its first login or certificate cannot be undone; a ready master returns.
/// </summary>
public sealed class TargetAccounts : IDisposable
{
    private readonly RunEnvironment run;
    private readonly EngineGaps gaps;
    private readonly List<(AccountLease Lease, UserAccount User)> leases = [];

    public TargetAccounts(RunEnvironment run, EngineGaps gaps)
    {
        this.run = run;
        this.gaps = gaps;
    }

    /// <summary>Why a scenario cannot get what its 前提 needs on this target (対象外).</summary>
    public static string NoTestDataApi(string what) =>
        $"対象外: 試験対象に試験データ API（capabilities.testDataApi）がないため、{what}を用意できません。アカウントプールで用意できる前提はマスターユーザ（master-initial / master-ready）だけです。";

    /// <summary>A master from the pool: fresh from the bank (通知書面) or ready (passwords set, certificate file).</summary>
    public UserAccount LeaseMaster(bool ready, CompanyContext company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var state = ready ? AccountState.MasterReady : AccountState.MasterInitial;
        var pool = run.Pool;
        if (pool is null)
        {
            gaps.Declare(NoTestDataApi($"マスターユーザ（{state.ToJsonName()}）") + " プロファイルの accounts にアカウントを追加してください。");
        }

        var result = pool.Lease(state, run.RunId);
        if (!result.IsGranted)
        {
            gaps.Declare("対象外: " + result.Refusal);
        }

        var account = result.Lease.Account;
        var notice = new CompanyNotice
        {
            CompanyNumber = account.Id,
            CompanyName = account.CompanyName ?? account.Id,
            MasterLoginId = account.LoginId,
            InitialPassword = account.InitialPassword ?? account.LoginPassword ?? "",
            // The pool knows only the numbers the screens show; the reference server's ids stay unknown (label mode).
            Accounts = account.AccountNumbers.Select(number => new AccountInfo(0, "", "", "", number)).ToList(),
        };
        var master = ready
            ? company.RegisterMaster(notice, account.LoginPassword, account.ApprovalPassword)
            : company.RegisterMaster(notice);
        if (ready && account.Pkcs12File is { } pfx)
        {
            master.Certificate = new AcquiredCertificate(pfx, Path.GetFileName(pfx), account.Pkcs12Password ?? "");
        }

        lock (leases)
        {
            leases.Add((result.Lease, master));
        }

        return master;
    }

    public void Dispose()
    {
        lock (leases)
        {
            foreach (var (lease, user) in leases)
            {
                var account = lease.Account;
                if (account.State == AccountState.MasterInitial && Changed(user))
                {
                    var state = LeftIn(user);
                    run.Pool!.MarkUsedUp(lease, state);
                    run.NoteAccount($"{account.Id} ({account.LoginId}, {account.State.ToJsonName()}): 使用済み — {state}");
                }
                else
                {
                    run.Pool!.Return(lease);
                    run.NoteAccount($"{account.Id} ({account.LoginId}, {account.State.ToJsonName()}): 使用後に返却");
                }
            }

            leases.Clear();
        }
    }

    /// <summary>A certificate acquired or a password changed cannot be undone; a refused attempt leaves the account fresh.</summary>
    private static bool Changed(UserAccount user) =>
        user.Certificate is not null || user.LoginPassword != user.InitialPassword || user.ApprovalPassword is not null;

    /// <summary>The state the scenario left a fresh master in, in words a QA team can renew it from.</summary>
    private static string LeftIn(UserAccount user)
    {
        var parts = new List<string>
        {
            user.Certificate is null ? "電子証明書は未取得" : "電子証明書を取得済み",
            user.LoginPassword == user.InitialPassword ? "ログインパスワードは初期のまま" : $"ログインパスワードを {user.LoginPassword} に変更済み",
        };
        if (user.ApprovalPassword is { } approval)
        {
            parts.Add($"承認パスワード {approval} を設定済み");
        }

        return string.Join("、", parts);
    }
}
