using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Shinkin.ReferenceServer;
using Shinkin.Repository;

namespace Shinkin.Cli.Tests;

/// <summary>
/// A run driven only by a target profile with an account pool, against a reference server without test hooks and
/// without its test-data API key: companies are onboarded as `serve --onboard` does, the features run as child
/// test runs, and a second run is refused the accounts the first one used up.
/// </summary>
[TestFixture]
[Category("profile-run")]
[NonParallelizable]
public sealed class TargetProfileRunTests
{
    /// <summary>
    /// Chapter 2's procedures, one scenario or outline per procedure, so a pool master passes through every stage
    /// (initial → certificate → password changed → approval password set → ready) without the API. The invalid-input
    /// variants and the end-to-end chain add no pool behaviour and run in the main feature pass.
    /// </summary>
    private const string Chapter2 =
        "(TestCategory=manual:2-1|TestCategory=manual:2-2|TestCategory=manual:2-3|TestCategory=manual:2-4|TestCategory=manual:2-5)&TestCategory!=e2e";
    private DirectoryInfo folder = null!;

    [SetUp]
    public void CreateFolder() => folder = InspectableFolder.Create("shinkin-profile-run-");

    [TearDown]
    public void RemoveFolder() => InspectableFolder.Release(folder);

    [Test]
    public async Task A_pool_profile_runs_readonly_and_chapter_2_then_refuses_the_used_accounts()
    {
        await using var server = await ReferenceServerHost.StartAsync(new ReferenceServerOptions
        {
            DataDirectory = Path.Combine(folder.FullName, "server"),
            TestHooks = false,
        });
        var accounts = new JsonArray();
        for (var i = 1; i <= 16; i++)
        {
            var notice = await server.OnboardCompanyAsync(new OnboardRequest { CompanyName = $"プール商事{i}" });
            accounts.Add(new JsonObject
            {
                ["id"] = $"m{i}",
                ["state"] = "master-initial",
                ["loginId"] = notice.MasterLoginId,
                ["initialPassword"] = notice.InitialPassword,
                ["companyName"] = notice.CompanyName,
                ["accountNumbers"] = new JsonArray(notice.Accounts.Select(a => (JsonNode)a.AccountNumber).ToArray()),
            });
        }

        var profile = Path.Combine(folder.FullName, "bank.json");
        WriteProfile(profile, server, accounts);

        var first = await RunFeaturesAsync(profile, $"TestCategory=readonly|({Chapter2})", "run1");
        var usedUp = ReadPoolState(profile).Where(a => a.Status == "used-up").Select(a => a.Id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(first.Where(s => s.IsChapter2).Select(s => $"{s.Scenario}: {s.Outcome} {s.Why}"), Has.All.Contains(": Passed"), "chapter 2 from the pool");
            Assert.That(first.Count(s => s.IsChapter2), Is.GreaterThanOrEqualTo(8), "2-1, 2-2, 2-2:1-2, 2-3 ×2, 2-4 ×2, 2-5");
            var needsReadyMaster = first.Where(s => !s.IsChapter2).ToList();
            Assert.That(needsReadyMaster, Is.Not.Empty, "readonly scenarios outside chapter 2");
            Assert.That(needsReadyMaster.Select(s => s.Outcome), Has.All.EqualTo("Skipped"), "no master-ready account in the pool: 対象外");
            Assert.That(needsReadyMaster.Select(s => s.Why), Has.All.Contains("master-ready"));
            Assert.That(usedUp, Is.Not.Empty, "accounts whose first login a run used up");
        });

        // The QA team's next run with only the used-up accounts left: refused with a message naming them.
        var remaining = new JsonArray(accounts.Where(a => usedUp.Contains((string)a!["id"]!)).Select(a => a!.DeepClone()).ToArray());
        WriteProfile(profile, server, remaining);
        var second = await RunFeaturesAsync(profile, "FullyQualifiedName~マスターユーザが電子証明書を取得する", "run2");
        Assert.Multiple(() =>
        {
            Assert.That(second, Has.Count.EqualTo(1));
            Assert.That(second[0].Outcome, Is.EqualTo("Skipped"));
            Assert.That(second[0].Why, Does.Contain("master-initial").And.Contain(usedUp[0]).And.Contain("run1"));
        });
    }

    private static void WriteProfile(string path, RunningReferenceServer server, JsonArray accounts)
    {
        var profile = new JsonObject
        {
            ["name"] = "bank",
            ["publicUrl"] = server.PublicUrl.ToString(),
            ["certificateUrl"] = server.CertificateUrl.ToString(),
            ["trust"] = new JsonObject { ["caFile"] = server.CaCertificatePemPath },
            ["capabilities"] = new JsonObject { ["testDataApi"] = false, ["backOffice"] = false },
            ["accounts"] = accounts.DeepClone(),
        };
        File.WriteAllText(path, profile.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static List<(string Id, string Status)> ReadPoolState(string profile)
    {
        var state = Path.ChangeExtension(profile, null) + ".pool-state.json";
        var text = File.ReadAllText(state);
        var found = new List<(string, string)>();
        using var doc = JsonDocument.Parse(text);
        foreach (var account in doc.RootElement.GetProperty("accounts").EnumerateObject())
        {
            found.Add((account.Name, account.Value.GetProperty("status").GetString() ?? ""));
        }

        return found;
    }

    private async Task<List<ScenarioResult>> RunFeaturesAsync(string profile, string filter, string runName)
    {
        var root = RepositoryRoot.Path;
        var runDir = Path.Combine(folder.FullName, runName);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "test", Path.Combine(root, "Features", "Shinkin.Features.csproj"), "--no-build", "--nologo",
                "-c", Configuration, "--filter", filter, "--", "NUnit.NumberOfTestWorkers=2",
            },
        };
        foreach (var name in new[] { "SHINKIN_TARGET", "SHINKIN_TARGET_CERT_URL", "SHINKIN_BACKOFFICE_KEY", "SHINKIN_SHARD", "SHINKIN_FILTER", "SHINKIN_DRY_RUN", "REQNROLL_FORMATTERS_HTML", "REQNROLL_FORMATTERS_MESSAGE" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["SHINKIN_RUN_DIR"] = runDir;
        start.Environment["SHINKIN_TARGET_PROFILE"] = profile;
        start.Environment["SHINKIN_LOCATORS"] = "labels";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        await process.WaitForExitAsync(timeout.Token);
        TestContext.Out.WriteLine((await output)[^Math.Min(4000, (await output).Length)..]);
        TestContext.Out.WriteLine(await errors);

        var records = Directory.Exists(Path.Combine(runDir, "scenarios"))
            ? Directory.GetFiles(Path.Combine(runDir, "scenarios"), "*.json")
            : [];
        return records.Select(f =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(f));
            var r = doc.RootElement;
            var feature = r.GetProperty("FeatureFile").GetString() ?? "";
            var why = r.TryGetProperty("SkipReason", out var skip) && skip.ValueKind == JsonValueKind.String ? skip.GetString()!
                : r.TryGetProperty("Error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString()! : "";
            return new ScenarioResult(r.GetProperty("Scenario").GetString() ?? "", r.GetProperty("Outcome").GetString() ?? "", why, feature.Contains("02_master", StringComparison.Ordinal));
        }).ToList();
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private sealed record ScenarioResult(string Scenario, string Outcome, string Why, bool IsChapter2);
}
