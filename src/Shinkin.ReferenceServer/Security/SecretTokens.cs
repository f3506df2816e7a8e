using System.Security.Cryptography;
using System.Text;

namespace Shinkin.ReferenceServer.Security;

/// <summary>Random bearer tokens (cookies, download links); only their SHA-256 is stored.</summary>
public static class SecretTokens
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Short, non-secret reference to a session for the audit log.</summary>
    public static string SessionRef(string tokenHash) => tokenHash[..12];

    /// <summary>A password that always satisfies the manual's rule (letters and digits), without look-alike characters.</summary>
    public static string NewPassword(int length)
    {
        while (true)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = PasswordAlphabet[RandomNumberGenerator.GetInt32(PasswordAlphabet.Length)];
            }

            var candidate = new string(chars);
            if (candidate.Any(char.IsAsciiLetter) && candidate.Any(char.IsAsciiDigit))
            {
                return candidate;
            }
        }
    }

    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
