namespace Nmirf.BuildingBlocks.Auditing;

/// <summary>What happened to an entity.</summary>
public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One row of the append-only audit log: when, who, in which country, what was done to which entity, and the
/// entity's values before and after as JSON. Rows are only ever inserted.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    /// <summary>When the change was saved, in UTC.</summary>
    public DateTime OccurredAt { get; init; }

    public required string Actor { get; init; }
    public string? CountryCode { get; init; }
    public required string Module { get; init; }
    public AuditAction Action { get; init; }

    /// <summary>The entity's type, such as <c>Institution</c>.</summary>
    public required string Entity { get; init; }

    /// <summary>The entity's key, such as its id or its code.</summary>
    public required string EntityId { get; init; }

    /// <summary>The changed values before the change (all values for a deletion); null for a creation.</summary>
    public string? Before { get; init; }

    /// <summary>The changed values after the change (all values for a creation); null for a deletion.</summary>
    public string? After { get; init; }
}
