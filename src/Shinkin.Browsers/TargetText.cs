using System.Globalization;

namespace Shinkin.Browsers;

/// <summary>How a target and a failed action read in an error message (same wording for every engine).</summary>
internal static class TargetText
{
    public static string Locator(Target target)
    {
        var how = target switch
        {
            { TestId: { } id } => $"test id '{id}'",
            { Role: not TargetRole.None, Name: { } name } => $"role {target.Role} named '{name}'",
            { Role: not TargetRole.None } => $"role {target.Role}",
            { Label: { } label } => $"label '{label}'",
            _ => "no locator",
        };
        return target.Index > 0 ? string.Create(CultureInfo.InvariantCulture, $"{how}, match #{target.Index}") : how;
    }

    public static string Failure(string action, Target target, string reason) =>
        $"{action} {target.Description} [{Locator(target)}] failed: {FirstLine(reason)}";

    public static string FirstLine(string message)
    {
        var trimmed = message.Trim();
        var end = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? trimmed : trimmed[..end].TrimEnd();
    }

    public static void RequireLocator(Target target)
    {
        if (target.TestId is null && target.Role == TargetRole.None && target.Label is null)
        {
            throw new BrowserException($"Target {target.Description} has no test id, role or label to find it by.");
        }
    }
}
