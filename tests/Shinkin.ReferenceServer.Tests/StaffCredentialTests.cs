namespace Shinkin.ReferenceServer.Tests;

/// <summary>The back-office login is no constant: generated per data folder unless configured, never published beyond loopback.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class StaffCredentialTests
{
    [Test]
    public async Task Staff_password_is_generated_per_data_folder_shown_once_and_kept_only_hashed()
    {
        var dir = TestServers.NewDataDirectory();
        var generated = new Dictionary<string, string?> { ["BackOffice:StaffPassword"] = "" };
        string password;
        await using (var server = await TestServers.StartAsync(dir, generated))
        {
            Assert.That(server.GeneratedStaffPassword, Is.Not.Null.And.Length.AtLeast(12));
            password = server.GeneratedStaffPassword!;
            Assert.That(await StaffLoginScreenAsync(server, "bo-admin", "Shinkin2024"), Is.EqualTo("backoffice-login"), "the old published password is gone");
            Assert.That(await StaffLoginScreenAsync(server, server.StaffId, password), Is.EqualTo("backoffice-companies"));

            var file = Path.Combine(dir, "staff-password.hash");
            Assert.That(server.StaffPasswordHashFile, Is.EqualTo(file));
            var stored = await File.ReadAllTextAsync(file);
            Assert.That(stored, Does.StartWith("pbkdf2-sha512$").And.Not.Contain(password));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(file), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }
        }

        await using (var again = await TestServers.StartAsync(dir, generated))
        {
            Assert.That(again.GeneratedStaffPassword, Is.Null, "shown once: later starts know only the hash");
            Assert.That(await StaffLoginScreenAsync(again, again.StaffId, password), Is.EqualTo("backoffice-companies"), "the same password for the same folder");
        }

        var other = TestServers.NewDataDirectory();
        await using (var elsewhere = await TestServers.StartAsync(other, generated))
        {
            Assert.That(elsewhere.GeneratedStaffPassword, Is.Not.EqualTo(password), "each data folder has its own");
        }

        TestServers.DeleteQuietly(dir);
        TestServers.DeleteQuietly(other);
    }

    [Test]
    public void Refuses_to_listen_beyond_loopback_with_the_published_staff_password()
    {
        var dir = TestServers.NewDataDirectory();
        var error = Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var server = await ReferenceServerHost.StartAsync(new ReferenceServerOptions
            {
                DataDirectory = dir,
                Host = "0.0.0.0",
                Settings = new Dictionary<string, string?> { ["BackOffice:StaffPassword"] = "Shinkin2024", ["Security:Pbkdf2Iterations"] = "1000" },
            });
        });
        Assert.That(error!.Message, Does.Contain("BackOffice:StaffPassword").And.Contain("0.0.0.0"));
        TestServers.DeleteQuietly(dir);
    }

    private static async Task<string> StaffLoginScreenAsync(RunningReferenceServer server, string staffId, string password)
    {
        using var client = new BrowserlessClient(server);
        var login = await client.GetAsync(client.Public("/backoffice/login"));
        var page = await client.SubmitAsync(login, "backoffice-login-submit", new Dictionary<string, string> { ["StaffId"] = staffId, ["Password"] = password });
        return page.Screen;
    }
}
