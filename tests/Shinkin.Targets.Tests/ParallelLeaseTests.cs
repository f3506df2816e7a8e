using System.Collections.Concurrent;
using System.Diagnostics;
using Shinkin.Targets.Pool;

namespace Shinkin.Targets.Tests;

/// <summary>Runs in parallel (threads, processes) never get the same account; a killed run's lease is not reissued.</summary>
public sealed class ParallelLeaseTests
{
    private TempTarget _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempTarget();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Threads_with_their_own_pool_instances_never_get_the_same_account()
    {
        const int Accounts = 40;
        const int Threads = 8;
        var path = _dir.WriteInitialPool(Accounts);
        var leased = new ConcurrentBag<(string Run, string Id)>();
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var pool = AccountPool.Open(TargetProfile.Load(path));
            start.SignalAndWait();
            while (pool.Lease(AccountState.MasterInitial, $"thread-{t}") is { IsGranted: true } result)
            {
                leased.Add(($"thread-{t}", result.Lease.Account.Id));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var ids = leased.Select(l => l.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Has.Count.EqualTo(Accounts));
            Assert.That(RunsInStateFile(path), Is.EquivalentTo(leased.Select(l => $"{l.Id}={l.Run}")));
        });
    }

    [Test]
    public void Two_processes_never_get_the_same_account()
    {
        const int Accounts = 60;
        var path = _dir.WriteInitialPool(Accounts);
        var go = _dir.PathOf("go");
        var helpers = new[] { StartHelper("lease-all", path, "proc-a", go), StartHelper("lease-all", path, "proc-b", go) };
        try
        {
            foreach (var helper in helpers)
            {
                Assert.That(helper.StandardOutput.ReadLine(), Is.EqualTo("READY"));
            }

            File.WriteAllText(go, "");
            var outputs = helpers.Select(h => (Run: h.StartInfo.ArgumentList[3], Lines: ReadToEnd(h))).ToList();

            var leased = outputs.SelectMany(o => o.Lines.Where(l => l.StartsWith("LEASED ", StringComparison.Ordinal)).Select(l => (o.Run, Id: l["LEASED ".Length..]))).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(helpers.Select(h => h.ExitCode), Is.All.EqualTo(0), string.Join("\n", outputs.SelectMany(o => o.Lines)));
                Assert.That(outputs.Select(o => o.Lines.Last()), Is.All.EqualTo("DONE"));
                Assert.That(leased.Select(l => l.Id), Is.Unique);
                Assert.That(leased, Has.Count.EqualTo(Accounts));
                Assert.That(RunsInStateFile(path), Is.EquivalentTo(leased.Select(l => $"{l.Id}={l.Run}")));
            });
        }
        finally
        {
            foreach (var helper in helpers)
            {
                Stop(helper);
            }
        }
    }

    [Test]
    public void A_killed_runs_lease_stays_leased_and_is_not_reissued_until_released_explicitly()
    {
        var path = _dir.WriteInitialPool(2);
        var helper = StartHelper("lease-and-hang", path, "killed-run");
        int pid;
        try
        {
            Assert.That(helper.StandardOutput.ReadLine(), Is.EqualTo("LEASED m1"));
            pid = helper.Id;
        }
        finally
        {
            Stop(helper);
        }

        var pool = AccountPool.Open(TargetProfile.Load(path));
        var next = pool.Lease(AccountState.MasterInitial, "next-run");
        var refused = pool.Lease(AccountState.MasterInitial, "next-run");
        var renew = pool.ToRenew();

        Assert.Multiple(() =>
        {
            Assert.That(next.Lease?.Account.Id, Is.EqualTo("m2"), "m1 is still leased by the killed run");
            Assert.That(refused.Refusal, Does.Contain($"貸出中: m1 (run killed-run, {Environment.MachineName} pid {pid})"));
            Assert.That(renew.Select(r => r.Account.Id), Is.EqualTo(new[] { "m1" }), "only the dead process's lease is stale");
            Assert.That(renew[0].Reason, Does.StartWith($"貸出中のまま、貸し出した実行のプロセスが終了しています (run killed-run, {Environment.MachineName} pid {pid}, "));
        });

        Assert.That(pool.ReleaseRun("killed-run"), Is.EqualTo(new[] { "m1" }));
        Assert.That(pool.Lease(AccountState.MasterInitial, "after-release").Lease?.Account.Id, Is.EqualTo("m1"));
    }

    private static List<string> RunsInStateFile(string profilePath)
    {
        var pool = AccountPool.Open(TargetProfile.Load(profilePath));
        return pool.Status().Where(s => s.Status == PoolAccountStatus.Leased).Select(s => $"{s.Account.Id}={s.RunId}").ToList();
    }

    private static Process StartHelper(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(typeof(PoolHelperProgram).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static List<string> ReadToEnd(Process process)
    {
        var lines = new List<string>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        if (!process.WaitForExit(60_000))
        {
            Assert.Fail("helper process did not finish: " + process.StandardError.ReadToEnd());
        }

        return lines;
    }

    private static void Stop(Process process)
    {
        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10_000);
            }
        }
    }
}
