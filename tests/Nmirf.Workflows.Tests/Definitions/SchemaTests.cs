using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nmirf.Workflows.Definitions;

namespace Nmirf.Workflows.Tests.Definitions;

/// <summary>
/// docs/workflow.schema.json against the reader, so that the two cannot drift: the vocabularies are compared with
/// the code's lists, and the fields each object allows or requires with what the reader says when probed.
/// </summary>
public sealed class SchemaTests
{
    private static readonly JsonObject Schema = LoadSchema();

    private static JsonObject Defs => Schema["$defs"]!.AsObject();

    private static JsonObject LoadSchema()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "docs", "workflow.schema.json")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return JsonNode.Parse(File.ReadAllText(Path.Combine(folder.FullName, "docs", "workflow.schema.json")))!.AsObject();
    }

    private static string[] Enum(string def) => [.. Defs[def]!["enum"]!.AsArray().Select(v => v!.GetValue<string>())];

    private static string[] Keys(JsonNode? properties) => properties is null ? [] : [.. properties.AsObject().Select(p => p.Key)];

    private static string[] Sorted(IEnumerable<string> names) => [.. names.Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The step schema's branch for <paramref name="type"/>: the <c>then</c> of the <c>if</c> that names it.</summary>
    private static JsonObject? ThenFor(string type)
    {
        foreach (var entry in Defs["step"]!["allOf"]!.AsArray())
        {
            var condition = entry!["if"]!["properties"]!["type"]!;
            var names = condition["const"] is { } one ? [one.GetValue<string>()]
                : condition["enum"] is { } many ? many.AsArray().Select(v => v!.GetValue<string>()).ToArray()
                : [];
            if (names.Contains(type))
            {
                return entry["then"]!.AsObject();
            }
        }

        return null;
    }

    /// <summary>What the reader lists as expected when an object holds an unknown field <c>zzz</c>.</summary>
    private static string[] ReaderExpects(string json, IActivityCatalog? activities = null)
    {
        var errors = SampleDefinitions.Read(json, activities).Errors;
        var unknown = Assert.Single(errors, e => e.Path.EndsWith(".zzz", StringComparison.Ordinal));
        const string marker = "expected ";
        return Sorted(unknown.Message[(unknown.Message.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Split(", "));
    }

    private static string Probe(string step, string inputs = "[]") =>
        $$"""{ "id": "probe", "version": 1, "name": "Probe", "body": "ccpr", "inputs": {{inputs}}, "steps": [ {{step}} ] }""";

    [Fact]
    public void Schema_DeclaresDraft2020_12()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema["$schema"]!.GetValue<string>());
        Assert.Equal("object", Schema["type"]!.GetValue<string>());
    }

    [Fact]
    public void Schema_BuiltInActivities_AreTheReadersAndEachHasItsBranch()
    {
        Assert.Equal(Activities.BuiltIn, Enum("builtInActivity"));
        Assert.All(Activities.BuiltIn, type => Assert.NotNull(ThenFor(type)));
    }

    [Fact]
    public void Schema_Milestones_AreTheReaders() => Assert.Equal(Milestones.All, Enum("milestone"));

    [Fact]
    public void Schema_FieldTypes_AreTheReadersAndTheReaderAcceptsEach()
    {
        var names = System.Enum.GetValues<FieldType>().Select(t => JsonNamingPolicy.KebabCaseLower.ConvertName(t.ToString()));

        Assert.Equal(names, Enum("fieldType"));
        Assert.All(Enum("fieldType"), type =>
        {
            var options = type == "choice" ? """, "options": ["a"]""" : "";
            var step = $$"""{ "id": "t", "type": "task", "title": "T", "assignees": { "role": "administrator" }, "form": { "fields": [ { "name": "f", "type": "{{type}}"{{options}} } ] } }""";
            Assert.Empty(SampleDefinitions.Read(Probe(step, $$"""[ { "name": "i", "type": "{{type}}" } ]""")).Errors);
        });
    }

    [Fact]
    public void Schema_AssigneeAndDocumentVocabularies_AreTheReaders()
    {
        Assert.Equal(DefinitionReader.InstitutionRoles, Enum("institutionRole"));
        Assert.Equal(DefinitionReader.InstitutionKinds, Enum("institutionKind"));
        Assert.Equal(DefinitionReader.AccountRoles, Enum("accountRole"));
        Assert.Equal(DefinitionReader.DocumentKinds, Enum("document"));
    }

    [Fact]
    public void Schema_TopLevelFields_AreThoseTheReaderKnowsAndRequires()
    {
        var fields = Keys(Schema["properties"]).Where(k => k != "$schema");
        var required = Schema["required"]!.AsArray().Select(v => v!.GetValue<string>());

        Assert.Equal(Sorted(fields), ReaderExpects(SampleDefinitions.Edit(SampleDefinitions.Minimal, r => r["zzz"] = 1)));
        Assert.Equal(Sorted(required), Sorted(SampleDefinitions.Read("{}").Errors.Select(e => e.Path["$.".Length..])));
    }

    public static TheoryData<string> BuiltIn => [.. Activities.BuiltIn];

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void Schema_StepFields_AreThoseTheReaderKnowsForTheActivity(string type)
    {
        var fields = Keys(Defs["step"]!["properties"]).Concat(Keys(ThenFor(type)!["properties"]));

        Assert.Equal(Sorted(fields), ReaderExpects(Probe($$"""{ "id": "s", "type": "{{type}}", "zzz": 1 }""")));
    }

    [Theory]
    [MemberData(nameof(BuiltIn))]
    public void Schema_RequiredStepFields_AreThoseTheReaderAsksFor(string type)
    {
        var required = Defs["step"]!["required"]!.AsArray().Concat(ThenFor(type)!["required"]?.AsArray() ?? [])
            .Select(v => v!.GetValue<string>())
            .Where(name => name is not ("id" or "type"));

        var missing = SampleDefinitions.Read(Probe($$"""{ "id": "s", "type": "{{type}}" }""")).Errors
            .Where(e => e.Message.StartsWith("missing", StringComparison.Ordinal))
            .Select(e => e.Path["$.steps[0].".Length..]);

        Assert.Equal(Sorted(required), Sorted(missing));
    }

    [Fact]
    public void Schema_PluginActivityFields_AreThoseTheReaderKnows()
    {
        var then = ThenFor("acme:sign-off");
        Assert.Null(then);
        var plugin = Defs["step"]!["allOf"]!.AsArray().Single(e => e!["if"]!["properties"]!["type"]!["$ref"] is not null)!["then"]!;
        var fields = Keys(Defs["step"]!["properties"]).Concat(Keys(plugin["properties"]));

        Assert.Equal(Sorted(fields), ReaderExpects(Probe("""{ "id": "s", "type": "acme:sign-off", "zzz": 1 }"""), new AnyPluginActivity()));
        Assert.Matches(Defs["pluginActivity"]!["pattern"]!.GetValue<string>(), "acme:sign-off");
        Assert.DoesNotMatch(Defs["pluginActivity"]!["pattern"]!.GetValue<string>(), "acme-sign-off");
    }

    [Fact]
    public void Schema_NestedObjects_AllowTheFieldsTheReaderKnows()
    {
        const string task = """{ "id": "t", "type": "task", "title": "T", "assignees": { "role": "administrator" ASSIGNEE }, "due": { "relativeTo": "step-start", "offset": "P1D" DUE }, "form": { "fields": [ { "name": "f", "type": "text" FIELD } ] FORM } }""";
        string Task(string where) => Probe(task.Replace(where, ", \"zzz\": 1", StringComparison.Ordinal).Replace(" ASSIGNEE", "", StringComparison.Ordinal)
            .Replace(" DUE", "", StringComparison.Ordinal).Replace(" FIELD", "", StringComparison.Ordinal).Replace(" FORM", "", StringComparison.Ordinal));

        Assert.Equal(Sorted(Keys(Defs["assignees"]!["properties"])), ReaderExpects(Task(" ASSIGNEE")));
        Assert.Equal(Sorted(Keys(Defs["relativeDate"]!["properties"])), ReaderExpects(Task(" DUE")));
        Assert.Equal(Sorted(Keys(Defs["field"]!["properties"])), ReaderExpects(Task(" FIELD")));
        Assert.Equal(Sorted(Keys(Defs["form"]!["properties"])), ReaderExpects(Task(" FORM")));
        Assert.Equal(Sorted(Keys(Defs["input"]!["properties"])), ReaderExpects(Probe("""{ "id": "w", "type": "delay", "duration": "P1D" }""", """[ { "name": "i", "type": "text", "zzz": 1 } ]""")));
        Assert.Equal(Sorted(Keys(Defs["case"]!["properties"])), ReaderExpects(Probe("""{ "id": "d", "type": "decision", "cases": [ { "when": "inputs.i", "next": "end", "zzz": 1 } ] }""", """[ { "name": "i", "type": "boolean" } ]""")));
    }

    [Theory]
    [InlineData("P30D")]
    [InlineData("-P6M")]
    [InlineData("P1Y6M2W3D")]
    [InlineData("P999Y")]
    [InlineData("P1000Y")]
    [InlineData("P")]
    [InlineData("-P")]
    [InlineData("PT1H")]
    [InlineData("P1M1Y")]
    [InlineData("P99999D")]
    [InlineData("P100000D")]
    [InlineData("6 months")]
    public void Schema_DurationPattern_AgreesWithTheReader(string text)
    {
        var duration = Defs["duration"]!;
        var schemaAccepts = Regex.IsMatch(text, duration["pattern"]!.GetValue<string>())
            && !duration["not"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Contains(text);

        Assert.Equal(IsoDuration.TryParse(text) is not null, schemaAccepts);
    }

    [Theory]
    [InlineData("collect", true)]
    [InlineData("collect-contributions-2", true)]
    [InlineData("end", false)]
    [InlineData("inputs", false)]
    [InlineData("Collect", false)]
    [InlineData("collect--data", false)]
    [InlineData("-collect", false)]
    [InlineData("collect_data", false)]
    public void Schema_StepIdPattern_AgreesWithTheReader(string id, bool valid)
    {
        var parts = Defs["stepId"]!["allOf"]!.AsArray();
        var pattern = Defs["kebabId"]!["pattern"]!.GetValue<string>();
        var reserved = parts[1]!["not"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        var schemaAccepts = Regex.IsMatch(id, pattern) && !reserved.Contains(id);

        var readerAccepts = SampleDefinitions.Read(Probe($$"""{ "id": "{{id}}", "type": "delay", "duration": "P1D" }""")).Errors.Count == 0;

        Assert.Equal(valid, schemaAccepts);
        Assert.Equal(valid, readerAccepts);
    }

    private sealed class AnyPluginActivity : IActivityCatalog
    {
        public bool Knows(string type) => true;

        public IReadOnlyList<string> Check(string type, IReadOnlyDictionary<string, string> parameters) => [];
    }
}
