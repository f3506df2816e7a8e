using System.Globalization;
using Shinkin.Settings;

namespace Shinkin.Browsers;

/// <summary>How a target and a failed action read in an error message (same wording for every engine).</summary>
internal static class TargetText
{
    public static string Locator(Target target, LocatorMode mode)
    {
        var how = target.UsesTestId(mode) ? $"test id '{target.TestId}'" : target switch
        {
            { Role: not TargetRole.None, Name: { } name } => $"role {target.Role} named '{name}'",
            { Role: not TargetRole.None, HasText: { } text } => $"role {target.Role} containing '{text}'",
            { Role: not TargetRole.None } => $"role {target.Role}",
            { Label: { } label } => $"label '{label}'",
            { Text: { } text } => $"text '{text}'",
            { ValueOf: { } header } => $"value beside '{header}'",
            _ => "no locator",
        };
        if (!target.UsesTestId(mode) && target.Within is { } scope)
        {
            how += $" inside {scope.Description} [{Locator(scope, mode)}]";
        }

        return target.IndexIn(mode) > 0 ? string.Create(CultureInfo.InvariantCulture, $"{how}, match #{target.IndexIn(mode)}") : how;
    }

    public static string Failure(string action, Target target, LocatorMode mode, string reason) =>
        $"{action} {target.Description} [{Locator(target, mode)}] failed: {FirstLine(reason)}";

    public static string FirstLine(string message)
    {
        var trimmed = message.Trim();
        var end = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? trimmed : trimmed[..end].TrimEnd();
    }

    public static void RequireLocator(Target target, LocatorMode mode)
    {
        if (!target.CanBeFoundIn(mode))
        {
            throw new BrowserException(mode == LocatorMode.Labels && target.TestId is not null
                ? $"Target {target.Description} has only a test id ('{target.TestId}'); label mode needs its role, label or text (add it to the UI catalogue)."
                : $"Target {target.Description} has no test id, role, label or text to find it by.");
        }
    }

    /// <summary>An XPath 1.0 string literal for any text (concat() when it holds both quote kinds).</summary>
    public static string XPathLiteral(string text)
    {
        if (!text.Contains('\'', StringComparison.Ordinal))
        {
            return $"'{text}'";
        }

        if (!text.Contains('"', StringComparison.Ordinal))
        {
            return $"\"{text}\"";
        }

        return "concat('" + text.Replace("'", "', \"'\", '", StringComparison.Ordinal) + "')";
    }

    /// <summary>The value beside a header cell or term, the same on every engine.</summary>
    public static string ValueBesideXPath(string header) =>
        $".//*[self::th or self::dt or self::label][normalize-space(.)={XPathLiteral(header)}]/following-sibling::*[self::td or self::dd or self::span or self::div][1]";
}
