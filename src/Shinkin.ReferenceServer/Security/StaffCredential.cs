using System.Net;
using Shinkin.ReferenceServer.Configuration;

namespace Shinkin.ReferenceServer.Security;

/// <summary>
/// The back-office staff login. The password is never a constant of the code: either configured
/// (<c>BackOffice:StaffPassword</c>) or generated once per data folder, shown once, and kept only as a
/// PBKDF2 hash in <c>&lt;DataDirectory&gt;/staff-password.hash</c> (mode 0600).
/// </summary>
public sealed class StaffCredential
{
    public const string HashFileName = "staff-password.hash";

    /// <summary>Passwords that were published (README, appsettings) and must never guard a server reachable from elsewhere.</summary>
    private static readonly string[] PublishedPasswords = ["Shinkin2024"];

    private StaffCredential(string staffId, string passwordHash, string? generatedPassword, string? hashFile)
    {
        StaffId = staffId;
        PasswordHash = passwordHash;
        GeneratedPassword = generatedPassword;
        HashFile = hashFile;
    }

    public string StaffId { get; }

    public string PasswordHash { get; }

    /// <summary>The password generated at this start (first start of a data folder), to be shown once; otherwise null.</summary>
    public string? GeneratedPassword { get; }

    /// <summary>Where the generated password's hash is kept; null when the password is configured.</summary>
    public string? HashFile { get; }

    public static StaffCredential LoadOrCreate(BackOfficeSettings settings, string dataDirectory, PasswordHasher hasher)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(hasher);
        var staffId = string.IsNullOrWhiteSpace(settings.StaffId) ? BackOfficeSettings.DefaultStaffId : settings.StaffId;
        if (!string.IsNullOrEmpty(settings.StaffPassword))
        {
            return new StaffCredential(staffId, hasher.Hash(settings.StaffPassword), null, null);
        }

        var file = Path.Combine(dataDirectory, HashFileName);
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } stored)
        {
            return new StaffCredential(staffId, stored, null, file);
        }

        var password = SecretTokens.NewPassword(16);
        var hash = hasher.Hash(password);
        PrivateFiles.Write(file, hash + "\n");
        return new StaffCredential(staffId, hash, password, file);
    }

    /// <summary>
    /// Bound to anything but loopback, the server refuses to start with a published staff password
    /// (or a short one): anyone who read the README could otherwise log in to the back office.
    /// </summary>
    public static void EnsureSafeToExpose(string host, BackOfficeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (IsLoopback(host) || string.IsNullOrEmpty(settings.StaffPassword))
        {
            return;
        }

        if (PublishedPasswords.Contains(settings.StaffPassword, StringComparer.Ordinal) || settings.StaffPassword.Length < 12)
        {
            throw new InvalidOperationException(
                $"Refusing to listen on {host} (not loopback) with the published or a short back-office password (BackOffice:StaffPassword). " +
                "Set BackOffice:StaffPassword to a secret of at least 12 characters, or leave it empty so that a password is generated for this data folder.");
        }
    }

    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}

/// <summary>Files only the server's user may read (Unix mode 0600).</summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Write(string path, string content)
    {
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, content);
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly };
        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }

        File.SetUnixFileMode(path, OwnerOnly);
    }

    /// <summary>Mode 0600 for an existing file (no-op on Windows or when it does not exist).</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }
}
