using System.Text.Json;
using NUnit.Framework;

namespace Shinkin.Grid.Tests;

[TestFixture]
public sealed class GridTests
{
    // The shape Selenium Grid 4.48's hub answers on GET /status (trimmed): one node, two slots, one of them running a session.
    private const string ReadyWithASession = """
        {
          "value": {
            "ready": true,
            "message": "Selenium Grid ready.",
            "nodes": [
              {
                "id": "2de106a1-4c3e-4ea0-8dba-fb2483876906",
                "uri": "http:\u002f\u002f127.0.0.1:25555",
                "maxSessions": 2,
                "osInfo": { "arch": "amd64", "name": "Linux" },
                "heartbeatPeriod": 60000,
                "availability": "UP",
                "version": "4.48.0 (revision 27f5213)",
                "slots": [
                  {
                    "id": { "hostId": "2de106a1", "id": "22c33b93" },
                    "lastStarted": "2026-12-02T07:30:00Z",
                    "session": {
                      "capabilities": { "browserName": "chrome" },
                      "sessionId": "2c1e249cdea41e427857a7e47f32602d",
                      "start": "2026-12-02T07:30:00Z",
                      "stereotype": { "browserName": "chrome" },
                      "uri": "http:\u002f\u002f127.0.0.1:25555"
                    },
                    "stereotype": { "browserName": "chrome", "platformName": "linux" }
                  },
                  {
                    "id": { "hostId": "2de106a1", "id": "8c90dde1" },
                    "lastStarted": "1970-01-01T00:00:00Z",
                    "session": null,
                    "stereotype": { "browserName": "chrome", "platformName": "linux" }
                  }
                ]
              }
            ]
          }
        }
        """;

    [TestCase("openjdk version \"17.0.15\" 2025-04-15", 17)]
    [TestCase("openjdk version \"21\" 2023-09-19", 21)]
    [TestCase("java version \"1.8.0_402\"", 8)]
    [TestCase("openjdk version \"11.0.22\" 2024-01-16 LTS", 11)]
    public void Reads_the_major_version_of_java_version(string line, int major) =>
        Assert.That(JavaRuntime.ParseMajor(line), Is.EqualTo(major));

    [Test]
    public void A_line_without_a_version_has_no_major() =>
        Assert.That(JavaRuntime.ParseMajor("Picked up JAVA_TOOL_OPTIONS: -Xmx1g"), Is.Null);

    [Test]
    public void Reads_a_ready_hub_its_node_slots_and_running_session()
    {
        var status = GridStatus.Parse(ReadyWithASession);

        Assert.Multiple(() =>
        {
            Assert.That(status.Ready, Is.True);
            Assert.That(status.AcceptsSessions, Is.True);
            Assert.That(status.Message, Is.EqualTo("Selenium Grid ready."));
            Assert.That(status.Nodes.Single().Uri, Is.EqualTo(new Uri("http://127.0.0.1:25555")));
            Assert.That(status.Nodes.Single().Slots, Is.EqualTo(2));
            Assert.That(status.SessionIds, Is.EqualTo(new[] { "2c1e249cdea41e427857a7e47f32602d" }));
        });
    }

    [Test]
    public void A_hub_without_a_node_accepts_no_session()
    {
        var status = GridStatus.Parse("""{"value":{"ready":false,"message":"Selenium Grid not ready.","nodes":[]}}""");

        Assert.That((status.Ready, status.AcceptsSessions, status.Nodes.Count), Is.EqualTo((false, false, 0)));
    }

    [Test]
    public void A_node_that_is_down_accepts_no_session()
    {
        var status = GridStatus.Parse(ReadyWithASession.Replace("\"UP\"", "\"DOWN\"", StringComparison.Ordinal));

        Assert.That(status.AcceptsSessions, Is.False);
    }

    [Test]
    public void The_node_offers_only_the_chromium_it_is_given_and_downloads_nothing()
    {
        var options = new GridOptions
        {
            Jar = "/opt/selenium-server.jar",
            Java = new JavaRuntime("/usr/bin/java", 17, "openjdk version \"17.0.15\""),
            WorkFolder = "/tmp/grid",
            ChromiumPath = "/usr/bin/chromium",
            ChromeDriverPath = "/usr/bin/chromedriver",
            MaxSessions = 3,
        };

        var arguments = LocalGrid.NodeArguments(options);
        var value = (string name) => arguments[arguments.ToList().IndexOf(name) + 1];
        var stereotype = JsonDocument.Parse(arguments.Single(a => a.StartsWith("stereotype=", StringComparison.Ordinal))["stereotype=".Length..]).RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(value("--detect-drivers"), Is.EqualTo("false"), "no driver found on PATH is offered");
            Assert.That(value("--selenium-manager"), Is.EqualTo("false"), "nothing is downloaded");
            Assert.That(value("--max-sessions"), Is.EqualTo("3"));
            Assert.That(arguments, Does.Contain("max-sessions=3").And.Contain("webdriver-executable=/usr/bin/chromedriver"));
            Assert.That(stereotype.GetProperty("browserName").GetString(), Is.EqualTo("chrome"));
            Assert.That(stereotype.GetProperty("goog:chromeOptions").GetProperty("binary").GetString(), Is.EqualTo("/usr/bin/chromium"));
        });
    }

    [Test]
    public void The_embedded_npm_lock_pins_the_jar_by_version_and_integrity()
    {
        using var manifest = JsonDocument.Parse(Embedded("npm/package.json"));
        using var lockFile = JsonDocument.Parse(Embedded("npm/package-lock.json"));
        var locked = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/" + SeleniumServerPackage.Name);

        Assert.Multiple(() =>
        {
            Assert.That(manifest.RootElement.GetProperty("dependencies").GetProperty(SeleniumServerPackage.Name).GetString(), Is.EqualTo(SeleniumServerPackage.Version), "an exact version, no range");
            Assert.That(locked.GetProperty("version").GetString(), Is.EqualTo(SeleniumServerPackage.Version));
            Assert.That(locked.GetProperty("integrity").GetString(), Does.StartWith("sha512-"));
            Assert.That(locked.TryGetProperty("resolved", out _), Is.False, "no registry address is committed");
            Assert.That(SeleniumServerPackage.JarIn("/x"), Does.EndWith($"/x/node_modules/{SeleniumServerPackage.Name}/jar/selenium-server-{SeleniumServerPackage.Version}.jar"));
        });
    }

    private static string Embedded(string name)
    {
        using var stream = typeof(SeleniumServerPackage).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
