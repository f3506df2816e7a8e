using Shinkin.Settings;

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

    /// <summary>The page's main region (its messages are read from there when a server marks nothing else).</summary>
    Main,

    /// <summary>The page header (its banner: the logged-in user's name at the top right).</summary>
    Banner,

    /// <summary>
    /// Something the user clicks that the manual writes as ［名前］: a button, a link or a tab, whichever the
    /// server renders (<c>&lt;button&gt;</c>, <c>&lt;input type=button&gt;</c>, <c>&lt;a&gt;</c>).
    /// </summary>
    Action,
}

/// <summary>
/// A control described as data: a test id (the optional fast path) and what a person sees — role + accessible
/// name, label text, visible text or the header beside a value — optionally inside another target (a list row).
/// <see cref="Description"/> is what logs and reports show ("［ログイン］ボタン").
/// </summary>
public sealed record Target(string Description)
{
    public string? TestId { get; init; }

    public TargetRole Role { get; init; }

    /// <summary>Exact accessible name for <see cref="Role"/> (whitespace normalised).</summary>
    public string? Name { get; init; }

    /// <summary>Exact label text of a form control.</summary>
    public string? Label { get; init; }

    /// <summary>An element whose visible text contains this (a message, a notice).</summary>
    public string? Text { get; init; }

    /// <summary>With <see cref="Role"/>: only elements whose text contains this (a list row holding a login ID).</summary>
    public string? HasText { get; init; }

    /// <summary>The value shown beside the header cell or term with exactly this text (<c>th</c> → <c>td</c>, <c>dt</c> → <c>dd</c>).</summary>
    public string? ValueOf { get; init; }

    /// <summary>Search only inside the first match of this target (label mode; test ids are unique on a page).</summary>
    public Target? Within { get; init; }

    /// <summary>Zero-based index when several elements match (the manual's two identical buttons).</summary>
    public int Index { get; init; }

    /// <summary>True when the target can be found without a test id.</summary>
    public bool HasLabelLocator => Role != TargetRole.None || Label is not null || Text is not null || ValueOf is not null;

    public static Target ByTestId(string testId, string description) => new(description) { TestId = testId };

    public static Target ByRole(TargetRole role, string name, string description) => new(description) { Role = role, Name = name };

    public static Target ByLabel(string label, string description) => new(description) { Label = label };

    public static Target ByText(string text, string description) => new(description) { Text = text };

    public static Target ValueBeside(string header, string description) => new(description) { ValueOf = header };

    public static Target RowContaining(string text, string description) => new(description) { Role = TargetRole.Row, HasText = text };

    public Target Nth(int index) => this with { Index = index };

    public Target WithTestId(string? testId) => this with { TestId = testId };

    public Target Inside(Target scope) => this with { Within = scope };

    /// <summary>Whether a session in <paramref name="mode"/> uses the test id (else the label locator).</summary>
    public bool UsesTestId(LocatorMode mode) => TestId is not null && mode == LocatorMode.TestIds;

    /// <summary>
    /// The match to take in <paramref name="mode"/>: <see cref="Index"/> counts matches of the label locator (the second
    /// check box in a row); a test id names one element, so through it the first match is the one.
    /// </summary>
    public int IndexIn(LocatorMode mode) => UsesTestId(mode) ? 0 : Index;

    /// <summary>Whether <paramref name="mode"/> can find this target at all (label mode never falls back to test ids).</summary>
    public bool CanBeFoundIn(LocatorMode mode) => HasLabelLocator || (TestId is not null && mode == LocatorMode.TestIds);

    public override string ToString() => Description;
}
