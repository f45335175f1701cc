namespace Nmirf.Workflows.Definitions;

/// <summary>
/// A reporting-cycle workflow as an administrator writes it (docs/workflows.md): steps run in the order written
/// unless a step names its <c>next</c>; <c>parallel</c> steps hold branches of their own steps.
/// </summary>
public sealed record WorkflowDocument(
    string Id,
    int Version,
    string Name,
    string Body,
    string? Country,
    IReadOnlyList<WorkflowInput> Inputs,
    IReadOnlyList<StepDefinition> Steps)
{
    /// <summary>Every step, branches included, in document order.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<StepDefinition> AllSteps => Flatten(Steps);

    private static IEnumerable<StepDefinition> Flatten(IEnumerable<StepDefinition> steps)
    {
        foreach (var step in steps)
        {
            yield return step;
            foreach (var inner in step.Branches.SelectMany(Flatten))
            {
                yield return inner;
            }
        }
    }
}

/// <summary>A value the workflow receives when it starts (the cycle's due date, for instance).</summary>
public sealed record WorkflowInput(string Name, FieldType Type, bool Required);

/// <summary>The closed vocabulary of activities, plus those plugins register (written <c>plugin-id:name</c>).</summary>
public static class Activities
{
    public const string Task = "task";
    public const string DataRequest = "data-request";
    public const string Approval = "approval";
    public const string WaitEvent = "wait-event";
    public const string Deadline = "deadline";
    public const string Delay = "delay";
    public const string Parallel = "parallel";
    public const string Decision = "decision";
    public const string Notify = "notify";
    public const string GenerateDraft = "generate-draft";

    public static readonly IReadOnlyList<string> BuiltIn = [Task, DataRequest, Approval, WaitEvent, Deadline, Delay, Parallel, Decision, Notify, GenerateDraft];

    /// <summary>Activities that create human tasks.</summary>
    public static bool IsHuman(string type) => type is Task or DataRequest or Approval;
}

/// <summary>The UN milestones of a reporting cycle that a <c>wait-event</c> step can wait for.</summary>
public static class Milestones
{
    public const string ListOfIssuesReceived = "list-of-issues-received";
    public const string ReportSubmitted = "report-submitted";
    public const string DialogueScheduled = "dialogue-scheduled";
    public const string DialogueHeld = "dialogue-held";
    public const string ConcludingObservationsAdopted = "concluding-observations-adopted";
    public const string FollowUpLetterReceived = "follow-up-letter-received";
    public const string ReviewOutcomeAdopted = "review-outcome-adopted";

    public static readonly IReadOnlyList<string> All =
    [
        ListOfIssuesReceived, ReportSubmitted, DialogueScheduled, DialogueHeld, ConcludingObservationsAdopted,
        FollowUpLetterReceived, ReviewOutcomeAdopted,
    ];
}

/// <summary>One step. Which properties apply depends on <see cref="Type"/>; the validator checks them.</summary>
public sealed record StepDefinition
{
    public required string Id { get; init; }
    public required string Type { get; init; }

    /// <summary>Where the document has this step, as a JSON path (<c>$.steps[2]</c>), for error messages.</summary>
    public required string Path { get; init; }

    public string? Title { get; init; }
    public string? Instructions { get; init; }

    /// <summary>The step that follows, when not the next one written; <c>end</c> ends the workflow (or the branch).</summary>
    public string? Next { get; init; }

    public Assignees? Assignees { get; init; }
    public RelativeDate? Due { get; init; }
    public IReadOnlyList<FormField> Form { get; init; } = [];

    /// <summary>approval: the step a returned approval goes back to.</summary>
    public string? OnReturn { get; init; }

    /// <summary>wait-event: the milestone waited for.</summary>
    public string? Event { get; init; }

    /// <summary>deadline: the date waited for.</summary>
    public RelativeDate? Until { get; init; }

    /// <summary>delay: how long to wait from the step's start.</summary>
    public IsoDuration? Duration { get; init; }

    /// <summary>parallel: the branches, each a list of steps run in order.</summary>
    public IReadOnlyList<IReadOnlyList<StepDefinition>> Branches { get; init; } = [];

    /// <summary>decision: the cases, tried in order.</summary>
    public IReadOnlyList<DecisionCase> Cases { get; init; } = [];

    /// <summary>decision: the step taken when no case holds.</summary>
    public string? Otherwise { get; init; }

    /// <summary>notify: the message.</summary>
    public string? Message { get; init; }

    /// <summary>generate-draft: the document kind asked of the drafting module.</summary>
    public string? Document { get; init; }

    /// <summary>A plugin activity's parameters, as written.</summary>
    public IReadOnlyDictionary<string, string> With { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Who a human task goes to: named institutions, institutions by their role in the mechanism or by kind, one focal
/// point, or the people holding an account role in the country (the mechanism's secretariat).
/// </summary>
public sealed record Assignees(
    IReadOnlyList<string> Institutions,
    string? InstitutionRole,
    string? InstitutionKind,
    string? FocalPoint,
    string? Role)
{
    public override string ToString() =>
        Institutions.Count > 0 ? "institutions " + string.Join(", ", Institutions)
        : InstitutionRole is not null ? "institutions with role " + InstitutionRole
        : InstitutionKind is not null ? "institutions of kind " + InstitutionKind
        : FocalPoint is not null ? "focal point " + FocalPoint
        : "role " + Role;
}

/// <summary>What a date is counted from.</summary>
public enum DateAnchor
{
    CycleDueDate,
    StepStart,
}

/// <summary>A date relative to the cycle's due date or to the step's start.</summary>
public sealed record RelativeDate(DateAnchor RelativeTo, IsoDuration Offset)
{
    public DateTimeOffset Resolve(DateOnly? cycleDueDate, DateTimeOffset stepStart) => RelativeTo switch
    {
        DateAnchor.CycleDueDate when cycleDueDate is { } due => Offset.AddTo(new DateTimeOffset(due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        // A cycle without a due date counts from the step's start: the task still gets a date rather than none.
        _ => Offset.AddTo(stepStart),
    };

    public override string ToString() => $"{Offset} from the {(RelativeTo == DateAnchor.CycleDueDate ? "cycle's due date" : "step's start")}";
}

/// <summary>The types a form field or an input can have.</summary>
public enum FieldType
{
    Text,
    Number,
    Date,
    Boolean,
    Choice,
    Url,
    FileList,
}

/// <summary>A field of a task's form.</summary>
public sealed record FormField(string Name, FieldType Type, bool Required, string? Label, IReadOnlyList<string> Options);

/// <summary>A case of a decision: when the condition holds, go to the step named.</summary>
public sealed record DecisionCase(string When, string Next, string Path);
