using System.Text.Json;
using Shinkin.Targets.Pool;

namespace Shinkin.Targets.Tests;

public sealed class AccountPoolTests
{
    private TempTarget _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempTarget();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private TargetProfile InitialPool(int count) => TargetProfile.Load(_dir.WriteInitialPool(count));

    [Test]
    public void A_lease_is_recorded_in_the_state_file_beside_the_profile()
    {
        var pool = AccountPool.Open(InitialPool(2));
        var result = pool.Lease(AccountState.MasterInitial, "20261202-101500-ab12");

        Assert.That(result.IsGranted, Is.True, result.Refusal);
        var lease = result.Lease!;
        using var state = JsonDocument.Parse(File.ReadAllText(_dir.PathOf("bank.pool-state.json")));
        var entry = state.RootElement.GetProperty("accounts").GetProperty("m1");
        Assert.Multiple(() =>
        {
            Assert.That(pool.StatePath, Is.EqualTo(_dir.PathOf("bank.pool-state.json")));
            Assert.That(lease.Account.Id, Is.EqualTo("m1"));
            Assert.That(lease.RunId, Is.EqualTo("20261202-101500-ab12"));
            Assert.That(lease.Host, Is.EqualTo(Environment.MachineName));
            Assert.That(lease.ProcessId, Is.EqualTo(Environment.ProcessId));
            Assert.That(entry.GetProperty("status").GetString(), Is.EqualTo("leased"));
            Assert.That(entry.GetProperty("runId").GetString(), Is.EqualTo("20261202-101500-ab12"));
            Assert.That(entry.GetProperty("host").GetString(), Is.EqualTo(Environment.MachineName));
            Assert.That(entry.GetProperty("pid").GetInt32(), Is.EqualTo(Environment.ProcessId));
            Assert.That(entry.GetProperty("leasedAt").GetDateTimeOffset(), Is.EqualTo(lease.LeasedAt));
            Assert.That(state.RootElement.GetProperty("profile").GetString(), Is.EqualTo("bank"));
            Assert.That(state.RootElement.GetProperty("accounts").TryGetProperty("m2", out _), Is.False, "an available account has no entry");
            Assert.That(Directory.GetFiles(_dir.Directory, "*.tmp-*"), Is.Empty, "no temp file is left behind");
        });
    }

    [Test]
    public void Opening_a_pool_writes_nothing()
    {
        AccountPool.Open(InitialPool(1));
        Assert.That(File.Exists(_dir.PathOf("bank.pool-state.json")), Is.False);
    }

    [Test]
    public void A_leased_account_is_not_handed_out_again_even_by_a_new_pool_instance()
    {
        var profile = InitialPool(2);
        var first = AccountPool.Open(profile).Lease(AccountState.MasterInitial, "run-a");
        var second = AccountPool.Open(TargetProfile.Load(profile.FilePath)).Lease(AccountState.MasterInitial, "run-b");
        var third = AccountPool.Open(profile).Lease(AccountState.MasterInitial, "run-c");
        Assert.Multiple(() =>
        {
            Assert.That(first.Lease!.Account.Id, Is.EqualTo("m1"));
            Assert.That(second.Lease!.Account.Id, Is.EqualTo("m2"));
            Assert.That(third.IsGranted, Is.False);
            Assert.That(third.Refusal, Does.StartWith("master-initial のアカウントが残っていません（貸出中: m1 (run run-a, "));
        });
    }

    [Test]
    public void Return_makes_the_account_available_again()
    {
        var pool = AccountPool.Open(InitialPool(1));
        var lease = pool.Lease(AccountState.MasterInitial, "run-a").Lease!;
        pool.Return(lease);
        var again = pool.Lease(AccountState.MasterInitial, "run-b");
        Assert.That(again.Lease?.Account.Id, Is.EqualTo("m1"));
    }

    [Test]
    public void A_used_up_account_is_never_handed_out_again_and_the_refusal_says_what_to_add()
    {
        var profile = InitialPool(1);
        var pool = AccountPool.Open(profile);
        var lease = pool.Lease(AccountState.MasterInitial, "20261202-0930").Lease!;
        pool.MarkUsedUp(lease, "初回ログインで初期パスワードを変更した");

        var fromAnotherProcessLater = AccountPool.Open(TargetProfile.Load(profile.FilePath)).Lease(AccountState.MasterInitial, "20261203-0800");

        Assert.Multiple(() =>
        {
            Assert.That(fromAnotherProcessLater.IsGranted, Is.False);
            Assert.That(fromAnotherProcessLater.Refusal, Is.EqualTo(
                "master-initial のアカウントが残っていません（使用済み: m1 (run 20261202-0930)）。通知書面の新しい会社をプロファイルに追加してください"));
            Assert.That(pool.Status().Single().Status, Is.EqualTo(PoolAccountStatus.UsedUp));
            Assert.That(pool.Status().Single().WhatHappened, Is.EqualTo("初回ログインで初期パスワードを変更した"));
        });
    }

