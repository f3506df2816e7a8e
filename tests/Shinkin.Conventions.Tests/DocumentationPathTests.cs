using System.Text.RegularExpressions;
using NUnit.Framework;
using Shinkin.Repository;

namespace Shinkin.Conventions.Tests;

/// <summary>
/// Every repository path a document names in backticks exists, so the docs cannot drift from the tree unseen. A span
/// counts as a repository path when it starts with ./ or ../, or when its first segment names something in the
/// repository root or beside the document; placeholders (&lt;…&gt;, NAME, *) and what runs create (Reports/out,
/// TestResults, .harness, .data, bin, obj) are not checked. A bare file name of a source kind (`x.feature`, `y.reg`) must
/// name a file somewhere in the repository; a path without its extension may name a C# type's file (`Excel/WorkbookStyle`).
/// </summary>
[TestFixture]
public sealed partial class DocumentationPathTests
{
    private static readonly string[] SourceKinds = [".feature", ".reg", ".cs", ".csproj", ".md", ".ps1", ".sh", ".runsettings", ".sln", ".props"];

    private static readonly Lazy<HashSet<string>> FileNames = new(() => Directory
        .EnumerateFiles(RepositoryRoot.Path, "*", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/').Split('/').Any(s => s is "bin" or "obj" or ".git" or "node_modules"))
        .Select(Path.GetFileName)
        .ToHashSet(StringComparer.Ordinal)!);

    private static readonly string[] Generated = ["out", "TestResults", ".harness", ".data", "bin", "obj", "testresults", "artifacts", "scenarios"];

    private static IEnumerable<string> Documents() =>
        Directory.EnumerateFiles(RepositoryRoot.Path, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(segment => Generated.Contains(segment) || segment is ".git" or "node_modules"))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Documents))]
    public void Every_backticked_repository_path_exists(string document)
    {
        var missing = MissingPaths(Path.Combine(RepositoryRoot.Path, document), File.ReadAllText(Path.Combine(RepositoryRoot.Path, document)));

        Assert.That(missing, Is.Empty, $"{document} names paths that do not exist");
    }

    [Test]
    public void The_check_finds_a_path_that_does_not_exist()
    {
        var readme = Path.Combine(RepositoryRoot.Path, "README.md");
        var missing = MissingPaths(readme, "see `tests/Shinkin.EnvironmentCheck.Tests/Fixtures/no-such.reg` and `Features/README.md`, `Reports/out/<timestamp>`, `draft.feature`, `Excel/WorkbookStyle`, `run.json`");

        Assert.That(missing, Is.EqualTo(new[] { "tests/Shinkin.EnvironmentCheck.Tests/Fixtures/no-such.reg", "draft.feature" }));
    }

    /// <summary>The repository paths in <paramref name="text"/> (a document at <paramref name="documentPath"/>) that do not exist.</summary>
    public static IReadOnlyList<string> MissingPaths(string documentPath, string text)
    {
        var folder = Path.GetDirectoryName(documentPath)!;
        return Backticked().Matches(text)
            .Select(m => Clean(m.Groups[1].Value))
            .Where(IsCheckable)
            .Where(path => LooksLikeRepositoryPath(path, folder) ? !Exists(Resolve(path, folder)) && !Exists(Path.Combine(RepositoryRoot.Path, path))
                : IsBareSourceFileName(path) && !FileNames.Value.Contains(path))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string Clean(string span) => LineSuffix().Replace(span.Replace('\\', '/').TrimEnd('.', ',', ';', ')'), "");

    private static bool IsCheckable(string path) =>
        path.Length > 1
        && !path.Contains("://", StringComparison.Ordinal)
        && path.IndexOfAny(['<', '>', '*', '{', '}', '…', '$', '|', '=', '?', '[']) < 0
        && !path.Contains("NAME", StringComparison.Ordinal)
        && !path.Contains("...", StringComparison.Ordinal)
        && !path.StartsWith('-')
        && !path.Split('/').Any(segment => Generated.Contains(segment));

    private static bool LooksLikeRepositoryPath(string path, string folder)
    {
        if (path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal))
        {
            return true;
        }

        if (!path.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        var first = path.Split('/')[0];
        return first.Length > 0 && (Exists(Path.Combine(RepositoryRoot.Path, first)) || Exists(Path.Combine(folder, first)));
    }

    private static bool IsBareSourceFileName(string path) =>
        !path.Contains('/', StringComparison.Ordinal) && SourceKinds.Contains(Path.GetExtension(path), StringComparer.Ordinal) && path.Length > Path.GetExtension(path).Length;

    private static string Resolve(string path, string folder) => Path.GetFullPath(Path.Combine(folder, path));

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || File.Exists(path.TrimEnd('/') + ".cs");

    [GeneratedRegex(@"`([^`\s]+)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"(:\d+(-\d+)?|#[\w-]+)$")]
    private static partial Regex LineSuffix();
}
