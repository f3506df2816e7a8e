using System.Globalization;

namespace Shinkin.Reports.Coverage;

/// <summary>
/// A scenario tag pointing into the manual: <c>manual:2-1</c> (every step of procedure 2-1),
/// <c>manual:2-1:1-3</c> (steps 1 to 3) or <c>manual:2-1:4</c> (step 4 only).
/// </summary>
public sealed record ManualReference(string ProcedureId, int? FromStep, int? ToStep)
{
    public const string TagPrefix = "manual:";

    /// <summary>Chapter number: the part of the procedure id before the first '-' ("2-1" → "2").</summary>
    public string Chapter => ProcedureId.Split('-', 2)[0];

    public bool CoversAllSteps => FromStep is null;

    public bool Covers(string procedureId, int step) =>
        string.Equals(ProcedureId, procedureId, StringComparison.Ordinal)
        && (FromStep is null || (step >= FromStep && step <= (ToStep ?? FromStep)));

    public override string ToString() => FromStep switch
    {
        null => ProcedureId,
        _ when ToStep is null || ToStep == FromStep => $"{ProcedureId}:{FromStep}",
        _ => $"{ProcedureId}:{FromStep}-{ToStep}",
    };

    /// <summary>Parses a tag with or without the leading '@'; null when it is not a manual tag or malformed.</summary>
    public static ManualReference? TryParse(string tag)
    {
        var text = tag.TrimStart('@');
        if (!text.StartsWith(TagPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text[TagPrefix.Length..].Split(':');
        if (parts.Length is < 1 or > 2 || parts[0].Length == 0)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new ManualReference(parts[0], null, null);
        }

        var range = parts[1].Split('-');
        if (range.Length is < 1 or > 2 || !TryNumber(range[0], out var from))
        {
            return null;
        }

        if (range.Length == 1)
        {
            return new ManualReference(parts[0], from, from);
        }

        return TryNumber(range[1], out var to) && to >= from ? new ManualReference(parts[0], from, to) : null;
    }

    public static IReadOnlyList<ManualReference> FromTags(IEnumerable<string> tags) =>
        tags.Select(TryParse).OfType<ManualReference>().ToList();

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
}