    [TestCase(AccountState.MasterReady, "初回ログインと電子証明書の取得を済ませたマスターユーザーを master-ready としてプロファイルに追加してください")]
    [TestCase(AccountState.GeneralReady, "一般ユーザーを登録して電子証明書を取得し、general-ready としてプロファイルに追加してください")]
    public void A_state_the_profile_has_no_account_of_is_refused_with_advice(AccountState state, string advice)
    {
        var profile = InitialPool(1);
        var result = AccountPool.Open(profile).Lease(state, "run-a");
        Assert.That(result.Refusal, Is.EqualTo($"{profile.DisplayPath} に {state.ToJsonName()} のアカウントがありません。{advice}"));
    }

    [Test]
    public void The_predicate_chooses_among_available_accounts_and_the_refusal_names_the_ones_it_rejected()
    {
        var pool = AccountPool.Open(InitialPool(3));
        var granted = pool.Lease(AccountState.MasterInitial, a => a.LoginId == "d-000002", "run-a");
        var refused = pool.Lease(AccountState.MasterInitial, a => a.LoginId == "d-000002", "run-b");
        Assert.Multiple(() =>
        {
            Assert.That(granted.Lease?.Account.Id, Is.EqualTo("m2"));
            Assert.That(refused.Refusal, Does.StartWith("条件に合う master-initial のアカウントが残っていません（貸出中: m2 (run run-a, "));
            Assert.That(refused.Refusal, Does.Contain("; 条件に合わない: m1, m3）"));
        });
    }

    [Test]
    public void A_lease_that_was_released_cannot_be_returned_or_used_up_by_its_old_holder()
    {
        var pool = AccountPool.Open(InitialPool(1));
        var stale = pool.Lease(AccountState.MasterInitial, "run-a").Lease!;
        Assert.That(pool.ReleaseRun("run-a"), Is.EqualTo(new[] { "m1" }));
        var current = pool.Lease(AccountState.MasterInitial, "run-b").Lease!;

        var returnError = Assert.Throws<AccountPoolException>(() => pool.Return(stale))!;
        var usedUpError = Assert.Throws<AccountPoolException>(() => pool.MarkUsedUp(stale, "x"))!;
        Assert.Multiple(() =>
        {
            Assert.That(returnError.Message, Is.EqualTo("m1 のリース (run run-a) はもう有効ではありません（今は run run-b に貸し出されています）"));
            Assert.That(usedUpError.Message, Is.EqualTo(returnError.Message));
            Assert.That(pool.Status().Single().RunId, Is.EqualTo(current.RunId), "the current lease is untouched");
        });
    }

    [Test]
    public void Returning_twice_is_an_error()
    {
        var pool = AccountPool.Open(InitialPool(1));
        var lease = pool.Lease(AccountState.MasterInitial, "run-a").Lease!;
        pool.Return(lease);
        var error = Assert.Throws<AccountPoolException>(() => pool.Return(lease))!;
        Assert.That(error.Message, Is.EqualTo("m1 のリース (run run-a) はもう有効ではありません（今は誰にも貸し出されていません）"));
    }

    [Test]
    public void Release_of_a_run_frees_only_that_runs_leases_and_never_used_up_ones()
    {
        var pool = AccountPool.Open(InitialPool(4));
        var a1 = pool.Lease(AccountState.MasterInitial, "run-a").Lease!;
        pool.Lease(AccountState.MasterInitial, "run-b");
        pool.Lease(AccountState.MasterInitial, "run-a");
        pool.MarkUsedUp(a1, "初回ログインで初期パスワードを変更した");

        var released = pool.ReleaseRun("run-a");

        Assert.Multiple(() =>
        {
            Assert.That(released, Is.EqualTo(new[] { "m3" }));
            Assert.That(pool.Status().Select(s => s.Status), Is.EqualTo(new[]
            {
                PoolAccountStatus.UsedUp, PoolAccountStatus.Leased, PoolAccountStatus.Available, PoolAccountStatus.Available,
            }));
            Assert.That(pool.ReleaseRun("run-nobody"), Is.Empty);
        });
    }

