using System.Globalization;
using System.Text;
using Shinkin.Settings;

namespace Shinkin.Reqnroll.NUnit.Discovery;

/// <summary>
/// A stable slice of the scenarios (`--shard 2/4`, <see cref="RunSettings.Shard"/>) so a run can be spread over machines:
/// a scenario's shard depends only on its test name, never on discovery order or the machine.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard All { get; } = new(1, 1);

    /// <summary>The shard this test host runs.</summary>
    public static Shard OfThisRun() => Parse(TestHostSettings.Current.Shard);

    public static Shard Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        throw new ArgumentException($"shard '{text}' is not a shard like 2/4 (1 ≤ index ≤ count).", nameof(text));
    }

    public bool Contains(string testName)
    {
        if (Count == 1)
        {
            return true;
        }

        // FNV-1a over UTF-8: string.GetHashCode is randomised per process, which would move scenarios between shards.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(testName))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % (uint)Count) == Index - 1;
    }
}
