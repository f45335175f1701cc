using Nmirf.Workflows.Definitions;
using Nmirf.Workflows.Diagrams;
using Nmirf.Workflows.Tests.Definitions;

namespace Nmirf.Workflows.Tests.Diagrams;

public sealed class MermaidDiagramTests
{
    /// <summary>A parallel step, a decision that can loop back, an approval that can be returned, a branch ended by next.</summary>
    private const string Small = """
        {
          "id": "small", "version": 1, "name": "Small", "body": "cedaw",
          "steps": [
            { "id": "collect", "type": "data-request", "title": "Contributions", "assignees": { "institutionRole": "member" } },
            {
              "id": "consult", "type": "parallel", "title": "Consultations",
              "branches": [
                [ { "id": "nhri", "type": "task", "title": "NHRI", "assignees": { "institutionKind": "national-human-rights-institution" } } ],
                [ { "id": "civil-society", "type": "task", "title": "Civil society", "assignees": { "institutionKind": "civil-society-organisation" }, "next": "end" } ]
              ]
            },
            { "id": "check", "type": "decision", "cases": [ { "when": "collect.missing > 0", "next": "collect" } ], "otherwise": "draft" },
            { "id": "draft", "type": "generate-draft", "document": "periodic-report" },
            { "id": "validate", "type": "approval", "title": "Validation", "assignees": { "role": "administrator" }, "onReturn": "draft" },
            { "id": "await-outcome", "type": "wait-event", "event": "concluding-observations-adopted" }
          ]
        }
        """;

    private static string[] Lines(string diagram) => diagram.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string[] Edges(string diagram) =>
        [.. Lines(diagram).Select(l => l.Trim()).Where(l => l.Contains("-->", StringComparison.Ordinal) || l.Contains("-.->", StringComparison.Ordinal))];

    private static WorkflowDocument SmallDocument() => SampleDefinitions.ReadValid(Small);

    [Fact]
    public void Render_AnyDocument_IsATopDownFlowchartFromStartToEnd()
    {
        var lines = Lines(MermaidDiagram.Render(SampleDefinitions.ReadValid(SampleDefinitions.Minimal)));

        Assert.Equal(
            [
                "flowchart TD",
                "    wf_start((\"Start\"))",
                "    s_wait(\"wait<br/>delay\")",
                "    wf_end(((\"End\")))",
                "    wf_start --> s_wait",
                "    s_wait --> wf_end",
            ],
            lines);
    }

    [Fact]
    public void Render_EveryActivity_GivesEachStepOneNodeShapedByItsType()
    {
        var document = SampleDefinitions.ReadValid(SampleDefinitions.EveryActivity);

        var lines = Lines(MermaidDiagram.Render(document));

        var edges = Edges(string.Join('\n', lines));
        var declarations = lines.Select(l => l.Trim()).Where(l => !edges.Contains(l)).ToList();
        foreach (var step in document.AllSteps)
        {
            var node = "s_" + step.Id.Replace('-', '_');
            var declaration = Assert.Single(declarations, l => l.StartsWith(node, StringComparison.Ordinal) && !char.IsAsciiLetterOrDigit(l[node.Length]) && l[node.Length] != '_');
            Assert.Contains($"{step.Title ?? step.Id}<br/>{step.Type}", declaration, StringComparison.Ordinal);
        }

        Assert.Contains("s_collect_contributions[\"Contributions to the replies to the list of issues<br/>data-request\"]", declarations);
        Assert.Contains("s_validate[\"Validation of the report<br/>approval\"]", declarations);
        Assert.Contains("s_await_list_of_issues([\"List of issues<br/>wait-event\"])", declarations);
        Assert.Contains("s_extra_time(\"New deadline<br/>deadline\")", declarations);
        Assert.Contains("s_nhri_grace_period(\"Two weeks for late documents<br/>delay\")", declarations);
        Assert.Contains("s_enough{\"Enough to draft?<br/>decision\"}", declarations);
        Assert.Contains("s_contributions{{\"Contributions<br/>parallel\"}}", declarations);
        Assert.Contains("s_contributions_join{{\"join\"}}", declarations);
        Assert.Contains("s_remind>\"remind<br/>notify\"]", declarations);
        Assert.Contains("s_draft_report[[\"Draft of the report<br/>generate-draft\"]]", declarations);
    }

