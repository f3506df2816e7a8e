using System.Text.Json;
using Json.Schema;
using Shinkin.Repository;

namespace Shinkin.Targets.Tests;

/// <summary><c>targets/target-profile.schema.json</c> and the loader know the same properties and agree on examples.</summary>
public sealed class SchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepositoryRoot.Path, "targets", "target-profile.schema.json");

    private static readonly Lazy<JsonDocument> SchemaDocument = new(() => JsonDocument.Parse(File.ReadAllText(SchemaPath)));

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath), new BuildOptions()));

    private static JsonElement Root => SchemaDocument.Value.RootElement;

    private static JsonElement Def(string name) => Root.GetProperty("$defs").GetProperty(name);

    private static string[] PropertyNames(JsonElement schemaObject) =>
        schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();

    private static IEnumerable<TestCaseData> Objects()
    {
        yield return new TestCaseData("(root)", ProfileProperties.Root).SetArgDisplayNames("root");
        yield return new TestCaseData("trust", ProfileProperties.Trust).SetArgDisplayNames("trust");
        yield return new TestCaseData("capabilities", ProfileProperties.Capabilities).SetArgDisplayNames("capabilities");
        yield return new TestCaseData("masterInitial", ProfileProperties.MasterInitial).SetArgDisplayNames("master-initial");
        yield return new TestCaseData("masterReady", ProfileProperties.MasterReady).SetArgDisplayNames("master-ready");
        yield return new TestCaseData("generalReady", ProfileProperties.GeneralReady).SetArgDisplayNames("general-ready");
    }

    [TestCaseSource(nameof(Objects))]
    public void Schema_and_loader_know_the_same_property_names(string definition, string[] loaderNames)
    {
        var schemaObject = definition == "(root)" ? Root : Def(definition);
        Assert.Multiple(() =>
        {
            Assert.That(PropertyNames(schemaObject), Is.EquivalentTo(loaderNames));
            Assert.That(schemaObject.GetProperty("additionalProperties").GetBoolean(), Is.False, "unknown properties are errors in the loader too");
        });
    }

    [Test]
    public void Schema_is_draft_2020_12_and_its_required_lists_match_the_loader()
    {
        string[] Required(JsonElement e) => e.GetProperty("required").EnumerateArray().Select(x => x.GetString()!).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Root.GetProperty("$schema").GetString(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
            Assert.That(Required(Root), Is.EquivalentTo(new[] { "name", "publicUrl", "trust" }));
            Assert.That(Required(Def("masterInitial")), Is.EquivalentTo(new[] { "id", "state" }.Concat(ProfileProperties.Required[AccountState.MasterInitial])));
            Assert.That(Required(Def("masterReady")), Is.EquivalentTo(new[] { "id", "state" }.Concat(ProfileProperties.Required[AccountState.MasterReady])));
            Assert.That(Required(Def("generalReady")), Is.EquivalentTo(new[] { "id", "state" }.Concat(ProfileProperties.Required[AccountState.GeneralReady])));
            Assert.That(Def("account").GetProperty("properties").GetProperty("state").GetProperty("enum").EnumerateArray().Select(x => x.GetString()),
                Is.EqualTo(AccountNames.States));
            Assert.That(Def("generalReady").GetProperty("properties").GetProperty("rights").GetProperty("items").GetProperty("enum").EnumerateArray().Select(x => x.GetString()),
                Is.EqualTo(AccountNames.Rights));
        });
    }

    [Test]
    public void Secret_fields_are_the_ones_the_schema_types_as_secrets()
    {
        var secretsInSchema = new[] { "masterInitial", "masterReady", "generalReady" }
            .SelectMany(d => Def(d).GetProperty("properties").EnumerateObject())
            .Where(p => p.Value.TryGetProperty("$ref", out var r) && r.GetString() == "#/$defs/secret")
            .Select(p => p.Name)
            .Distinct();
        Assert.That(secretsInSchema, Is.EquivalentTo(ProfileProperties.Secrets));
    }

    private static IEnumerable<TestCaseData> Examples()
    {
        const string Accounts = """
            { "id": "m1", "state": "master-initial", "loginId": "d-1", "initialPassword": "env:P1" },
            { "id": "m2", "state": "master-ready", "loginId": "d-2", "loginPassword": "a", "approvalPassword": "b", "pkcs12File": "m2.p12", "pkcs12Password": "c", "companyName": "会社" },
            { "id": "g1", "state": "general-ready", "loginId": "d-3", "loginPassword": "a", "pkcs12File": "m2.p12", "pkcs12Password": "c", "rights": ["clerk"], "master": "m2" }
            """;
        yield return new TestCaseData(TempTarget.Profile(Accounts), true).SetArgDisplayNames("valid, every account kind");
        yield return new TestCaseData(TempTarget.Profile(extra: "\"words\": { \"a.b\": \"ラベル\" }, \"capabilities\": { \"testDataApi\": true }, \"backOfficeKeyEnv\": \"K\","), true).SetArgDisplayNames("valid, words and test-data API");
        yield return new TestCaseData(TempTarget.Profile(extra: "\"acounts\": [],"), false).SetArgDisplayNames("unknown property");
        yield return new TestCaseData(TempTarget.Profile(trust: "{ \"caFile\": \"ca.pem\", \"systemStore\": true }"), false).SetArgDisplayNames("both trusts");
        yield return new TestCaseData(TempTarget.Profile(trust: "{ \"systemStore\": false }"), false).SetArgDisplayNames("systemStore false");
        yield return new TestCaseData(TempTarget.Profile().Replace("https://test", "http://test", StringComparison.Ordinal), false).SetArgDisplayNames("http url");
        yield return new TestCaseData(TempTarget.Profile("{ \"id\": \"m1\", \"state\": \"master-initial\", \"loginId\": \"d-1\", \"initialPassword\": \"p\", \"pkcs12File\": \"m2.p12\" }"), false).SetArgDisplayNames("field of another kind");
        yield return new TestCaseData(TempTarget.Profile("{ \"id\": \"m1\", \"state\": \"master-initial\", \"loginId\": \"d-1\", \"initialPassword\": \"env:1x\" }"), false).SetArgDisplayNames("bad env: name");
        yield return new TestCaseData(TempTarget.Profile(extra: "\"capabilities\": { \"testDataApi\": true },"), false).SetArgDisplayNames("test-data API without key variable");
        yield return new TestCaseData(TempTarget.Profile("{ \"id\": \"g1\", \"state\": \"general-ready\", \"loginId\": \"d-3\", \"loginPassword\": \"a\", \"pkcs12File\": \"m2.p12\", \"pkcs12Password\": \"c\", \"rights\": [\"admin\"], \"master\": \"m2\" }"), false).SetArgDisplayNames("unknown right");
    }

    /// <summary>What the schema can judge (not file existence, env values or references), it judges like the loader.</summary>
    [TestCaseSource(nameof(Examples))]
    public void Schema_and_loader_agree_on_examples(string json, bool valid)
    {
        using var dir = new TempTarget();
        dir.Touch("m2.p12");
        var path = dir.Write("bank.json", json);
        bool loaderAccepts;
        try
        {
            TargetProfile.Load(path, _ => "from-env");
            loaderAccepts = true;
        }
        catch (TargetProfileException)
        {
            loaderAccepts = false;
        }

        using var instance = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var result = Schema.Value.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.Multiple(() =>
        {
            Assert.That(loaderAccepts, Is.EqualTo(valid), "loader");
            Assert.That(result.IsValid, Is.EqualTo(valid), "schema");
        });
    }
}
