using System.Text.Json;
using System.Text.RegularExpressions;
using Nmirf.BuildingBlocks.Countries;
using Nmirf.Workflows.Expressions;

namespace Nmirf.Workflows.Definitions;

/// <summary>A problem in a workflow definition: where (JSON path, and the step when there is one) and what.</summary>
public sealed record DefinitionError(string Path, string? Step, string Message)
{
    public override string ToString() => Step is null ? $"{Path}: {Message}" : $"{Path} (step '{Step}'): {Message}";
}

/// <summary>What a plugin activity accepts, so that definitions using it are checked before they are saved.</summary>
public interface IActivityCatalog
{
    /// <summary>True when a plugin registered <paramref name="type"/>.</summary>
    bool Knows(string type);

    /// <summary>The problems of <paramref name="parameters"/> for <paramref name="type"/>, each a sentence.</summary>
    IReadOnlyList<string> Check(string type, IReadOnlyDictionary<string, string> parameters);
}

/// <summary>
/// Reads a workflow definition from JSON and checks it completely: structure, vocabulary, references between
/// steps, reachability, that every step can complete, assignees, durations and conditions. Every problem is
/// reported (not only the first), each with its JSON path and step.
/// </summary>
public static partial class DefinitionReader
{
    /// <summary>Definitions are small; anything larger is refused before parsing.</summary>
    public const int MaxBytes = 1024 * 1024;

    public const int MaxSteps = 500;

    private const string End = "end";

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabId();

