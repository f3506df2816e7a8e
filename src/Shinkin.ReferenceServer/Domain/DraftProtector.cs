using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;

namespace Shinkin.ReferenceServer.Domain;

/// <summary>
/// Carries what was typed on a form to its confirmation screen in an encrypted, time-limited hidden
/// field bound to the session; passwords travel only as hashes.
/// </summary>
public sealed class DraftProtector(IDataProtectionProvider provider, IOptions<SecuritySettings> settings)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public string Protect<T>(T value, string purpose, string binding)
    {
        var protector = provider.CreateProtector("draft", purpose, binding).ToTimeLimitedDataProtector();
        return protector.Protect(JsonSerializer.Serialize(value, JsonOptions), TimeSpan.FromMinutes(settings.Value.DraftLifetimeMinutes));
    }

    public bool TryUnprotect<T>(string? protectedValue, string purpose, string binding, [NotNullWhen(true)] out T? value)
        where T : class
    {
        value = null;
        if (string.IsNullOrEmpty(protectedValue))
        {
            return false;
        }

        try
        {
            var protector = provider.CreateProtector("draft", purpose, binding).ToTimeLimitedDataProtector();
            value = JsonSerializer.Deserialize<T>(protector.Unprotect(protectedValue), JsonOptions);
            return value is not null;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
