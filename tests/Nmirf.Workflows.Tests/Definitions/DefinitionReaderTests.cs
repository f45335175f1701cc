using Nmirf.Workflows.Definitions;

namespace Nmirf.Workflows.Tests.Definitions;

public sealed class DefinitionReaderTests
{
    [Fact]
    public void Read_MinimalDocument_ReturnsItWithDefaults()
    {
        var document = SampleDefinitions.ReadValid(SampleDefinitions.Minimal);

        Assert.Equal("minimal", document.Id);
        Assert.Equal(1, document.Version);
        Assert.Equal("Minimal", document.Name);
        Assert.Equal("ccpr", document.Body);
        Assert.Null(document.Country);
        Assert.Empty(document.Inputs);
        var step = Assert.Single(document.Steps);
        Assert.Equal(Activities.Delay, step.Type);
        Assert.Equal("$.steps[0]", step.Path);
        Assert.Equal(new IsoDuration(false, 0, 0, 0, 1), step.Duration);
    }

    [Fact]
    public void Read_EveryBuiltInActivity_ReadsEachOneAsWritten()
    {
        var document = SampleDefinitions.ReadValid(SampleDefinitions.EveryActivity);
        var steps = document.AllSteps.ToDictionary(s => s.Id);

        Assert.Equal(Activities.BuiltIn.Order(StringComparer.Ordinal), steps.Values.Select(s => s.Type).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("MAR", document.Country);
        Assert.Equal(2, document.Version);
        Assert.Equal(new WorkflowInput("simplified", FieldType.Boolean, true), Assert.Single(document.Inputs));

        Assert.Equal("member", steps["announce"].Assignees!.InstitutionRole);
        Assert.StartsWith("The reporting cycle has started", steps["announce"].Message, StringComparison.Ordinal);
        Assert.Equal(Milestones.ListOfIssuesReceived, steps["await-list-of-issues"].Event);

        var parallel = steps["contributions"];
        Assert.Equal(2, parallel.Branches.Count);
        Assert.Equal(["collect-contributions"], parallel.Branches[0].Select(s => s.Id));
        Assert.Equal(["nhri-information", "nhri-grace-period"], parallel.Branches[1].Select(s => s.Id));
        Assert.Equal("$.steps[2].branches[1][1]", steps["nhri-grace-period"].Path);
        Assert.Equal(new IsoDuration(false, 0, 0, 2, 0), steps["nhri-grace-period"].Duration);

        var collect = steps["collect-contributions"];
        Assert.Equal(new RelativeDate(DateAnchor.CycleDueDate, new IsoDuration(true, 0, 6, 0, 0)), collect.Due);
        Assert.Equal(["contribution", "evidence"], collect.Form.Select(f => f.Name));
        Assert.Equal([true, false], collect.Form.Select(f => f.Required));
        Assert.Equal(FieldType.FileList, collect.Form[1].Type);
        Assert.Equal("Contribution", collect.Form[0].Label);

        Assert.Equal("national-human-rights-institution", steps["nhri-information"].Assignees!.InstitutionKind);
        Assert.Equal(DateAnchor.StepStart, steps["nhri-information"].Due!.RelativeTo);
        Assert.Equal("focal.point@justice.example.org", steps["check-contributions"].Assignees!.FocalPoint);
        Assert.Equal(["complete", "incomplete"], steps["check-contributions"].Form[0].Options);

        var decision = steps["enough"];
        Assert.Equal(["remind", "remind"], decision.Cases.Select(c => c.Next));
        Assert.Equal("$.steps[4].cases[1]", decision.Cases[1].Path);
        Assert.Equal("draft-report", decision.Otherwise);

        Assert.Equal(["MJ", "MAE"], steps["remind"].Assignees!.Institutions);
        Assert.Equal(new RelativeDate(DateAnchor.CycleDueDate, new IsoDuration(true, 0, 4, 0, 0)), steps["extra-time"].Until);
        Assert.Equal("periodic-report", steps["draft-report"].Document);
        Assert.Equal("draft-report", steps["validate"].OnReturn);
        Assert.Empty(steps["validate"].Form);
        Assert.Equal("drafter", steps["submit"].Assignees!.Role);
        Assert.Equal(Milestones.ConcludingObservationsAdopted, steps["await-concluding-observations"].Event);
    }

    [Fact]
    public void Read_SchemaPropertyAndComments_AreAcceptedAndIgnored()
    {
        var json = """
            {
              // The editor's hint, which the reader does not read.
              "$schema": "https://example.org/workflow.schema.json",
              "id": "commented", "version": 1, "name": "Commented", "body": "upr",
              "steps": [ { "id": "wait", "type": "wait-event", "event": "review-outcome-adopted" } ]
            }
            """;

        Assert.Equal("commented", SampleDefinitions.ReadValid(json).Id);
    }

    [Fact]
    public void Read_StepsSkippedByNextOrEnd_AreReportedUnreachable()
    {
        // A decision that loops back for a second round, a next that skips a step, a branch that ends early.
        var json = """
            {
              "id": "loops", "version": 1, "name": "Loops", "body": "crc",
              "steps": [
                { "id": "collect", "type": "data-request", "title": "Contributions", "assignees": { "institutionRole": "member" } },
                { "id": "check", "type": "decision", "cases": [ { "when": "collect.missing > 0", "next": "collect" } ], "next": "draft" },
                { "id": "never-skipped", "type": "delay", "duration": "P1D", "next": "end" },
                { "id": "draft", "type": "generate-draft", "document": "periodic-report", "next": "split" },
                {
                  "id": "split", "type": "parallel",
                  "branches": [
                    [ { "id": "short", "type": "delay", "duration": "P1D", "next": "end" }, { "id": "skipped-in-branch", "type": "delay", "duration": "P1D" } ],
                    [ { "id": "long", "type": "delay", "duration": "P1M" } ]
                  ]
                }
              ]
            }
            """;

        var (_, errors) = SampleDefinitions.Read(json);

        // never-skipped and skipped-in-branch cannot be reached; nothing else is wrong.
        Assert.Equal(["$.steps[2]", "$.steps[4].branches[0][1]"], errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Contains("unreachable", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_DecisionLoopingBack_IsValid()
    {
        var json = """
            {
              "id": "second-round", "version": 1, "name": "Second round", "body": "crc",
              "steps": [
                { "id": "collect", "type": "data-request", "title": "Contributions", "assignees": { "institutionRole": "member" } },
                { "id": "check", "type": "decision", "cases": [ { "when": "collect.missing > 0", "next": "collect" } ] },
                { "id": "draft", "type": "generate-draft", "document": "periodic-report" }
              ]
            }
            """;

        var document = SampleDefinitions.ReadValid(json);

        Assert.Null(document.AllSteps.Single(s => s.Id == "check").Otherwise);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOne()
    {
        var json = """
            {
              "id": "Bad Id", "version": 0, "name": "Several problems", "body": "nobody", "country": "Morocco",
              "owner": "secretariat",
              "steps": [
                { "id": "collect", "type": "data-request", "title": "Contributions", "assignees": { "role": "head" } },
                { "id": "collect", "type": "email" },
                { "id": "wait", "type": "delay", "duration": "-P1D" },
                { "id": "validate", "type": "approval", "title": "Validation", "assignees": { "role": "administrator" } }
              ]
            }
            """;

        var (document, errors) = SampleDefinitions.Read(json);

        Assert.Null(document);
        Assert.Equal(
            [
                ("$.owner", (string?)null),
                ("$.id", null),
                ("$.version", null),
                ("$.body", null),
                ("$.country", null),
                ("$.steps[0].assignees.role", "collect"),
                ("$.steps[1].id", "collect"),
                ("$.steps[1].type", "collect"),
                ("$.steps[2].duration", "wait"),
                ("$.steps[3].onReturn", "validate"),
            ],
            errors.Select(e => (e.Path, e.Step)));
    }

    [Fact]
    public void Read_PluginActivityItsPluginKnows_KeepsItsParameters()
    {
        var json = """
            {
              "id": "signed", "version": 1, "name": "Signed", "body": "cat",
              "steps": [ { "id": "sign", "type": "acme:sign-off", "title": "Signature", "with": { "signatory": "minister" } } ]
            }
            """;

        var step = Assert.Single(SampleDefinitions.ReadValid(json, new SignOffCatalog()).Steps);

        Assert.Equal("acme:sign-off", step.Type);
        Assert.Equal("minister", step.With["signatory"]);
    }

    [Fact]
    public void Read_DecisionOnAPluginActivitysResult_IsAccepted()
    {
        var json = """
            {
              "id": "signed", "version": 1, "name": "Signed", "body": "cat",
              "steps": [
                { "id": "sign", "type": "acme:sign-off", "with": { "signatory": "minister" } },
                { "id": "signed", "type": "decision", "cases": [ { "when": "sign.outcome == \"refused\"", "next": "sign" } ] }
              ]
            }
            """;

        var decision = SampleDefinitions.ReadValid(json, new SignOffCatalog()).Steps[1];

        Assert.Equal("sign.outcome == \"refused\"", Assert.Single(decision.Cases).When);
    }

    [Fact]
    public void Read_PluginActivityWithParametersItsPluginRefuses_ReportsThePluginsProblem()
    {
        var json = """
            {
              "id": "signed", "version": 1, "name": "Signed", "body": "cat",
              "steps": [ { "id": "sign", "type": "acme:sign-off", "with": { "signatory": "nobody" } } ]
            }
            """;

        var error = Assert.Single(SampleDefinitions.Read(json, new SignOffCatalog()).Errors);

        Assert.Equal(new DefinitionError("$.steps[0].with", "sign", "signatory is minister or secretary"), error);
    }

    [Fact]
    public void Read_PluginActivityWithoutItsPlugin_IsAnUnknownActivity()
    {
        var json = """
            {
              "id": "signed", "version": 1, "name": "Signed", "body": "cat",
              "steps": [ { "id": "sign", "type": "acme:sign-off", "with": { "signatory": "minister" } } ]
            }
            """;

        var error = Assert.Single(SampleDefinitions.Read(json).Errors);

        Assert.Equal("$.steps[0].type", error.Path);
        Assert.Contains("unknown activity 'acme:sign-off'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefinitionError_ToString_NamesPathAndStep()
    {
        Assert.Equal("$.steps[1].next (step 'review'): 'x' is not a step of this workflow", new DefinitionError("$.steps[1].next", "review", "'x' is not a step of this workflow").ToString());
        Assert.Equal("$.body: missing", new DefinitionError("$.body", null, "missing").ToString());
    }

    private sealed class SignOffCatalog : IActivityCatalog
    {
        public bool Knows(string type) => type == "acme:sign-off";

        public IReadOnlyList<string> Check(string type, IReadOnlyDictionary<string, string> parameters) =>
            parameters.GetValueOrDefault("signatory") is "minister" or "secretary" ? [] : ["signatory is minister or secretary"];
    }
}
