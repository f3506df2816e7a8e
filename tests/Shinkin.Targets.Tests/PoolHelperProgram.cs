using Shinkin.Targets.Pool;

namespace Shinkin.Targets.Tests;

/// <summary>
/// Entry point of this test assembly (GenerateProgramFile is off): <see cref="ParallelLeaseTests"/> starts it
/// with <c>dotnet Shinkin.Targets.Tests.dll</c> as another process that races for accounts. Test runners
/// never call it.
/// <list type="bullet">
/// <item><c>lease-all PROFILE RUN_ID GO_FILE</c>: prints READY, waits for GO_FILE, leases master-initial accounts until refused, printing LEASED id.</item>
/// <item><c>lease-and-hang PROFILE RUN_ID</c>: leases one account, prints LEASED id and sleeps until killed (at most 2 minutes).</item>
/// </list>
/// </summary>
public static class PoolHelperProgram
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: lease-all PROFILE RUN_ID GO_FILE | lease-and-hang PROFILE RUN_ID");
            return 2;
        }

        var pool = AccountPool.Open(TargetProfile.Load(args[1]));
        switch (args[0])
        {
            case "lease-all" when args.Length == 4:
                Console.WriteLine("READY");
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (!File.Exists(args[3]) && DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(5);
                }

                while (pool.Lease(AccountState.MasterInitial, args[2]) is { IsGranted: true } result)
                {
                    Console.WriteLine("LEASED " + result.Lease.Account.Id);
                }

                Console.WriteLine("DONE");
                return 0;
            case "lease-and-hang":
                var lease = pool.Lease(AccountState.MasterInitial, args[2]);
                Console.WriteLine(lease.IsGranted ? "LEASED " + lease.Lease.Account.Id : "REFUSED " + lease.Refusal);
                Thread.Sleep(TimeSpan.FromMinutes(2));
                return 0;
            default:
                Console.Error.WriteLine("unknown mode " + args[0]);
                return 2;
        }
    }
}