    [GeneratedRegex("^[a-z0-9]+:[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PluginActivity();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();

    private static readonly string[] TopLevel = ["$schema", "id", "version", "name", "body", "country", "description", "inputs", "steps"];
    private static readonly string[] Common = ["id", "type", "title", "instructions", "next"];
    private static readonly string[] SingleAssignees = ["institutionRole", "institutionKind", "focalPoint", "role"];

    private static readonly Dictionary<string, string[]> ByType = new(StringComparer.Ordinal)
    {
        [Activities.Task] = ["assignees", "due", "form"],
        [Activities.DataRequest] = ["assignees", "due", "form"],
        [Activities.Approval] = ["assignees", "due", "onReturn"],
        [Activities.WaitEvent] = ["event"],
        [Activities.Deadline] = ["until"],
        [Activities.Delay] = ["duration"],
        [Activities.Parallel] = ["branches"],
        [Activities.Decision] = ["cases", "otherwise"],
        [Activities.Notify] = ["assignees", "message"],
        [Activities.GenerateDraft] = ["document"],
    };

    public static readonly IReadOnlyList<string> InstitutionRoles = ["member", "observer", "consulted"];

    public static readonly IReadOnlyList<string> InstitutionKinds =
        ["ministry", "agency", "parliament", "judiciary", "national-human-rights-institution", "civil-society-organisation", "other"];

    public static readonly IReadOnlyList<string> AccountRoles = ["administrator", "drafter"];

    /// <summary>
    /// The documents a <c>generate-draft</c> step can ask for: those the state writes. The names are those of
    /// <c>Nmirf.Plugins.Abstractions.DocumentKind</c> in kebab case, except <c>follow-up-report</c>: the state's
    /// follow-up information.
    /// </summary>
    public static readonly IReadOnlyList<string> DocumentKinds =
    [
        "common-core-document", "initial-report", "periodic-report", "replies-to-list-of-issues", "follow-up-report",
        "additional-information", "upr-national-report", "upr-mid-term-report",
    ];

    /// <summary>Reads and checks <paramref name="json"/>; either a document or every problem found.</summary>
    public static (WorkflowDocument? Document, IReadOnlyList<DefinitionError> Errors) Read(string json, Func<string, bool> knownBody, IActivityCatalog? activities = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(knownBody);
        if (System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            return (null, [new DefinitionError("$", null, $"the definition is larger than {MaxBytes / 1024} KB")]);
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: " : "";
            return (null, [new DefinitionError("$", null, where + "not valid JSON (" + FirstSentence(ex.Message) + ")")]);
        }

        using (parsed)
        {
            var context = new Context(knownBody, activities);
            var document = context.ReadDocument(parsed.RootElement);
            if (document is not null && context.Errors.Count == 0)
            {
                context.CheckGraph(document);
            }

            return context.Errors.Count == 0 ? (document, []) : (null, context.Errors);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }

    private sealed class Context(Func<string, bool> knownBody, IActivityCatalog? activities)
    {
        public List<DefinitionError> Errors { get; } = [];

        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private int _stepCount;

        private void Error(string path, string? step, string message) => Errors.Add(new DefinitionError(path, step, message));

        public WorkflowDocument? ReadDocument(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", null, "a workflow definition is a JSON object");
                return null;
            }

            UnknownProperties(root, "$", null, TopLevel);
            var id = RequiredString(root, "$", null, "id");
            if (id is not null && !KebabId().IsMatch(id))
            {
                Error("$.id", null, $"'{id}' is not a valid id: lower-case letters, digits and single hyphens");
            }

            var version = 0;
            if (!root.TryGetProperty("version", out var v))
            {
                Error("$.version", null, "missing: the version number, 1 or more");
            }
            else if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out version) || version < 1)
            {
                Error("$.version", null, $"{v.GetRawText()} is not a version number (a whole number, 1 or more)");
            }

            var name = RequiredString(root, "$", null, "name");
            var body = RequiredString(root, "$", null, "body");
            if (body is not null && !knownBody(body))
            {
                Error("$.body", null, $"'{body}' is not a body any loaded plugin knows");
            }

            var country = OptionalString(root, "$", null, "country");
            if (country is not null && !CountryCodes.IsValid(country))
            {
                Error("$.country", null, $"'{country}' is not an ISO 3166-1 alpha-3 country code");
            }

            var inputs = ReadInputs(root);
            var steps = new List<StepDefinition>();
            if (!root.TryGetProperty("steps", out var stepsElement))
            {
                Error("$.steps", null, "missing: the list of steps");
            }
            else if (stepsElement.ValueKind != JsonValueKind.Array || stepsElement.GetArrayLength() == 0)
            {
                Error("$.steps", null, "must be a non-empty list of steps");
            }
            else
            {
                steps = ReadSteps(stepsElement, "$.steps");
            }

            return id is null || name is null || body is null
                ? null
                : new WorkflowDocument(id, version, name, body, country, inputs, steps);
        }

        private List<WorkflowInput> ReadInputs(JsonElement root)
        {
            var inputs = new List<WorkflowInput>();
            if (!root.TryGetProperty("inputs", out var element))
            {
                return inputs;
            }

            if (element.ValueKind != JsonValueKind.Array)
            {
                Error("$.inputs", null, "must be a list of inputs");
                return inputs;
            }

            var index = 0;
            foreach (var input in element.EnumerateArray())
            {
                var path = $"$.inputs[{index++}]";
                if (input.ValueKind != JsonValueKind.Object)
                {
                    Error(path, null, "an input is an object with name, type and required");
                    continue;
                }

                UnknownProperties(input, path, null, ["name", "type", "required", "label"]);
                var name = RequiredString(input, path, null, "name");
                var type = ReadFieldType(input, path, null);
                if (name is not null && type is not null)
                {
                    if (inputs.Any(i => i.Name == name))
                    {
                        Error(path + ".name", null, $"input '{name}' is declared twice");
                    }

                    inputs.Add(new WorkflowInput(name, type.Value, ReadBool(input, path, null, "required")));
                }
            }

            return inputs;
        }

        private List<StepDefinition> ReadSteps(JsonElement array, string path)
        {
            var steps = new List<StepDefinition>();
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var step = ReadStep(element, $"{path}[{index++}]");
                if (step is not null)
                {
                    steps.Add(step);
                }
            }

            return steps;
        }

