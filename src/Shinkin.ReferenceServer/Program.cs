using Shinkin.ReferenceServer.Hosting;

// `dotnet run` entry: options from args/appsettings ("ReferenceServer:*"); the wiring is shared with ReferenceServerHost.
var builder = WebApplication.CreateBuilder(args);
var options = ReferenceServerApp.OptionsFromConfiguration(builder.Configuration);
var app = ReferenceServerApp.Build(builder, options);
app.Lifetime.ApplicationStarted.Register(() =>
{
    var endpoints = app.Services.GetRequiredService<ServerEndpoints>();
    var secrets = app.Services.GetRequiredService<ServerSecrets>();
    var ca = app.Services.GetRequiredService<Shinkin.ReferenceServer.Security.CertificateAuthority>();
    Console.WriteLine($"Public URL:       {endpoints.PublicUrl}");
    Console.WriteLine($"Certificate URL:  {endpoints.CertificateUrl}");
    Console.WriteLine($"CA certificate:   {ca.CaPemPath}");
    Console.WriteLine($"SPKI pins:        {ca.CaSpkiSha256Base64},{ca.ServerSpkiSha256Base64}");
    Console.WriteLine($"Back-office key:  {secrets.BackOfficeApiKey}");
    var staff = app.Services.GetRequiredService<Shinkin.ReferenceServer.Security.StaffCredential>();
    Console.WriteLine(staff.GeneratedPassword is { } password
        ? $"Back-office login: {staff.StaffId} / {password} (shown once; only its hash is kept in {staff.HashFile})"
        : $"Back-office login: {staff.StaffId} / " + (staff.HashFile is null ? "BackOffice:StaffPassword" : $"the password shown at the first start (delete {staff.HashFile} for a new one)"));
});
// Read before running: once RunAsync returns the host has disposed its services, and a lookup then throws.
var database = app.Services.GetRequiredService<DatabaseLocation>().ConnectionString;
await app.RunAsync();
await Shinkin.ReferenceServer.DatabaseShutdown.CheckpointAsync(database);

/// <summary>Visible to WebApplicationFactory.</summary>
public partial class Program;
