using System.Text.Json.Nodes;
using static Nmirf.Workflows.Tests.Definitions.SampleDefinitions;

namespace Nmirf.Workflows.Tests.Definitions;

/// <summary>
/// One fault per document, most of them made by editing <see cref="SampleDefinitions.Base"/>: each must be reported
/// at its JSON path and step, with a message that says what is wrong, and with nothing else reported.
/// </summary>
public sealed class FaultyDefinitionTests
{
    private static readonly Dictionary<string, Fault> Faults = Build();

    public static TheoryData<string> Names => [.. Faults.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Read_FaultyDocument_ReportsTheProblemWhereItIs(string name)
    {
        var fault = Faults[name];

        var (document, errors) = Read(fault.Json);

        Assert.Null(document);
        var found = string.Join(Environment.NewLine, errors);
        Assert.True(errors.Count == fault.Expected.Length, $"expected {fault.Expected.Length} error(s), found:{Environment.NewLine}{found}");
        foreach (var (path, step, message) in fault.Expected)
        {
            Assert.True(
                errors.Any(e => e.Path == path && e.Step == step && e.Message.Contains(message, StringComparison.Ordinal)),
                $"expected {path} (step '{step}'): ...{message}..., found:{Environment.NewLine}{found}");
        }
    }

    [Fact]
    public void Faults_AreDistinctAndMany() =>
        Assert.True(Faults.Values.Select(f => f.Json).Distinct().Count() == Faults.Count && Faults.Count >= 24);

    private sealed record Fault(string Json, (string Path, string? Step, string Message)[] Expected);

    private static Dictionary<string, Fault> Build()
    {
        var faults = new Dictionary<string, Fault>(StringComparer.Ordinal);
        void Add(string name, string json, params (string Path, string? Step, string Message)[] expected) => faults.Add(name, new Fault(json, expected));
        string EditBase(Action<JsonObject> edit) => Edit(Base, edit);
        string EditStep(int index, Action<JsonObject> edit) => Edit(Base, root => edit(Step(root, index)));
        JsonObject Branches(params string[][] branchesOfStepsJson) => new()
        {
            ["id"] = "split",
            ["type"] = "parallel",
            ["branches"] = new JsonArray([.. branchesOfStepsJson.Select(b => (JsonNode)new JsonArray([.. b.Select(s => JsonNode.Parse(s))]))]),
        };
        string WithSteps(params JsonNode[] steps) => EditBase(root => root["steps"] = new JsonArray(steps));
        JsonNode Delay(string id, string next) => JsonNode.Parse($$"""{ "id": "{{id}}", "type": "delay", "duration": "P1D", "next": "{{next}}" }""")!;
        string Decision(string when) => EditBase(root => root["steps"]!.AsArray().Add(JsonNode.Parse($$"""
            { "id": "check", "type": "decision", "cases": [ { "when": "{{when.Replace("\"", "\\\"", StringComparison.Ordinal)}}", "next": "review" } ], "otherwise": "end" }
            """)));

        // The text itself.
        Add("not-json", "{\n  \"id\": \"x\",\n  \"version\" 1\n}", ("$", null, "line 3, column 13: not valid JSON ('1' is invalid after a property name"));
        Add("truncated", "{ \"id\": \"test-cycle\", \"steps\": [", ("$", null, "line 1, column 33: not valid JSON"));
        Add("root-not-object", "[ { \"id\": \"test-cycle\" } ]", ("$", null, "a workflow definition is a JSON object"));
        Add("repeated-property", Base.Replace("\"version\": 1,", "\"version\": 1, \"version\": 2,", StringComparison.Ordinal), ("$.version", null, "'version' is written twice in this object"));

        // The top level.
        Add("missing-id", EditBase(r => r.Remove("id")), ("$.id", null, "missing"));
        Add("bad-id", EditBase(r => r["id"] = "Test Cycle"), ("$.id", null, "'Test Cycle' is not a valid id"));
        Add("version-zero", EditBase(r => r["version"] = 0), ("$.version", null, "0 is not a version number"));
        Add("version-text", EditBase(r => r["version"] = "1"), ("$.version", null, "\"1\" is not a version number"));
        Add("unknown-body", EditBase(r => r["body"] = "hrc"), ("$.body", null, "'hrc' is not a body any loaded plugin knows"));
        Add("bad-country", EditBase(r => r["country"] = "MA"), ("$.country", null, "'MA' is not an ISO 3166-1 alpha-3 country code"));
        Add("missing-steps", EditBase(r => r.Remove("steps")), ("$.steps", null, "missing: the list of steps"));
        Add("empty-steps", EditBase(r => r["steps"] = new JsonArray()), ("$.steps", null, "must be a non-empty list of steps"));
        Add("unknown-top-level-field", EditBase(r => r["owner"] = "secretariat"), ("$.owner", null, "unknown field 'owner': expected id, version, name, body, country, description, inputs, steps"));
        Add("duplicate-input", EditBase(r => r["inputs"]!.AsArray().Add(JsonNode.Parse("""{ "name": "simplified", "type": "text" }"""))), ("$.inputs[1].name", null, "input 'simplified' is declared twice"));

        // Steps.
        Add("unknown-activity", EditStep(1, s => s["type"] = "email"), ("$.steps[1].type", "review", "unknown activity 'email': expected one of task, data-request"));
        Add("unknown-step-field", EditStep(1, s => s["priority"] = "high"), ("$.steps[1].priority", "review", "unknown field 'priority'"));
        Add("field-of-another-activity", EditStep(1, s => s["onReturn"] = "collect"), ("$.steps[1].onReturn", "review", "unknown field 'onReturn': expected id, type, title, instructions, next, assignees, due, form"));
        Add("duplicate-step-id", EditStep(2, s => s["id"] = "review"), ("$.steps[2].id", "review", "duplicate step id 'review'"));
        Add("reserved-step-id", EditStep(0, s => s["id"] = "end"), ("$.steps[0].id", "end", "'end' is reserved"));
        Add("bad-step-id", EditStep(0, s => s["id"] = "collect_data"), ("$.steps[0].id", "collect_data", "'collect_data' is not a valid step id"));
        Add("human-task-without-title", EditStep(1, s => s.Remove("title")), ("$.steps[1].title", "review", "missing: a human task needs a title"));
        Add("unreachable-step", EditStep(1, s => s["next"] = "end"), ("$.steps[2]", "validate", "unreachable: no path from the first step leads here"));
        Add(
            "step-that-never-completes",
            WithSteps(
                JsonNode.Parse("""{ "id": "first", "type": "decision", "cases": [ { "when": "inputs.simplified", "next": "second" } ], "otherwise": "end" }""")!,
                Delay("second", next: "third"),
                Delay("third", next: "second")),
            ("$.steps[1]", "second", "never completes: every path from this step loops"),
            ("$.steps[2]", "third", "never completes"));
        Add("next-to-itself", EditStep(1, s => s["next"] = "review"), ("$.steps[1].next", "review", "a step cannot go to itself"));
        Add("next-to-nothing", EditStep(0, s => s["next"] = "draft"), ("$.steps[0].next", "collect", "'draft' is not a step of this workflow"));

        // Assignees.
        Add("missing-assignee", EditStep(1, s => s.Remove("assignees")), ("$.steps[1].assignees", "review", "missing assignee: name an institution"));
        Add("empty-assignee", EditStep(1, s => s["assignees"] = new JsonObject()), ("$.steps[1].assignees", "review", "missing assignee"));
        Add("two-kinds-of-assignee", EditStep(1, s => s["assignees"]!["institutionKind"] = "ministry"), ("$.steps[1].assignees", "review", "name one kind of assignee only"));
        Add("unknown-institution-role", EditStep(0, s => s["assignees"]!["institutionRole"] = "partner"), ("$.steps[0].assignees.institutionRole", "collect", "unknown institution role 'partner': expected one of member, observer, consulted"));
        Add("unknown-institution-kind", EditStep(0, s => s["assignees"] = new JsonObject { ["institutionKind"] = "court" }), ("$.steps[0].assignees.institutionKind", "collect", "unknown institution kind 'court'"));
        Add("unknown-account-role", EditStep(2, s => s["assignees"]!["role"] = "head"), ("$.steps[2].assignees.role", "validate", "unknown role 'head': expected one of administrator, drafter"));
        Add("focal-point-without-address", EditStep(1, s => s["assignees"] = new JsonObject { ["focalPoint"] = "Ms Alaoui" }), ("$.steps[1].assignees.focalPoint", "review", "'Ms Alaoui' is not a focal point's e-mail address"));
        Add("empty-institution-list", EditStep(1, s => s["assignees"] = new JsonObject { ["institutions"] = new JsonArray() }), ("$.steps[1].assignees.institutions", "review", "must be a non-empty list of institution codes"));

        // Dates and durations.
        Add("bad-duration-in-due-offset", EditStep(0, s => s["due"]!["offset"] = "6 months"), ("$.steps[0].due.offset", "collect", "'6 months' is not an ISO 8601 duration"));
        Add("time-in-duration", EditStep(0, s => s["due"]!["offset"] = "PT12H"), ("$.steps[0].due.offset", "collect", "'PT12H' is not an ISO 8601 duration"));
        Add("bad-relative-to", EditStep(0, s => s["due"]!["relativeTo"] = "report-due-date"), ("$.steps[0].due.relativeTo", "collect", "'report-due-date' is not cycle-due-date or step-start"));
        Add("negative-delay", WithSteps(JsonNode.Parse("""{ "id": "wait", "type": "delay", "duration": "-P30D" }""")!), ("$.steps[0].duration", "wait", "a delay cannot be negative ('-P30D')"));
        Add("deadline-without-until", WithSteps(JsonNode.Parse("""{ "id": "wait", "type": "deadline" }""")!), ("$.steps[0].until", "wait", "missing: an object with relativeTo (cycle-due-date or step-start) and offset"));
        Add("unknown-milestone", WithSteps(JsonNode.Parse("""{ "id": "wait", "type": "wait-event", "event": "dialogue" }""")!), ("$.steps[0].event", "wait", "unknown milestone 'dialogue': expected one of list-of-issues-received"));

        // Approvals.
        Add("approval-without-on-return", EditStep(2, s => s.Remove("onReturn")), ("$.steps[2].onReturn", "validate", "missing: the step a returned approval goes back to"));
        Add("on-return-to-a-missing-step", EditStep(2, s => s["onReturn"] = "redraft"), ("$.steps[2].onReturn", "validate", "'redraft' is not a step of this workflow"));

        // Parallel steps.
        Add(
            "next-into-another-branch",
            WithSteps(Branches(["""{ "id": "left", "type": "delay", "duration": "P1D" }"""], ["""{ "id": "right", "type": "delay", "duration": "P1D", "next": "left" }"""])),
            ("$.steps[0].branches[1][0].next", "right", "'left' is in another branch"));
        Add(
            "next-out-of-a-branch",
            EditBase(r => r["steps"]!.AsArray().Add(Branches(["""{ "id": "left", "type": "delay", "duration": "P1D", "next": "review" }"""], ["""{ "id": "right", "type": "delay", "duration": "P1D" }"""]))),
            ("$.steps[3].branches[0][0].next", "left", "'review' is in another branch"));
        Add(
            "parallel-with-one-branch",
            WithSteps(Branches(["""{ "id": "left", "type": "delay", "duration": "P1D" }"""])),
            ("$.steps[0].branches", "split", "must be a list of at least two branches"));
        Add(
            "parallel-with-an-empty-branch",
            WithSteps(Branches(["""{ "id": "left", "type": "delay", "duration": "P1D" }"""], [])),
            ("$.steps[0].branches[1]", "split", "a branch is a non-empty list of steps"));

        // Decisions and their conditions.
        Add("decision-with-a-syntax-error", Decision("review.complete =="), ("$.steps[3].cases[0].when", "check", "bad expression: the condition ends where a value was expected"));
        Add("decision-with-a-stray-character", Decision("review.complete = true"), ("$.steps[3].cases[0].when", "check", "bad expression: '=' at character 17 is not part of the condition language"));
        Add("decision-referencing-an-unknown-step", Decision("collect.answered > 2 and draft.complete"), ("$.steps[3].cases[0].when", "check", "bad expression: 'draft' at character 26 is not a step of this workflow"));
        Add("decision-referencing-an-unknown-field", Decision("review.done == true"), ("$.steps[3].cases[0].when", "check", "bad expression: step 'review' has no field 'done' (it has: complete, completedBy)"));
        Add("condition-referencing-an-unknown-input", Decision("inputs.urgent"), ("$.steps[3].cases[0].when", "check", "bad expression: 'inputs.urgent' names no input of this workflow"));
        Add("decision-without-cases", WithSteps(JsonNode.Parse("""{ "id": "check", "type": "decision", "otherwise": "end" }""")!), ("$.steps[0].cases", "check", "missing: a decision needs a non-empty list of cases"));
        Add(
            "decision-case-to-a-missing-step",
            EditBase(r => r["steps"]!.AsArray().Add(JsonNode.Parse("""{ "id": "check", "type": "decision", "cases": [ { "when": "review.complete", "next": "publish" } ] }"""))),
            ("$.steps[3].cases[0].next", "check", "'publish' is not a step of this workflow"));

        // Forms.
        Add("choice-field-without-options", EditStep(1, s => s["form"]!["fields"]![0]!["type"] = "choice"), ("$.steps[1].form.fields[0].options", "review", "a choice field needs its options"));
        Add(
            "duplicate-form-field",
            EditStep(1, s => s["form"]!["fields"]!.AsArray().Add(JsonNode.Parse("""{ "name": "complete", "type": "text" }"""))),
            ("$.steps[1].form.fields[1].name", "review", "field 'complete' is declared twice"));
        Add("unknown-field-type", EditStep(1, s => s["form"]!["fields"]![0]!["type"] = "yes-no"), ("$.steps[1].form.fields[0].type", "review", "unknown field type 'yes-no': expected text, number, date, boolean, choice, url or file-list"));
        Add("bad-field-name", EditStep(1, s => s["form"]!["fields"]![0]!["name"] = "is-complete"), ("$.steps[1].form.fields[0].name", "review", "'is-complete' is not a valid field name"));
        Add("form-without-fields", EditStep(1, s => s["form"] = new JsonObject()), ("$.steps[1].form.fields", "review", "missing: the list of the form's fields"));

        // Other activities.
        Add("notify-without-message", WithSteps(JsonNode.Parse("""{ "id": "tell", "type": "notify", "assignees": { "institutionRole": "member" } }""")!), ("$.steps[0].message", "tell", "missing: the message to send"));
        Add("notify-with-a-message-that-is-not-text", WithSteps(JsonNode.Parse("""{ "id": "tell", "type": "notify", "assignees": { "institutionRole": "member" }, "message": 42 }""")!), ("$.steps[0].message", "tell", "must be a non-empty text"));
        Add("unknown-document", WithSteps(JsonNode.Parse("""{ "id": "draft", "type": "generate-draft", "document": "shadow-report" }""")!), ("$.steps[0].document", "draft", "unknown document 'shadow-report'"));
        return faults;
    }
}
