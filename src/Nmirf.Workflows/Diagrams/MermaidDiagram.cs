using System.Text;
using Nmirf.Workflows.Definitions;

namespace Nmirf.Workflows.Diagrams;

/// <summary>
/// A workflow as a Mermaid <c>flowchart TD</c> (<c>nmirf workflow diagram</c>), optionally with the progress of a
/// running instance. Shapes tell the kind of step: rectangles for human tasks, stadiums and rounded boxes for
/// waits, a rhombus for a decision, a hexagon pair (fork and join) around the branches of a parallel step.
/// </summary>
public static class MermaidDiagram
{
    private const string Indent = "    ";
    private const string StartNode = "wf_start";
    private const string EndNode = "wf_end";
    private const string End = "end";

    /// <summary>The diagram of <paramref name="document"/>; with <paramref name="progress"/>, steps are coloured by it (a step it omits is pending).</summary>
    public static string Render(WorkflowDocument document, IReadOnlyDictionary<string, StepProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var nodes = new NodeIds(document);
        var lines = new List<string> { "flowchart TD", $"{Indent}{StartNode}((\"Start\"))" };
        DeclareNodes(document.Steps, nodes, lines);
        lines.Add($"{Indent}{EndNode}(((\"End\")))");

        lines.Add($"{Indent}{StartNode} --> {(document.Steps.Count > 0 ? nodes.Entry(document.Steps[0]) : EndNode)}");
        Connect(document.Steps, EndNode, nodes, lines);

        if (progress is not null)
        {
            lines.Add($"{Indent}classDef done fill:#d8f0dc,stroke:#2e7d32,color:#1b5e20");
            lines.Add($"{Indent}classDef current fill:#fff4cc,stroke:#e6a700,stroke-width:3px");
            lines.Add($"{Indent}classDef pending fill:#f4f4f4,stroke:#9e9e9e,color:#616161");
            foreach (var step in document.AllSteps)
            {
                var state = progress.TryGetValue(step.Id, out var p) ? p : StepProgress.Pending;
                var marked = step.Type == Activities.Parallel ? $"{nodes.Entry(step)},{nodes.Exit(step)}" : nodes.Entry(step);
                lines.Add($"{Indent}class {marked} {state.ToString().ToLowerInvariant()}");
            }
        }

        return string.Join('\n', lines) + "\n";
    }

    private static void DeclareNodes(IReadOnlyList<StepDefinition> steps, NodeIds nodes, List<string> lines)
    {
        foreach (var step in steps)
        {
            var label = Escape(step.Title ?? step.Id) + "<br/>" + Escape(step.Type);
            lines.Add(Indent + nodes.Entry(step) + Shape(step.Type, label));
            if (step.Type == Activities.Parallel)
            {
                foreach (var branch in step.Branches)
                {
                    DeclareNodes(branch, nodes, lines);
                }

                lines.Add($"{Indent}{nodes.Exit(step)}{{{{\"join\"}}}}");
            }
        }
    }

    private static string Shape(string type, string label) => type switch
    {
        Activities.Task or Activities.DataRequest or Activities.Approval => $"[\"{label}\"]",
        Activities.WaitEvent => $"([\"{label}\"])",
        Activities.Deadline or Activities.Delay => $"(\"{label}\")",
        Activities.Decision => $"{{\"{label}\"}}",
        Activities.Parallel => $"{{{{\"{label}\"}}}}",
        Activities.Notify => $">\"{label}\"]",
        Activities.GenerateDraft => $"[[\"{label}\"]]",

        // A plugin's activity: a parallelogram, so that it stands out from the built-in ones.
        _ => $"[/\"{label}\"/]",
    };

    /// <summary>The edges of one list of steps; <paramref name="exit"/> is where the list leads when it ends.</summary>
    private static void Connect(IReadOnlyList<StepDefinition> steps, string exit, NodeIds nodes, List<string> lines)
    {
        string? Target(string? stepId, string fallback) =>
            stepId is null ? fallback
            : stepId == End ? exit
            : nodes.EntryOf(stepId);

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var following = i + 1 < steps.Count ? nodes.Entry(steps[i + 1]) : exit;
            var from = nodes.Exit(step);

            if (step.Type == Activities.Parallel)
            {
                foreach (var branch in step.Branches.Where(b => b.Count > 0))
                {
                    lines.Add($"{Indent}{nodes.Entry(step)} --> {nodes.Entry(branch[0])}");
                    Connect(branch, from, nodes, lines);
                }
            }

            if (step.Type == Activities.Decision)
            {
                foreach (var c in step.Cases)
                {
                    Edge(lines, from, Target(c.Next, following), " -->", c.When);
                }

                Edge(lines, from, Target(step.Otherwise ?? step.Next, following), " -->", "otherwise");
            }
            else
            {
                Edge(lines, from, Target(step.Next, following), " -->", null);
            }

            if (step.OnReturn is not null)
            {
                Edge(lines, from, nodes.EntryOf(step.OnReturn), " -.->", "returned");
            }
        }
    }

    private static void Edge(List<string> lines, string from, string? to, string arrow, string? label)
    {
        // A target that names no step (a document that did not pass the reader) is left out rather than drawn
        // to a node Mermaid would invent.
        if (to is null)
        {
            return;
        }

        lines.Add(label is null ? $"{Indent}{from}{arrow} {to}" : $"{Indent}{from}{arrow}|\"{Escape(label)}\"| {to}");
    }

    /// <summary>
    /// Text safe inside a quoted Mermaid label: Mermaid reads <c>#name;</c> as an entity, so <c>#</c> goes first,
    /// then the characters that would end the label or be taken as markup.
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '#' => "#35;",
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '[' => "#91;",
                ']' => "#93;",
                '{' => "#123;",
                '}' => "#125;",
                '(' => "#40;",
                ')' => "#41;",
                '|' => "#124;",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Mermaid identifiers for the steps: <c>s_</c> and the id with anything but letters, digits and underscores
    /// replaced by underscores (hyphens would be read as edges), made unique; a parallel step also has a join node.
    /// </summary>
    private sealed class NodeIds
    {
        private readonly Dictionary<string, string> _entries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _joins = new(StringComparer.Ordinal);
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal) { StartNode, EndNode };

        public NodeIds(WorkflowDocument document)
        {
            // Steps first, then joins: a step keeps its natural id even when a join would have wanted it.
            var steps = document.AllSteps.ToList();
            foreach (var step in steps.Where(s => !_entries.ContainsKey(s.Id)))
            {
                _entries[step.Id] = Take("s_" + Safe(step.Id));
            }

            foreach (var step in steps.Where(s => s.Type == Activities.Parallel && !_joins.ContainsKey(s.Id)))
            {
                _joins[step.Id] = Take("s_" + Safe(step.Id) + "_join");
            }
        }

        public string Entry(StepDefinition step) => _entries[step.Id];

        public string Exit(StepDefinition step) => _joins.TryGetValue(step.Id, out var join) ? join : _entries[step.Id];

        public string? EntryOf(string stepId) => _entries.GetValueOrDefault(stepId);

        private static string Safe(string id)
        {
            var safe = new StringBuilder(id.Length);
            foreach (var c in id)
            {
                safe.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
            }

            return safe.ToString();
        }

        private string Take(string wanted)
        {
            var id = wanted;
            for (var n = 2; !_taken.Add(id); n++)
            {
                id = $"{wanted}_{n}";
            }

            return id;
        }
    }
}
