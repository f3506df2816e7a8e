using System.Text.Json;
using NUnit.Framework;

namespace Shinkin.Settings.Tests;

public sealed class RunSettingsFileTests
{
    private DirectoryInfo folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("shinkin-settings-");

    [TearDown]
    public void RemoveFolder() => folder.Delete(recursive: true);

    private RunSettings Sample() => new()
    {
        RunDirectory = folder.FullName,
        Tags = "master&!slow",
        Filter = "(TestCategory=master&TestCategory!=slow)",
        Shard = "2/3",
        Workers = 3,
        Retries = 2,
        DryRun = true,
        Target = new Uri("https://bank.example/"),
        BackOfficeKey = "secret-key",
        Locators = LocatorMode.TestIds,
        A11y = A11yMode.Enforce,
        Browser = new BrowserOptions { Engine = BrowserEngine.EdgeIeMode, Headless = false, GridUrl = new Uri("http://grid:4444/") },
    };

    [Test]
    public void The_test_host_reads_back_what_the_command_line_wrote()
    {
        RunSettingsFile.Write(Sample());

        var read = TestHostSettings.Load(name => name == SettingsEnvironment.RunDirectory ? folder.FullName : null);

        Assert.That(read, Is.EqualTo(Sample() with { BackOfficeKey = null }));
    }

    [Test]
    public void Retries_are_written_into_run_json()
    {
        RunSettingsFile.Write(Sample());

        using var document = JsonDocument.Parse(File.ReadAllText(RunSettingsFile.PathIn(folder.FullName)));

        Assert.That(document.RootElement.GetProperty(RunSettingsFile.Section).GetProperty("Retries").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void A_stop_request_carries_its_reason_to_the_test_host()
    {
        Assert.That(RunStopRequest.Read(folder.FullName), Is.Null, "no request, no reason");

        RunStopRequest.Write(folder.FullName, "SIGINT (Ctrl+C)");

        Assert.That(RunStopRequest.Read(folder.FullName), Is.EqualTo("SIGINT (Ctrl+C)"));
    }

    [Test]
    public void The_secret_key_is_never_written_but_still_reaches_the_test_host()
    {
        RunSettingsFile.Write(Sample());
        var text = File.ReadAllText(RunSettingsFile.PathIn(folder.FullName));

        var read = TestHostSettings.Load(name => name switch
        {
            SettingsEnvironment.RunDirectory => folder.FullName,
            SettingsEnvironment.BackOfficeKey => "secret-key",
            SettingsEnvironment.Engine => "selenium",
            _ => null,
        });

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("secret-key"));
            Assert.That(read.BackOfficeKey, Is.EqualTo("secret-key"));
            Assert.That(read.Browser.Engine, Is.EqualTo(BrowserEngine.EdgeIeMode), "the record wins over a stray variable");
        });
    }

    [Test]
    public void Engines_locator_and_accessibility_modes_are_written_by_their_names()
    {
        RunSettingsFile.Write(Sample());
        using var document = JsonDocument.Parse(File.ReadAllText(RunSettingsFile.PathIn(folder.FullName)));
        var settings = document.RootElement.GetProperty(RunSettingsFile.Section);

        Assert.Multiple(() =>
        {
            Assert.That(settings.GetProperty("Browser").GetProperty("Engine").GetString(), Is.EqualTo("edge-iemode"));
            Assert.That(settings.GetProperty("Locators").GetString(), Is.EqualTo("testids"));
            Assert.That(settings.GetProperty("A11y").GetString(), Is.EqualTo("enforce"));
        });
    }

    [Test]
    public void Without_a_record_the_environment_decides()
    {
        var read = TestHostSettings.Load(name => name switch
        {
            SettingsEnvironment.RunDirectory => folder.FullName,
            SettingsEnvironment.Locators => "testids",
            _ => null,
        });

        Assert.Multiple(() =>
        {
            Assert.That(read.RunDirectory, Is.EqualTo(folder.FullName));
            Assert.That(read.Locators, Is.EqualTo(LocatorMode.TestIds));
        });
    }

    [Test]
    public void A_damaged_record_is_an_error_naming_the_file()
    {
        File.WriteAllText(RunSettingsFile.PathIn(folder.FullName), "{ \"Settings\": { \"Workers\": ");

        var error = Assert.Throws<SettingsException>(() => RunSettingsFile.TryRead(folder.FullName));

        Assert.That(error!.Message, Does.Contain(RunSettingsFile.PathIn(folder.FullName)));
    }
}