    [Fact]
    public void Render_ParallelDecisionAndApproval_DrawsEveryPathOnce()
    {
        var edges = Edges(MermaidDiagram.Render(SmallDocument()));

        Assert.Equal(
            [
                "wf_start --> s_collect",
                "s_collect --> s_consult",
                "s_consult --> s_nhri",
                "s_nhri --> s_consult_join",
                "s_consult --> s_civil_society",
                "s_civil_society --> s_consult_join",
                "s_consult_join --> s_check",
                "s_check -->|\"collect.missing #gt; 0\"| s_collect",
                "s_check -->|\"otherwise\"| s_draft",
                "s_draft --> s_validate",
                "s_validate --> s_await_outcome",
                "s_validate -.->|\"returned\"| s_draft",
                "s_await_outcome --> wf_end",
            ],
            edges);
    }

    [Fact]
    public void Render_DecisionWithoutOtherwise_TakesTheNextStepOtherwise()
    {
        var document = SampleDefinitions.ReadValid("""
            {
              "id": "round", "version": 1, "name": "Round", "body": "crc",
              "steps": [
                { "id": "collect", "type": "data-request", "title": "Contributions", "assignees": { "institutionRole": "member" } },
                { "id": "check", "type": "decision", "cases": [ { "when": "collect.answered == 0 or not (collect.missing < 3)", "next": "end" } ] },
                { "id": "draft", "type": "generate-draft", "document": "periodic-report", "next": "end" }
              ]
            }
            """);

        var edges = Edges(MermaidDiagram.Render(document));

        Assert.Contains("s_check -->|\"collect.answered == 0 or not #40;collect.missing #lt; 3#41;\"| wf_end", edges);
        Assert.Contains("s_check -->|\"otherwise\"| s_draft", edges);
        Assert.Contains("s_draft --> wf_end", edges);
    }

    [Fact]
    public void Render_WithProgress_MarksEveryStepWithItsClass()
    {
        var document = SmallDocument();
        var progress = new Dictionary<string, StepProgress>
        {
            ["collect"] = StepProgress.Done,
            ["consult"] = StepProgress.Current,
            ["nhri"] = StepProgress.Done,
            ["civil-society"] = StepProgress.Current,
        };

        var lines = Lines(MermaidDiagram.Render(document, progress)).Select(l => l.Trim()).ToList();

        Assert.Single(lines, l => l.StartsWith("classDef done ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("classDef current ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("classDef pending ", StringComparison.Ordinal));
        Assert.Equal(
            [
                "class s_collect done",
                "class s_consult,s_consult_join current",
                "class s_nhri done",
                "class s_civil_society current",
                "class s_check pending",
                "class s_draft pending",
                "class s_validate pending",
                "class s_await_outcome pending",
            ],
            lines.Where(l => l.StartsWith("class ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_WithoutProgress_HasNoClasses()
    {
        var diagram = MermaidDiagram.Render(SmallDocument());

        Assert.DoesNotContain(Lines(diagram), l => l.TrimStart().StartsWith("class", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_LabelsWithMermaidSyntax_AreEscaped()
    {
        var step = new StepDefinition
        {
            Id = "check",
            Type = Activities.Task,
            Path = "$.steps[0]",
            Title = "Check \"draft\" [v2] <b>#1</b> {a} (b) | c & d",
        };
        var document = new WorkflowDocument("escape", 1, "Escape", "ccpr", null, [], [step]);

        var declaration = Lines(MermaidDiagram.Render(document))[2];

        Assert.Equal("    s_check[\"Check #quot;draft#quot; #91;v2#93; #lt;b#gt;#35;1#lt;/b#gt; #123;a#125; #40;b#41; #124; c #amp; d<br/>task\"]", declaration);
    }

    [Fact]
    public void Render_IdsThatMapToTheSameIdentifier_GetDistinctNodes()
    {
        // The reader refuses underscores in step ids; a document built in code may still hold them.
        StepDefinition Delay(string id) => new() { Id = id, Type = Activities.Delay, Path = "$", Duration = new IsoDuration(false, 0, 0, 0, 1) };
        var document = new WorkflowDocument("ids", 1, "Ids", "ccpr", null, [], [Delay("a-b"), Delay("a_b"), Delay("start"), Delay("end-x")]);

        var edges = Edges(MermaidDiagram.Render(document));

        Assert.Equal(["wf_start --> s_a_b", "s_a_b --> s_a_b_2", "s_a_b_2 --> s_start", "s_start --> s_end_x", "s_end_x --> wf_end"], edges);
    }

    [Fact]
    public void Render_PluginActivity_IsAParallelogram()
    {
        var step = new StepDefinition { Id = "sign", Type = "acme:sign-off", Path = "$.steps[0]" };
        var document = new WorkflowDocument("plugin", 1, "Plugin", "ccpr", null, [], [step]);

        Assert.Equal("    s_sign[/\"sign<br/>acme:sign-off\"/]", Lines(MermaidDiagram.Render(document))[2]);
    }
}