    [Test]
    public void Status_lists_every_account_in_profile_order()
    {
        var pool = AccountPool.Open(InitialPool(3));
        var lease = pool.Lease(AccountState.MasterInitial, "run-a").Lease!;
        pool.Lease(AccountState.MasterInitial, "run-b");
        pool.MarkUsedUp(lease, "初回ログイン済み");

        var status = pool.Status();

        Assert.Multiple(() =>
        {
            Assert.That(status.Select(s => s.Account.Id), Is.EqualTo(new[] { "m1", "m2", "m3" }));
            Assert.That(status[0], Has.Property("Status").EqualTo(PoolAccountStatus.UsedUp).And.Property("RunId").EqualTo("run-a").And.Property("WhatHappened").EqualTo("初回ログイン済み"));
            Assert.That(status[1], Has.Property("Status").EqualTo(PoolAccountStatus.Leased).And.Property("RunId").EqualTo("run-b").And.Property("ProcessId").EqualTo(Environment.ProcessId));
            Assert.That(status[2], Has.Property("Status").EqualTo(PoolAccountStatus.Available).And.Property("RunId").Null);
        });
    }

    [Test]
    public void To_renew_lists_used_up_and_stale_leases_with_the_reason()
    {
        var time = new ManualTime();
        var pool = AccountPool.Open(InitialPool(3), time);
        var used = pool.Lease(AccountState.MasterInitial, "run-a").Lease!;
        pool.MarkUsedUp(used, "初回ログインで初期パスワードを変更した");
        pool.Lease(AccountState.MasterInitial, "run-b");

        Assert.That(pool.ToRenew().Select(r => r.Account.Id), Is.EqualTo(new[] { "m1" }), "a fresh lease of a live process is not stale");

        time.Now += TimeSpan.FromHours(13);
        var renew = pool.ToRenew();

        Assert.Multiple(() =>
        {
            Assert.That(renew.Select(r => (r.Account.Id, r.Status)), Is.EqualTo(new[] { ("m1", PoolAccountStatus.UsedUp), ("m2", PoolAccountStatus.Leased) }));
            Assert.That(renew[0].Reason, Does.StartWith("使用済み: 初回ログインで初期パスワードを変更した (run run-a, "));
            Assert.That(renew[1].Reason, Does.StartWith("貸出中のまま 13 時間経過しています (run run-b, "));
            Assert.That(pool.ToRenew(TimeSpan.FromDays(1)).Select(r => r.Account.Id), Is.EqualTo(new[] { "m1" }));
        });
    }

    [Test]
    public void A_used_up_account_the_profile_renewed_is_available_again()
    {
        var path = _dir.WriteInitialPool(1);
        var pool = AccountPool.Open(TargetProfile.Load(path));
        pool.MarkUsedUp(pool.Lease(AccountState.MasterInitial, "run-a").Lease!, "初回ログイン済み");

        // The QA team replaced m1 with a new company's 通知書面 (new login id): the old used-up record no longer applies.
        File.WriteAllText(path, File.ReadAllText(path).Replace("d-000001", "d-000777", StringComparison.Ordinal));
        var renewed = AccountPool.Open(TargetProfile.Load(path)).Lease(AccountState.MasterInitial, "run-b");

        Assert.That(renewed.Lease?.Account.LoginId, Is.EqualTo("d-000777"));
    }

    [Test]
    public void Forgetting_a_used_up_account_is_explicit_and_refused_for_a_lease()
    {
        var pool = AccountPool.Open(InitialPool(2));
        pool.MarkUsedUp(pool.Lease(AccountState.MasterInitial, "run-a").Lease!, "パスワード変更");
        pool.Lease(AccountState.MasterInitial, "run-b");

        Assert.Multiple(() =>
        {
            Assert.That(pool.ForgetUsedUp("m1"), Is.True);
            Assert.That(pool.ForgetUsedUp("m1"), Is.False);
            Assert.That(Assert.Throws<AccountPoolException>(() => pool.ForgetUsedUp("m2"))!.Message, Is.EqualTo("m2 は run run-b に貸し出し中です（使用済みではありません）"));
            Assert.That(pool.Lease(AccountState.MasterInitial, "run-c").Lease?.Account.Id, Is.EqualTo("m1"));
        });
    }

