using System.Text.Json;

namespace Shinkin.Targets.Tests;

/// <summary>A temporary targets folder: profiles, fake CA and PKCS#12 files; deleted on dispose.</summary>
internal sealed class TempTarget : IDisposable
{
    public TempTarget()
    {
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "shinkin-targets-" + Guid.NewGuid().ToString("N"))).FullName;
        Touch("ca.pem");
    }

    public string Directory { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>Creates an empty file (fake CA, fake PKCS#12) at <paramref name="relative"/>.</summary>
    public string Touch(string relative)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "fake");
        return path;
    }

    public string Write(string name, string json)
    {
        var path = PathOf(name);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>A valid profile around the given pieces; <paramref name="extra"/> is root properties ending with a comma.</summary>
    public static string Profile(string accounts = "", string trust = """{ "caFile": "ca.pem" }""", string extra = "") => $$"""
        {
          "name": "bank",
          "publicUrl": "https://test.bank.example/",
          "trust": {{trust}},
          {{extra}}
          "accounts": [ {{accounts}} ]
        }
        """;

    public static string MasterInitial(string id, string loginId) =>
        $$"""{ "id": "{{id}}", "state": "master-initial", "loginId": "{{loginId}}", "initialPassword": "init-{{id}}" },""";

    /// <summary>A profile with <paramref name="count"/> master-initial accounts m1..mN.</summary>
    public string WriteInitialPool(int count, string name = "bank.json") =>
        Write(name, Profile(string.Concat(Enumerable.Range(1, count).Select(i => MasterInitial($"m{i}", $"d-{i:000000}")))));

    public static string Quote(string text) => JsonSerializer.Serialize(text);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTime : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}
