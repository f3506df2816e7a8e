using System.Text.Json;
using Shinkin.EnvironmentCheck.Checks;
using Shinkin.EnvironmentCheck.Output;
using static Shinkin.EnvironmentCheck.Tests.Fixture;

namespace Shinkin.EnvironmentCheck.Tests;

public sealed class JsonContractTests
{
    private static readonly string[] VerdictValues = ["pass", "fail", "na"];

    private static IEnumerable<TestCaseData> AllFixtures() => Fixture.All.Select(f => new TestCaseData((object)f).SetName("json " + f[0]));

    [TestCaseSource(nameof(AllFixtures))]
    public async Task Every_control_has_id_actual_source_and_verdicts(string[] files)
    {
        var report = EnvironmentChecker.Check(await LoadAsync(files));
        using var json = JsonDocument.Parse(JsonReportWriter.Write(report, CheckProfile.Manual));
        var controls = json.RootElement.GetProperty("controls").EnumerateArray().ToList();
        Assert.That(controls.Select(c => c.GetProperty("id").GetString()), Is.EqualTo(ControlIds.All));
        foreach (var control in controls)
        {
            var id = control.GetProperty("id").GetString()!;
            Assert.Multiple(() =>
            {
                Assert.That(control.TryGetProperty("actual", out var actual), Is.True, id);
                Assert.That(actual.ValueKind, Is.AnyOf(JsonValueKind.Number, JsonValueKind.True, JsonValueKind.False, JsonValueKind.Null), id);
                Assert.That(control.GetProperty("source").ValueKind, Is.AnyOf(JsonValueKind.String, JsonValueKind.Null), id);
                Assert.That(control.GetProperty("verdicts").GetProperty("manual").GetString(), Is.EqualTo(report[id].Manual.Verdict.JsonName()).And.AnyOf(VerdictValues), id);
                Assert.That(control.GetProperty("verdicts").GetProperty("secure").GetString(), Is.EqualTo(report[id].Secure.Verdict.JsonName()).And.AnyOf(VerdictValues), id);
            });
        }

        var summary = json.RootElement.GetProperty("summary");
        Assert.Multiple(() =>
        {
            Assert.That(summary.GetProperty("manual").GetString(), Is.EqualTo(report.Overall(CheckProfile.Manual).JsonName()));
            Assert.That(summary.GetProperty("secure").GetString(), Is.EqualTo(report.Overall(CheckProfile.Secure).JsonName()));
        });
    }

    [Test]
    public async Task Json_values_for_a_gpo_managed_pc()
    {
        var report = EnvironmentChecker.Check(await LoadAsync(GpoManaged));
        using var json = JsonDocument.Parse(JsonReportWriter.Write(report, CheckProfile.Secure));
        var ssl3 = json.RootElement.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == ControlIds.Ssl3);
        var proxy = json.RootElement.GetProperty("controls").EnumerateArray().Single(c => c.GetProperty("id").GetString() == ControlIds.ProxyHttp11);
        Assert.Multiple(() =>
        {
            Assert.That(ssl3.GetProperty("actual").GetBoolean(), Is.False);
            Assert.That(ssl3.GetProperty("source").GetString(), Is.EqualTo(@"HKLM\" + PolKey + " : SecureProtocols"));
            Assert.That(ssl3.GetProperty("sourceLayer").GetString(), Is.EqualTo("machinePolicy"));
            Assert.That(ssl3.GetProperty("overridden")[0].GetProperty("value").GetString(), Is.EqualTo("2720 (0x00000aa0)"));
            Assert.That(ssl3.GetProperty("disagreement").GetString(), Does.Contain("RFC 7568"));
            Assert.That(proxy.GetProperty("actual").GetInt64(), Is.EqualTo(0));
            Assert.That(json.RootElement.GetProperty("summary").GetProperty("selected").GetString(), Is.EqualTo("secure"));
            Assert.That(json.RootElement.GetProperty("summary").GetProperty("exitCode").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Japanese_text_is_written_unescaped()
    {
        var report = EnvironmentChecker.Check(await LoadAsync(Hardened));
        Assert.That(JsonReportWriter.Write(report, CheckProfile.Manual), Does.Contain("信頼済みサイト"));
    }
}
