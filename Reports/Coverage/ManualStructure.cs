using System.Text.Json;

namespace Shinkin.Reports.Coverage;

public sealed record ManualStep(string Chapter, string ChapterTitle, string ProcedureId, string ProcedureTitle, int Number, string Text)
{
    public override string ToString() => $"{ProcedureId}:{Number} {Text}";
}

public sealed record ManualProcedure(string Id, string Title, IReadOnlyList<ManualStep> Steps);

public sealed record ManualChapter(string Chapter, string Title, IReadOnlyList<ManualProcedure> Procedures);

/// <summary>The manual's chapters → procedures → numbered steps, read from <c>manual-structure.json</c>.</summary>
public sealed class ManualStructure
{
    private ManualStructure(string title, IReadOnlyList<ManualChapter> chapters)
    {
        Title = title;
        Chapters = chapters;
        Procedures = chapters.SelectMany(c => c.Procedures).ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public string Title { get; }

    public IReadOnlyList<ManualChapter> Chapters { get; }

    public IReadOnlyDictionary<string, ManualProcedure> Procedures { get; }

    public IEnumerable<ManualStep> Steps => Chapters.SelectMany(c => c.Procedures).SelectMany(p => p.Steps);

    public static ManualStructure Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(JsonDocument.Parse(stream), path);
    }

    public static async Task<ManualStructure> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return Parse(document, path);
    }

    private static ManualStructure Parse(JsonDocument document, string path)
    {
        try
        {
            var root = document.RootElement;
            var chapters = new List<ManualChapter>();
            foreach (var chapter in root.GetProperty("chapters").EnumerateArray())
            {
                var number = chapter.GetProperty("chapter").GetString() ?? "";
                var chapterTitle = chapter.GetProperty("title").GetString() ?? "";
                var procedures = new List<ManualProcedure>();
                foreach (var procedure in chapter.GetProperty("procedures").EnumerateArray())
                {
                    var id = procedure.GetProperty("id").GetString() ?? "";
                    var title = procedure.GetProperty("title").GetString() ?? "";
                    var steps = procedure.GetProperty("steps").EnumerateArray()
                        .Select(s => new ManualStep(number, chapterTitle, id, title, s.GetProperty("number").GetInt32(), s.GetProperty("text").GetString() ?? ""))
                        .ToList();
                    procedures.Add(new ManualProcedure(id, title, steps));
                }

                chapters.Add(new ManualChapter(number, chapterTitle, procedures));
            }

            var manual = root.TryGetProperty("manual", out var m) ? m.GetString() ?? "" : "";
            return new ManualStructure(manual, chapters);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a manual structure file ({ex.Message}).", ex);
        }
    }
}
