namespace Shinkin.Browsers;

/// <summary>ARIA roles the page objects use to find controls when no test id is given.</summary>
public enum TargetRole
{
    None,
    Button,
    Link,
    TextBox,
    CheckBox,
    Radio,
    ComboBox,
    Tab,
    Heading,
    Cell,
    Row,
    Dialog,
}

/// <summary>
/// A control described as data: test id first, then role + accessible name, then label text.
/// <see cref="Description"/> is what logs and reports show ("［ログイン］ボタン").
/// </summary>
public sealed record Target(string Description)
{
    public string? TestId { get; init; }

    public TargetRole Role { get; init; }

    public string? Name { get; init; }

    public string? Label { get; init; }

    /// <summary>Zero-based index when several elements match (the manual's two identical buttons).</summary>
    public int Index { get; init; }

    public static Target ByTestId(string testId, string description) => new(description) { TestId = testId };

    public static Target ByRole(TargetRole role, string name, string description) => new(description) { Role = role, Name = name };

    public static Target ByLabel(string label, string description) => new(description) { Label = label };

    public Target Nth(int index) => this with { Index = index };

    public override string ToString() => Description;
}
