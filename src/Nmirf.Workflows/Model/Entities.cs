using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Workflows.Contracts;

namespace Nmirf.Workflows.Model;

/// <summary>
/// A workflow definition as stored: a country's own (imported by its administrators) or a plugin's default (stored
/// the first time a cycle runs it, so that running instances keep their version whatever the plugin later ships).
/// A published version never changes.
/// </summary>
internal sealed class StoredDefinition
{
    /// <summary>What <see cref="Scope"/> holds for a plugin's default workflow.</summary>
    public const string PluginScope = "*";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The country code, or <see cref="PluginScope"/> for a plugin's default.</summary>
    public required string Scope { get; init; }
    public required string DefinitionId { get; init; }
    public required int Version { get; init; }
    public string Body { get; set; } = "";
    public string Name { get; set; } = "";
    public string Json { get; set; } = "";
    public DefinitionState State { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The kernel's name for this definition and version.</summary>
    public string KernelKey => KernelKeys.For(Scope, DefinitionId);
}

internal static class KernelKeys
{
    public static string For(string scope, string definitionId) => scope + "/" + definitionId;

    public static (string Scope, string DefinitionId) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (StoredDefinition.PluginScope, key) : (key[..slash], key[(slash + 1)..]);
    }
}

/// <summary>One run of a reporting-cycle workflow for a country and a body: what <c>nmirf cycle</c> calls a cycle.</summary>
internal sealed class CycleRun : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public required string Body { get; init; }

    /// <summary>The reporting cycle of the reporting module this run prepares, when one is recorded.</summary>
    public Guid? ReportingCycleId { get; set; }
    public string? Report { get; set; }
    public DateOnly? DueOn { get; set; }
    public required string DefinitionScope { get; init; }
    public required string DefinitionId { get; init; }
    public required int DefinitionVersion { get; init; }
    public string WorkflowInstanceId { get; set; } = "";
    public RunState State { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A UN milestone recorded for a run: the event <c>wait-event</c> steps wait for.</summary>
internal sealed class MilestoneRecord : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public required Guid RunId { get; init; }
    public required string Milestone { get; init; }
    public DateOnly Date { get; set; }
    public string? Symbol { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// <summary>
/// A human task: a step of a running workflow waiting for a person. Its assignee is an institution, a focal point
/// or an account role in the country. Completion is guarded by <see cref="Version"/> (optimistic concurrency).
/// </summary>
internal sealed class HumanTask : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public required Guid RunId { get; init; }
    public required string WorkflowInstanceId { get; init; }

    /// <summary>The kernel's execution pointer the step waits on; the tasks of one step share it.</summary>
    public required string PointerId { get; init; }
    public required string StepId { get; init; }
    public required string StepType { get; init; }
    public required TaskJoin Join { get; init; }
    public string Title { get; set; } = "";
    public string? Instructions { get; set; }
    public string? AssigneeInstitution { get; set; }
    public string? AssigneeFocalPoint { get; set; }
    public string? AssigneeRole { get; set; }

    /// <summary>The form the answers must satisfy, as the definition declared it (JSON).</summary>
    public string FormJson { get; set; } = "[]";
    public DateTimeOffset? DueAt { get; set; }
    public TaskState State { get; set; }
    public string? AnswersJson { get; set; }
    public string? Decision { get; set; }
    public string? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OverdueSince { get; set; }
    public DateOnly? LastRemindedOn { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>Why the task went where it went, when the assignee could not be resolved as written.</summary>
    public string? AssignmentNote { get; set; }
    public int Version { get; set; }

    public string Assignee =>
        AssigneeInstitution is not null ? "institution " + AssigneeInstitution
        : AssigneeFocalPoint is not null ? "focal point " + AssigneeFocalPoint
        : "role " + AssigneeRole;
}

/// <summary>A comment on a task.</summary>
internal sealed class TaskComment : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public required Guid TaskId { get; init; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A message the workflow sent: a <c>notify</c> step, a reminder of an overdue task, an escalation to the
/// institution's head. Recorded (and logged); e-mail delivery reads from here.
/// </summary>
internal sealed class Notification : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public Guid? RunId { get; set; }
    public Guid? TaskId { get; set; }

    /// <summary>The execution pointer of the step that sent it, so that a step run again after a crash sends nothing twice.</summary>
    public string? StepKey { get; set; }
    public NotificationKind Kind { get; set; }
    public string Recipient { get; set; } = "";
    public string Message { get; set; } = "";
    public DateOnly Day { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