        private StepDefinition? ReadStep(JsonElement element, string path)
        {
            if (++_stepCount > MaxSteps)
            {
                if (_stepCount == MaxSteps + 1)
                {
                    Error(path, null, $"a workflow has at most {MaxSteps} steps");
                }

                return null;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                Error(path, null, "a step is an object with at least id and type");
                return null;
            }

            var id = RequiredString(element, path, null, "id");
            if (id is not null && !KebabId().IsMatch(id))
            {
                Error(path + ".id", id, $"'{id}' is not a valid step id: lower-case letters, digits and single hyphens");
            }
            else if (id is End or "inputs")
            {
                Error(path + ".id", id, $"'{id}' is reserved and cannot name a step");
            }
            else if (id is not null && !_ids.Add(id))
            {
                Error(path + ".id", id, $"duplicate step id '{id}'");
            }

            var type = RequiredString(element, path, id, "type");
            if (type is null)
            {
                return null;
            }

            var plugin = false;
            if (!ByType.TryGetValue(type, out var specific))
            {
                if (PluginActivity().IsMatch(type) && activities?.Knows(type) == true)
                {
                    plugin = true;
                    specific = ["with"];
                }
                else
                {
                    Error(path + ".type", id, $"unknown activity '{type}': expected one of {string.Join(", ", Activities.BuiltIn)}, or an activity a loaded plugin registers (plugin-id:name)");
                    return null;
                }
            }

            UnknownProperties(element, path, id, [.. Common, .. specific]);
            var step = new StepDefinition
            {
                Id = id ?? "",
                Type = type,
                Path = path,
                Title = OptionalString(element, path, id, "title"),
                Instructions = OptionalString(element, path, id, "instructions"),
                Next = OptionalString(element, path, id, "next"),
            };

            switch (type)
            {
                case Activities.Task or Activities.DataRequest or Activities.Approval:
                    if (step.Title is null && !Present(element, "title"))
                    {
                        Error(path + ".title", id, "missing: a human task needs a title");
                    }

                    step = step with
                    {
                        Assignees = ReadAssignees(element, path, id, required: true),
                        Due = ReadRelativeDate(element, path, id, "due", required: false),
                        Form = type == Activities.Approval ? [] : ReadForm(element, path, id),
                        OnReturn = type == Activities.Approval ? RequiredString(element, path, id, "onReturn", "the step a returned approval goes back to") : null,
                    };
                    break;
                case Activities.WaitEvent:
                    var milestone = RequiredString(element, path, id, "event");
                    if (milestone is not null && !Milestones.All.Contains(milestone))
                    {
                        Error(path + ".event", id, $"unknown milestone '{milestone}': expected one of {string.Join(", ", Milestones.All)}");
                    }

                    step = step with { Event = milestone };
                    break;
                case Activities.Deadline:
                    step = step with { Until = ReadRelativeDate(element, path, id, "until", required: true) };
                    break;
                case Activities.Delay:
                    var raw = RequiredString(element, path, id, "duration");
                    var duration = IsoDuration.TryParse(raw);
                    if (raw is not null && duration is null)
                    {
                        Error(path + ".duration", id, $"'{raw}' is not an ISO 8601 duration such as P30D, P6M or P1Y");
                    }
                    else if (duration is { Negative: true })
                    {
                        Error(path + ".duration", id, $"a delay cannot be negative ('{raw}'); use a deadline relative to the cycle's due date");
                    }

                    step = step with { Duration = duration };
                    break;
                case Activities.Parallel:
                    step = step with { Branches = ReadBranches(element, path, id) };
                    break;
                case Activities.Decision:
                    step = step with { Cases = ReadCases(element, path, id), Otherwise = OptionalString(element, path, id, "otherwise") };
                    break;
                case Activities.Notify:
                    // Read once: a message of the wrong type would otherwise be reported twice.
                    var message = OptionalString(element, path, id, "message");
                    if (message is null && !Present(element, "message"))
                    {
                        Error(path + ".message", id, "missing: the message to send");
                    }

                    step = step with { Assignees = ReadAssignees(element, path, id, required: true), Message = message };
                    break;
                case Activities.GenerateDraft:
                    var document = RequiredString(element, path, id, "document");
                    if (document is not null && !DocumentKinds.Contains(document))
                    {
                        Error(path + ".document", id, $"unknown document '{document}': expected one of {string.Join(", ", DocumentKinds)}");
                    }

                    step = step with { Document = document };
                    break;
            }

            if (plugin)
            {
                var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
                if (element.TryGetProperty("with", out var with))
                {
                    if (with.ValueKind != JsonValueKind.Object)
                    {
                        Error(path + ".with", id, "must be an object of text parameters");
                    }
                    else
                    {
                        DuplicateProperties(with, path + ".with", id);
                        foreach (var p in with.EnumerateObject())
                        {
                            if (p.Value.ValueKind != JsonValueKind.String)
                            {
                                Error($"{path}.with.{p.Name}", id, "parameters are text");
                            }
                            else
                            {
                                parameters[p.Name] = p.Value.GetString()!;
                            }
                        }
                    }
                }

                foreach (var problem in activities!.Check(type, parameters))
                {
                    Error(path + ".with", id, problem);
                }

                step = step with { With = parameters };
            }

            return step;
        }

