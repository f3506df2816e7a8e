namespace Shinkin.EnvironmentCheck.Settings;

public static class InternetSettingsPaths
{
    public const string Preference = @"Software\Microsoft\Windows\CurrentVersion\Internet Settings";
    public const string Policy = @"Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings";
    public const string WindowsNtCurrentVersion = @"SOFTWARE\Microsoft\Windows NT\CurrentVersion";

    /// <summary>HKLM policy value that makes only machine zone settings count.</summary>
    public const string SecurityHklmOnly = "Security_HKLM_only";
}
