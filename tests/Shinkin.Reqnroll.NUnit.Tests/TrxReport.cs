using System.Xml.Linq;

namespace Shinkin.Reqnroll.NUnit.Tests;

internal sealed record TrxResult(string Name, string Outcome, string Message, string StdOut);

/// <summary>Reads the results of a child `dotnet test --logger trx` run.</summary>
internal static class TrxReport
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static IReadOnlyDictionary<string, TrxResult> Read(string path) =>
        XDocument.Load(path)
            .Descendants(Ns + "UnitTestResult")
            .Select(r => new TrxResult(
                (string)r.Attribute("testName")!,
                (string)r.Attribute("outcome")!,
                (string?)r.Element(Ns + "Output")?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message") ?? string.Empty,
                (string?)r.Element(Ns + "Output")?.Element(Ns + "StdOut") ?? string.Empty))
            .ToDictionary(r => r.Name);
}