        private List<IReadOnlyList<StepDefinition>> ReadBranches(JsonElement element, string path, string? id)
        {
            var branches = new List<IReadOnlyList<StepDefinition>>();
            if (!element.TryGetProperty("branches", out var array))
            {
                Error(path + ".branches", id, "missing: a parallel step needs at least two branches");
                return branches;
            }

            if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() < 2)
            {
                Error(path + ".branches", id, "must be a list of at least two branches, each a list of steps");
                return branches;
            }

            var index = 0;
            foreach (var branch in array.EnumerateArray())
            {
                var branchPath = $"{path}.branches[{index++}]";
                if (branch.ValueKind != JsonValueKind.Array || branch.GetArrayLength() == 0)
                {
                    Error(branchPath, id, "a branch is a non-empty list of steps");
                    continue;
                }

                branches.Add(ReadSteps(branch, branchPath));
            }

            return branches;
        }

        private List<DecisionCase> ReadCases(JsonElement element, string path, string? id)
        {
            var cases = new List<DecisionCase>();
            if (!element.TryGetProperty("cases", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
            {
                Error(path + ".cases", id, "missing: a decision needs a non-empty list of cases, each with when and next");
                return cases;
            }

            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var casePath = $"{path}.cases[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    Error(casePath, id, "a case is an object with when and next");
                    continue;
                }

                UnknownProperties(item, casePath, id, ["when", "next"]);
                var when = RequiredString(item, casePath, id, "when");
                var next = RequiredString(item, casePath, id, "next");
                if (when is not null && next is not null)
                {
                    cases.Add(new DecisionCase(when, next, casePath));
                }
            }

            return cases;
        }

        private Assignees? ReadAssignees(JsonElement element, string path, string? id, bool required)
        {
            if (!element.TryGetProperty("assignees", out var a))
            {
                if (required)
                {
                    Error(path + ".assignees", id, "missing assignee: name an institution, institutions, an institutionRole, an institutionKind, a focalPoint or a role");
                }

                return null;
            }

            var where = path + ".assignees";
            if (a.ValueKind != JsonValueKind.Object)
            {
                Error(where, id, "must be an object");
                return null;
            }

            UnknownProperties(a, where, id, ["institution", "institutions", "institutionRole", "institutionKind", "focalPoint", "role"]);
            var institutions = new List<string>();
            if (OptionalString(a, where, id, "institution") is { } one)
            {
                institutions.Add(one);
            }

            if (a.TryGetProperty("institutions", out var many))
            {
                if (many.ValueKind != JsonValueKind.Array || many.GetArrayLength() == 0 || many.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                {
                    Error(where + ".institutions", id, "must be a non-empty list of institution codes");
                }
                else
                {
                    institutions.AddRange(many.EnumerateArray().Select(e => e.GetString()!));
                }
            }

            var role = OptionalString(a, where, id, "institutionRole");
            if (role is not null && !InstitutionRoles.Contains(role))
            {
                Error(where + ".institutionRole", id, $"unknown institution role '{role}': expected one of {string.Join(", ", InstitutionRoles)}");
            }

            var kind = OptionalString(a, where, id, "institutionKind");
            if (kind is not null && !InstitutionKinds.Contains(kind))
            {
                Error(where + ".institutionKind", id, $"unknown institution kind '{kind}': expected one of {string.Join(", ", InstitutionKinds)}");
            }

            var focalPoint = OptionalString(a, where, id, "focalPoint");
            if (focalPoint is not null && !focalPoint.Contains('@', StringComparison.Ordinal))
            {
                Error(where + ".focalPoint", id, $"'{focalPoint}' is not a focal point's e-mail address");
            }

            var accountRole = OptionalString(a, where, id, "role");
            if (accountRole is not null && !AccountRoles.Contains(accountRole))
            {
                Error(where + ".role", id, $"unknown role '{accountRole}': expected one of {string.Join(", ", AccountRoles)}");
            }

            // What is written counts, valid or not: a refused value (an empty list, a number) is reported once,
            // where it is, rather than again as a missing assignee.
            var given = (Present(a, "institution") || Present(a, "institutions") ? 1 : 0)
                + SingleAssignees.Count(p => Present(a, p));
            if (given == 0)
            {
                Error(where, id, "missing assignee: name an institution, institutions, an institutionRole, an institutionKind, a focalPoint or a role");
                return null;
            }

            if (given > 1)
            {
                Error(where, id, "name one kind of assignee only");
            }

            return new Assignees(institutions, role, kind, focalPoint, accountRole);
        }

        private RelativeDate? ReadRelativeDate(JsonElement element, string path, string? id, string property, bool required)
        {
            var where = $"{path}.{property}";
            if (!element.TryGetProperty(property, out var d))
            {
                if (required)
                {
                    Error(where, id, "missing: an object with relativeTo (cycle-due-date or step-start) and offset (an ISO 8601 duration)");
                }

                return null;
            }

            if (d.ValueKind != JsonValueKind.Object)
            {
                Error(where, id, "must be an object with relativeTo and offset");
                return null;
            }

            UnknownProperties(d, where, id, ["relativeTo", "offset"]);
            var anchor = RequiredString(d, where, id, "relativeTo");
            DateAnchor? relativeTo = anchor switch
            {
                "cycle-due-date" => DateAnchor.CycleDueDate,
                "step-start" => DateAnchor.StepStart,
                null => null,
                _ => null,
            };
            if (anchor is not null && relativeTo is null)
            {
                Error(where + ".relativeTo", id, $"'{anchor}' is not cycle-due-date or step-start");
            }

            var raw = RequiredString(d, where, id, "offset");
            var offset = IsoDuration.TryParse(raw);
            if (raw is not null && offset is null)
            {
                Error(where + ".offset", id, $"'{raw}' is not an ISO 8601 duration such as -P9M, P30D or P1Y");
            }

            return relativeTo is null || offset is null ? null : new RelativeDate(relativeTo.Value, offset);
        }

        private List<FormField> ReadForm(JsonElement element, string path, string? id)
        {
            var fields = new List<FormField>();
            if (!element.TryGetProperty("form", out var form))
            {
                return fields;
            }

            var where = path + ".form";
            if (form.ValueKind != JsonValueKind.Object)
            {
                Error(where, id, "must be an object with a list of fields");
                return fields;
            }

            UnknownProperties(form, where, id, ["fields"]);
            if (!form.TryGetProperty("fields", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                Error(where + ".fields", id, "missing: the list of the form's fields");
                return fields;
            }

            var index = 0;
            foreach (var f in list.EnumerateArray())
            {
                var fieldPath = $"{where}.fields[{index++}]";
                if (f.ValueKind != JsonValueKind.Object)
                {
                    Error(fieldPath, id, "a field is an object with name, type and required");
                    continue;
                }

                UnknownProperties(f, fieldPath, id, ["name", "type", "required", "label", "options"]);
                var name = RequiredString(f, fieldPath, id, "name");
                if (name is not null && !FieldName().IsMatch(name))
                {
                    Error(fieldPath + ".name", id, $"'{name}' is not a valid field name: a letter, then letters, digits or underscores");
                    name = null;
                }

                var type = ReadFieldType(f, fieldPath, id);
                var options = new List<string>();
                if (f.TryGetProperty("options", out var o))
                {
                    if (o.ValueKind != JsonValueKind.Array || o.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                    {
                        Error(fieldPath + ".options", id, "must be a list of texts");
                    }
                    else
                    {
                        options.AddRange(o.EnumerateArray().Select(e => e.GetString()!));
                    }
                }

                if (type == FieldType.Choice && options.Count == 0)
                {
                    Error(fieldPath + ".options", id, "a choice field needs its options");
                }

                if (name is not null && type is not null)
                {
                    if (fields.Any(x => x.Name == name))
                    {
                        Error(fieldPath + ".name", id, $"field '{name}' is declared twice");
                    }

                    fields.Add(new FormField(name, type.Value, ReadBool(f, fieldPath, id, "required"), OptionalString(f, fieldPath, id, "label"), options));
                }
            }

            return fields;
        }

        private FieldType? ReadFieldType(JsonElement element, string path, string? id)
        {
            var raw = RequiredString(element, path, id, "type");
            FieldType? type = raw switch
            {
                "text" => FieldType.Text,
                "number" => FieldType.Number,
                "date" => FieldType.Date,
                "boolean" => FieldType.Boolean,
                "choice" => FieldType.Choice,
                "url" => FieldType.Url,
                "file-list" => FieldType.FileList,
                _ => null,
            };
            if (raw is not null && type is null)
            {
                Error(path + ".type", id, $"unknown field type '{raw}': expected text, number, date, boolean, choice, url or file-list");
            }

            return type;
        }

        public void CheckGraph(WorkflowDocument document)
        {
            var steps = document.AllSteps.ToDictionary(s => s.Id, StringComparer.Ordinal);
            var scopeOf = new Dictionary<string, IReadOnlyList<StepDefinition>>(StringComparer.Ordinal);
            void MapScopes(IReadOnlyList<StepDefinition> list)
            {
                foreach (var step in list)
                {
                    scopeOf[step.Id] = list;
                    foreach (var branch in step.Branches)
                    {
                        MapScopes(branch);
                    }
                }
            }

            MapScopes(document.Steps);

            // Targets: each must be a step of the same list (a jump never leaves or enters a branch).
            void Target(StepDefinition from, string? target, string property, bool allowEnd)
            {
                if (target is null || (allowEnd && target == End))
                {
                    return;
                }

                if (!steps.ContainsKey(target))
                {
                    Error($"{from.Path}.{property}", from.Id, $"'{target}' is not a step of this workflow");
                }
                else if (!ReferenceEquals(scopeOf[target], scopeOf[from.Id]))
                {
                    Error($"{from.Path}.{property}", from.Id, $"'{target}' is in another branch: a step can only go to a step of its own list");
                }
                else if (target == from.Id)
                {
                    Error($"{from.Path}.{property}", from.Id, "a step cannot go to itself");
                }
            }

            foreach (var step in steps.Values)
            {
                Target(step, step.Next, "next", allowEnd: true);
                Target(step, step.OnReturn, "onReturn", allowEnd: false);
                Target(step, step.Otherwise, "otherwise", allowEnd: true);
                foreach (var c in step.Cases)
                {
                    Target(step, c.Next, $"cases[{step.Cases.ToList().IndexOf(c)}].next", allowEnd: true);
                    var condition = Condition.TryParse(c.When, out var error);
                    if (condition is null)
                    {
                        Errors.Add(new DefinitionError(c.Path + ".when", step.Id, $"bad expression: {error}"));
                        continue;
                    }

                    foreach (var reference in condition.References)
                    {
                        CheckReference(document, steps, step, c, reference);
                    }
                }
            }

            if (Errors.Count > 0)
            {
                return;
            }

            // Reachability from the first step; a parallel step reaches the first step of each branch.
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<StepDefinition>();
            queue.Enqueue(document.Steps[0]);
            while (queue.Count > 0)
            {
                var step = queue.Dequeue();
                if (!reached.Add(step.Id))
                {
                    continue;
                }

                foreach (var next in Successors(step, scopeOf[step.Id]).Where(n => n != End))
                {
                    queue.Enqueue(steps[next]);
                }

                foreach (var branch in step.Branches)
                {
                    queue.Enqueue(branch[0]);
                }
            }

            foreach (var step in steps.Values.Where(s => !reached.Contains(s.Id)))
            {
                Error(step.Path, step.Id, "unreachable: no path from the first step leads here");
            }

            // Completion: a step completes when one of its successors ends its list or completes; a parallel
            // step also needs every branch to complete.
            var completes = new HashSet<string>(StringComparer.Ordinal);
            bool changed;
            do
            {
                changed = false;
                foreach (var step in steps.Values.Where(s => !completes.Contains(s.Id)))
                {
                    var branchesComplete = step.Branches.All(b => completes.Contains(b[0].Id));
                    var onward = Successors(step, scopeOf[step.Id]).Any(n => n == End || completes.Contains(n));
                    if (branchesComplete && onward)
                    {
                        completes.Add(step.Id);
                        changed = true;
                    }
                }
            }
            while (changed);

            foreach (var step in steps.Values.Where(s => reached.Contains(s.Id) && !completes.Contains(s.Id)))
            {
                Error(step.Path, step.Id, "never completes: every path from this step loops without reaching the end");
            }
        }

        private void CheckReference(WorkflowDocument document, Dictionary<string, StepDefinition> steps, StepDefinition step, DecisionCase c, Condition.Reference reference)
        {
            var where = c.Path + ".when";
            if (reference.Step == "inputs")
            {
                if (!document.Inputs.Any(i => i.Name == reference.Field))
                {
                    Errors.Add(new DefinitionError(where, step.Id, $"bad expression: '{reference}' names no input of this workflow"));
                }

                return;
            }

            if (!steps.TryGetValue(reference.Step, out var source))
            {
                Errors.Add(new DefinitionError(where, step.Id, $"bad expression: '{reference.Step}' at character {reference.Position + 1} is not a step of this workflow"));
                return;
            }

            // A plugin activity returns values the plugin names only when it runs (IWorkflowActivity.RunAsync): any
            // field of it may be read, and one it does not return reads as null.
            if (!ByType.ContainsKey(source.Type))
            {
                return;
            }

            var fields = AnswerFields(source);
            if (!fields.Contains(reference.Field, StringComparer.Ordinal))
            {
                Errors.Add(new DefinitionError(where, step.Id, $"bad expression: step '{source.Id}' has no field '{reference.Field}' (it has: {(fields.Count == 0 ? "none" : string.Join(", ", fields))})"));
            }
        }

        private static List<string> Successors(StepDefinition step, IReadOnlyList<StepDefinition> scope)
        {
            var index = scope.ToList().FindIndex(s => s.Id == step.Id);
            var following = index + 1 < scope.Count ? scope[index + 1].Id : End;
            var result = new List<string>();
            if (step.Type == Activities.Decision)
            {
                result.AddRange(step.Cases.Select(c => c.Next));
                result.Add(step.Otherwise ?? step.Next ?? following);
            }
            else
            {
                result.Add(step.Next ?? following);
            }

            if (step.OnReturn is not null)
            {
                result.Add(step.OnReturn);
            }

            return result;
        }

        private void UnknownProperties(JsonElement element, string path, string? id, string[] known)
        {
            foreach (var property in element.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
            {
                Error($"{path}.{property.Name}", id, $"unknown field '{property.Name}': expected {string.Join(", ", known.Where(k => k != "$schema"))}");
            }

            DuplicateProperties(element, path, id);
        }

        // JSON allows a name twice in an object and the parser keeps one of them silently: two "next" on a step
        // would make the workflow do something its author cannot see, so a repeated field is an error.
        private void DuplicateProperties(JsonElement element, string path, string? id)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                {
                    Error($"{path}.{property.Name}", id, $"'{property.Name}' is written twice in this object");
                }
            }
        }

        private string? RequiredString(JsonElement element, string path, string? id, string property, string? what = null)
        {
            if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Error($"{path}.{property}", id, what is null ? "missing" : "missing: " + what);
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Error($"{path}.{property}", id, "must be a non-empty text");
                return null;
            }

            return value.GetString()!.Trim();
        }

        private string? OptionalString(JsonElement element, string path, string? id, string property)
        {
            if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Error($"{path}.{property}", id, "must be a non-empty text");
                return null;
            }

            return value.GetString()!.Trim();
        }

        // A property of the wrong type is reported where it is read; "missing" is said only of an absent one.
        private static bool Present(JsonElement element, string property) =>
            element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null;

        private bool ReadBool(JsonElement element, string path, string? id, string property)
        {
            if (!element.TryGetProperty(property, out var value))
            {
                return false;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Error($"{path}.{property}", id, "must be true or false");
                return false;
            }

            return value.GetBoolean();
        }
    }

    /// <summary>The fields a step's answers offer to conditions.</summary>
    public static IReadOnlyList<string> AnswerFields(StepDefinition step) => step.Type switch
    {
        Activities.Task => [.. step.Form.Select(f => f.Name), "completedBy"],
        Activities.DataRequest => ["answered", "missing"],
        Activities.Approval => ["decision", "comments", "completedBy"],
        Activities.WaitEvent => ["date", "symbol"],
        _ => [],
    };
}
