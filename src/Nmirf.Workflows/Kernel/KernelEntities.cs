namespace Nmirf.Workflows.Kernel;

// The kernel's own state (WorkflowCore's instances, execution pointers, subscriptions, events, scheduled
// commands and errors), stored by our EF Core provider. Object-typed values of the kernel are stored as JSON of
// a closed set of types (KernelValues); no type name is ever read from the database.

internal sealed class KernelWorkflow
{
    public required string Id { get; init; }
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string? Description { get; set; }
    public string? Reference { get; set; }
    public long? NextExecution { get; set; }
    public int Status { get; set; }
    public string? Data { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime? CompleteTime { get; set; }
    public List<KernelPointer> Pointers { get; set; } = [];
}

internal sealed class KernelPointer
{
    public required string Id { get; init; }
    public required string WorkflowId { get; init; }
    public int StepId { get; set; }
    public bool Active { get; set; }
    public DateTime? SleepUntil { get; set; }
    public string? PersistenceData { get; set; }
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public string? EventName { get; set; }
    public string? EventKey { get; set; }
    public bool EventPublished { get; set; }
    public string? EventData { get; set; }
    public string? StepName { get; set; }
    public int RetryCount { get; set; }
    public string? Children { get; set; }
    public string? ContextItem { get; set; }
    public string? PredecessorId { get; set; }
    public string? Outcome { get; set; }
    public int Status { get; set; }
    public string? Scope { get; set; }
}

internal sealed class KernelSubscription
{
    public required string Id { get; init; }
    public string WorkflowId { get; set; } = "";
    public int StepId { get; set; }
    public string? ExecutionPointerId { get; set; }
    public string EventName { get; set; } = "";
    public string EventKey { get; set; } = "";
    public DateTime SubscribeAsOf { get; set; }
    public string? SubscriptionData { get; set; }
    public string? ExternalToken { get; set; }
    public string? ExternalWorkerId { get; set; }
    public DateTime? ExternalTokenExpiry { get; set; }
}

internal sealed class KernelEvent
{
    public required string Id { get; init; }
    public string EventName { get; set; } = "";
    public string EventKey { get; set; } = "";
    public string? EventData { get; set; }
    public DateTime EventTime { get; set; }
    public bool IsProcessed { get; set; }
}

internal sealed class KernelCommand
{
    public long Id { get; set; }
    public string CommandName { get; set; } = "";
    public string Data { get; set; } = "";
    public long ExecuteTime { get; set; }
}

internal sealed class KernelError
{
    public long Id { get; set; }
    public string WorkflowId { get; set; } = "";
    public string ExecutionPointerId { get; set; } = "";
    public DateTime ErrorTime { get; set; }
    public string Message { get; set; } = "";
}

/// <summary>A lease on a workflow or event, so that several processes on one database never run the same instance at once.</summary>
internal sealed class KernelLock
{
    public required string Id { get; init; }
    public string Owner { get; set; } = "";
    public DateTime ExpiresAt { get; set; }
}
