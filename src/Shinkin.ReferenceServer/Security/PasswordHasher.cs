using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Shinkin.ReferenceServer.Configuration;

namespace Shinkin.ReferenceServer.Security;

/// <summary>PBKDF2-HMAC-SHA512 with a per-password salt; format <c>pbkdf2-sha512$iterations$salt$hash</c>.</summary>
public sealed class PasswordHasher(IOptions<SecuritySettings> settings)
{
    private const string Scheme = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 64;

    // Hash for unknown users so that a wrong ID costs the same time as a wrong password (no user enumeration).
    private readonly Lazy<string> _dummy = new(() => HashWith("dummy-password-0", settings.Value.Pbkdf2Iterations));

    public string Hash(string password) => HashWith(password, settings.Value.Pbkdf2Iterations);

    public bool Verify(string? storedHash, string password)
    {
        if (string.IsNullOrEmpty(storedHash))
        {
            VerifyCore(_dummy.Value, password);
            return false;
        }

        return VerifyCore(storedHash, password);
    }

    /// <summary>Spends the same time as a real verification and returns false.</summary>
    public bool VerifyAgainstNothing(string password)
    {
        VerifyCore(_dummy.Value, password);
        return false;
    }

    private static string HashWith(string password, int iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    private static bool VerifyCore(string storedHash, string password)
    {
        var parts = storedHash.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
