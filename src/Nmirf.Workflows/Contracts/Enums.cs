namespace Nmirf.Workflows.Contracts;

/// <summary>Whether a stored definition may still change.</summary>
public enum DefinitionState
{
    Draft,
    Published,
}

/// <summary>Where a cycle's workflow stands.</summary>
public enum RunState
{
    Running,
    Completed,
    Terminated,
}

/// <summary>Where a human task stands.</summary>
public enum TaskState
{
    Open,
    Completed,

    /// <summary>Another institution answered first a task offered to several.</summary>
    Superseded,

    /// <summary>The data request's due date passed before this institution answered.</summary>
    Expired,

    /// <summary>The run was terminated.</summary>
    Cancelled,
}

/// <summary>How the tasks of one step are joined.</summary>
public enum TaskJoin
{
    /// <summary>The first completed task completes the step (a task offered to several institutions).</summary>
    Any,

    /// <summary>Every task must be completed, or the due date pass (a data request).</summary>
    All,
}

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    Notify,
    Reminder,
    Escalation,
    DraftRequested,
}
