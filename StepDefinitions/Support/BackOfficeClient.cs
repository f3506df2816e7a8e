using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Shinkin.ReferenceServer;
using Shinkin.Targets;

namespace Shinkin.StepDefinitions.Support;

/// <summary>
/// The bank back office's test-data API: registers a company and its users so each scenario owns
/// its data and scenarios run in any order and in parallel. Trusts the server through its CA (the host name checked too).
/// </summary>
public sealed class BackOfficeClient : IDisposable
{
    private readonly HttpClient http;

    public BackOfficeClient(SystemUnderTest system, string? caPemPath)
    {
        if (string.IsNullOrEmpty(system.BackOfficeKey))
        {
            throw new InvalidOperationException("The target's back-office test-data key is unknown: set SHINKIN_BACKOFFICE_KEY for --target runs.");
        }

        var handler = new HttpClientHandler();
        if (caPemPath is not null)
        {
            var ca = X509Certificate2.CreateFromPem(File.ReadAllText(caPemPath));
            handler.ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => ServerTrust.Accepts(certificate, errors, ca);
        }

        http = new HttpClient(handler) { BaseAddress = system.PublicUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-BackOffice-Key", system.BackOfficeKey);
    }

    public async Task<CompanyNotice> OnboardCompanyAsync(OnboardRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync("/backoffice/api/companies", request, cancellationToken);
        await EnsureOkAsync(response, "register a company", cancellationToken);
        return await response.Content.ReadFromJsonAsync<CompanyNotice>(cancellationToken)
            ?? throw new InvalidOperationException("the back office answered without a notice");
    }

    public async Task<CreatedUser> CreateUserAsync(string companyNumber, CreateUserRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync($"/backoffice/api/companies/{Uri.EscapeDataString(companyNumber)}/users", request, cancellationToken);
        await EnsureOkAsync(response, "create a general user", cancellationToken);
        return await response.Content.ReadFromJsonAsync<CreatedUser>(cancellationToken)
            ?? throw new InvalidOperationException("the back office answered without a user");
    }

    public void Dispose() => http.Dispose();

    private static async Task EnsureOkAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"the back office could not {what}: {(int)response.StatusCode} {body}");
        }
    }
}