    private static IEnumerable<TestCaseData> CorruptStates()
    {
        yield return new TestCaseData("{ \"version\": 1, \"accounts\": { \"m1\": ", "JSON として読めません").SetArgDisplayNames("truncated");
        yield return new TestCaseData("", "JSON として読めません").SetArgDisplayNames("empty");
        yield return new TestCaseData("{ \"version\": 2, \"accounts\": {} }", "version 2 は読めません").SetArgDisplayNames("future version");
        yield return new TestCaseData("{ \"version\": 1, \"accounts\": {}, \"extra\": 1 }", "JSON として読めません").SetArgDisplayNames("unknown property");
        yield return new TestCaseData("""{ "version": 1, "accounts": { "m1": { "status": "lent", "state": "master-initial", "loginId": "d-1", "runId": "r", "leaseId": "l", "leasedAt": "2026-12-02T00:00:00Z", "host": "h", "pid": 1 } } }""",
            "accounts.m1.status: leased か used-up のはずが \"lent\" です").SetArgDisplayNames("unknown status");
        yield return new TestCaseData("""{ "version": 1, "accounts": { "m1": { "status": "leased", "state": "master-initial", "loginId": "d-1", "leasedAt": "2026-12-02T00:00:00Z", "host": "h", "pid": 1 } } }""",
            "accounts.m1: runId, leaseId, state, loginId のどれかがありません").SetArgDisplayNames("lease without run id");
    }

    [TestCaseSource(nameof(CorruptStates))]
    public void A_corrupt_state_file_is_reported_kept_as_a_bad_copy_and_never_overwritten(string content, string problem)
    {
        var profile = InitialPool(1);
        File.WriteAllText(profile.PoolStatePath, content);

        var open = Assert.Throws<AccountPoolException>(() => AccountPool.Open(profile))!;

        Assert.Multiple(() =>
        {
            Assert.That(open.Message, Does.StartWith($"{profile.PoolStatePath}: プールの状態ファイルが壊れています: "));
            Assert.That(open.Message, Does.Contain(problem));
            Assert.That(open.Message, Does.Contain($"このファイルは上書きせず、コピーを {profile.PoolStatePath}.bad に残しました"));
            Assert.That(open.BadCopyPath, Is.EqualTo(profile.PoolStatePath + ".bad"));
            Assert.That(File.ReadAllText(profile.PoolStatePath + ".bad"), Is.EqualTo(content));
            Assert.That(File.ReadAllText(profile.PoolStatePath), Is.EqualTo(content), "the state file is left as it was");
        });
    }

    [Test]
    public void Every_operation_refuses_a_state_file_that_became_corrupt()
    {
        var profile = InitialPool(2);
        var pool = AccountPool.Open(profile);
        var lease = pool.Lease(AccountState.MasterInitial, "run-a").Lease!;
        File.WriteAllText(profile.PoolStatePath, "{ garbage");

        Assert.Multiple(() =>
        {
            Assert.Throws<AccountPoolException>(() => pool.Lease(AccountState.MasterInitial, "run-b"));
            Assert.Throws<AccountPoolException>(() => pool.Return(lease));
            Assert.Throws<AccountPoolException>(() => pool.MarkUsedUp(lease, "x"));
            Assert.Throws<AccountPoolException>(() => pool.Status());
            Assert.Throws<AccountPoolException>(() => pool.ReleaseRun("run-a"));
            Assert.That(File.ReadAllText(profile.PoolStatePath), Is.EqualTo("{ garbage"));
        });
    }

    [Test]
    public void A_second_different_corrupt_file_gets_its_own_bad_copy()
    {
        var profile = InitialPool(1);
        File.WriteAllText(profile.PoolStatePath, "first");
        Assert.Throws<AccountPoolException>(() => AccountPool.Open(profile));
        File.WriteAllText(profile.PoolStatePath, "second");
        var error = Assert.Throws<AccountPoolException>(() => AccountPool.Open(profile))!;
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(profile.PoolStatePath + ".bad"), Is.EqualTo("first"));
            Assert.That(error.BadCopyPath, Does.StartWith(profile.PoolStatePath + ".bad-"));
            Assert.That(File.ReadAllText(error.BadCopyPath!), Is.EqualTo("second"));
        });
    }

    [Test]
    public void Arguments_are_checked()
    {
        var pool = AccountPool.Open(InitialPool(1));
        var lease = pool.Lease(AccountState.MasterInitial, "run-a").Lease!;
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentException>(() => pool.Lease(AccountState.MasterInitial, " "));
            Assert.Throws<ArgumentException>(() => pool.MarkUsedUp(lease, ""));
            Assert.Throws<ArgumentException>(() => pool.ReleaseRun(""));
        });
    }
}
