using System.Text.Json.Nodes;
using Nmirf.Workflows.Definitions;

namespace Nmirf.Workflows.Tests.Definitions;

/// <summary>Definitions shared by the reader, schema and diagram tests, and the bodies they may name.</summary>
internal static class SampleDefinitions
{
    /// <summary>The ten bodies of plugins/ and the sample regional body of docs/plugins.md.</summary>
    public static readonly IReadOnlyList<string> Bodies = ["ccpr", "cescr", "cerd", "cedaw", "cat", "crc", "cmw", "crpd", "ced", "upr", "achpr"];

    public static bool KnownBody(string id) => Bodies.Contains(id);

    public static (WorkflowDocument? Document, IReadOnlyList<DefinitionError> Errors) Read(string json, IActivityCatalog? activities = null) =>
        DefinitionReader.Read(json, KnownBody, activities);

    /// <summary>Reads a definition that must be valid, failing with every error otherwise.</summary>
    public static WorkflowDocument ReadValid(string json, IActivityCatalog? activities = null)
    {
        var (document, errors) = Read(json, activities);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return document!;
    }

    /// <summary>The smallest definition the reader accepts.</summary>
    public const string Minimal = """
        {
          "id": "minimal",
          "version": 1,
          "name": "Minimal",
          "body": "ccpr",
          "steps": [
            { "id": "wait", "type": "delay", "duration": "P1D" }
          ]
        }
        """;

    /// <summary>A small valid definition that the faulty cases edit, one fault each.</summary>
    public const string Base = """
        {
          "id": "test-cycle",
          "version": 1,
          "name": "Test cycle",
          "body": "ccpr",
          "inputs": [ { "name": "simplified", "type": "boolean", "required": false } ],
          "steps": [
            {
              "id": "collect", "type": "data-request", "title": "Contributions",
              "assignees": { "institutionRole": "member" },
              "due": { "relativeTo": "cycle-due-date", "offset": "-P6M" }
            },
            {
              "id": "review", "type": "task", "title": "Review of the contributions",
              "assignees": { "role": "administrator" },
              "form": { "fields": [ { "name": "complete", "type": "boolean", "required": true } ] }
            },
            { "id": "validate", "type": "approval", "title": "Validation", "assignees": { "role": "administrator" }, "onReturn": "review" }
          ]
        }
        """;

    /// <summary>Every built-in activity, in a cycle a national mechanism could run.</summary>
    public const string EveryActivity = """
        {
          "id": "ccpr-full-cycle",
          "version": 2,
          "name": "Periodic report to the Human Rights Committee, with reminders",
          "body": "ccpr",
          "country": "MAR",
          "description": "The default cycle with a check of the contributions and a reminder to late institutions.",
          "inputs": [ { "name": "simplified", "type": "boolean", "required": true, "label": "Simplified procedure" } ],
          "steps": [
            {
              "id": "announce", "type": "notify", "title": "Start of the cycle",
              "assignees": { "institutionRole": "member" },
              "message": "The reporting cycle has started; the list of issues is expected from the Committee."
            },
            { "id": "await-list-of-issues", "type": "wait-event", "title": "List of issues", "event": "list-of-issues-received" },
            {
              "id": "contributions", "type": "parallel", "title": "Contributions",
              "branches": [
                [
                  {
                    "id": "collect-contributions", "type": "data-request",
                    "title": "Contributions to the replies to the list of issues",
                    "instructions": "Answer the questions assigned to your institution.",
                    "assignees": { "institutionRole": "member" },
                    "due": { "relativeTo": "cycle-due-date", "offset": "-P6M" },
                    "form": { "fields": [
                      { "name": "contribution", "type": "text", "required": true, "label": "Contribution" },
                      { "name": "evidence", "type": "file-list" }
                    ] }
                  }
                ],
                [
                  {
                    "id": "nhri-information", "type": "task",
                    "title": "Information from the national human rights institution",
                    "assignees": { "institutionKind": "national-human-rights-institution" },
                    "due": { "relativeTo": "step-start", "offset": "P30D" },
                    "form": { "fields": [ { "name": "findings", "type": "text" }, { "name": "source", "type": "url" } ] }
                  },
                  { "id": "nhri-grace-period", "type": "delay", "title": "Two weeks for late documents", "duration": "P2W" }
                ]
              ]
            },
            {
              "id": "check-contributions", "type": "task", "title": "Check the contributions",
              "assignees": { "focalPoint": "focal.point@justice.example.org" },
              "form": { "fields": [
                { "name": "verdict", "type": "choice", "required": true, "options": ["complete", "incomplete"] },
                { "name": "gaps", "type": "number" },
                { "name": "checkedOn", "type": "date" }
              ] }
            },
            {
              "id": "enough", "type": "decision", "title": "Enough to draft?",
              "cases": [
                { "when": "check-contributions.verdict == \"incomplete\" and collect-contributions.missing > 0", "next": "remind" },
                { "when": "not inputs.simplified and empty(nhri-information.findings)", "next": "remind" }
              ],
              "otherwise": "draft-report"
            },
            {
              "id": "remind", "type": "notify",
              "assignees": { "institutions": ["MJ", "MAE"] },
              "message": "Contributions are still missing: please send them before the new deadline."
            },
            { "id": "extra-time", "type": "deadline", "title": "New deadline", "until": { "relativeTo": "cycle-due-date", "offset": "-P4M" } },
            { "id": "draft-report", "type": "generate-draft", "title": "Draft of the report", "document": "periodic-report" },
            {
              "id": "validate", "type": "approval", "title": "Validation of the report",
              "assignees": { "role": "administrator" },
              "due": { "relativeTo": "step-start", "offset": "P15D" },
              "onReturn": "draft-report"
            },
            {
              "id": "submit", "type": "task", "title": "Submit the report to the Committee",
              "assignees": { "role": "drafter" },
              "due": { "relativeTo": "cycle-due-date", "offset": "P0D" }
            },
            { "id": "await-concluding-observations", "type": "wait-event", "event": "concluding-observations-adopted" }
          ]
        }
        """;

    /// <summary><paramref name="json"/> changed by <paramref name="edit"/> (one fault, in the faulty cases).</summary>
    public static string Edit(string json, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    /// <summary>The step at <paramref name="index"/> of <paramref name="root"/>'s top-level list.</summary>
    public static JsonObject Step(JsonObject root, int index) => root["steps"]![index]!.AsObject();
}
