using Nmirf.Plugins.Abstractions;

namespace Nmirf.Reporting.Cycles;

/// <summary>The reporting procedure a cycle followed.</summary>
public enum ReportingProcedure
{
    /// <summary>Report, then list of issues, then replies.</summary>
    Standard,

    /// <summary>List of issues prior to reporting; the replies are the report.</summary>
    Simplified,
}

/// <summary>
/// What actually happened in one reporting cycle of a country before one body: the report (or combined reports) and
/// its symbol, the list of issues, the dialogue, the concluding observations, the due dates the committee set, the
/// follow-up. For the UPR, <see cref="Report"/> is the cycle number and the dialogue is the review.
/// </summary>
public sealed record ReportingCycleDto
{
    /// <summary>Assigned by the system; ignored on input.</summary>
    public Guid? Id { get; init; }

    /// <summary>The plugin id of the body, such as <c>cedaw</c>.</summary>
    public string? Body { get; init; }

    /// <summary>The instrument reported on, when not the body's main treaty (such as <c>CRC-OPAC</c>).</summary>
    public string? Instrument { get; init; }

    /// <summary>The report number or combined range, such as <c>5-6</c>; for the UPR, the cycle number.</summary>
    public string? Report { get; init; }

    public ReportingProcedure? Procedure { get; init; }

    /// <summary>The date the report was due, as the committee or the treaty set it.</summary>
    public DateOnly? DueOn { get; init; }
    public DateOnly? SubmittedOn { get; init; }
    public string? Symbol { get; init; }
    public DateOnly? ListOfIssuesOn { get; init; }
    public string? ListOfIssuesSymbol { get; init; }
    public DateOnly? RepliesOn { get; init; }
    public string? RepliesSymbol { get; init; }

    /// <summary>The first day of the constructive dialogue (for the UPR, the review).</summary>
    public DateOnly? DialogueOn { get; init; }
    public DateOnly? DialogueEndOn { get; init; }
    public DateOnly? ConcludingObservationsOn { get; init; }
    public string? ConcludingObservationsSymbol { get; init; }

    /// <summary>The date the committee set for the next report; it overrides the date the rules compute.</summary>
    public DateOnly? NextDueOn { get; init; }

    /// <summary>The date the committee set for follow-up information; it overrides the date the rules compute.</summary>
    public DateOnly? FollowUpDueOn { get; init; }
    public DateOnly? FollowUpSubmittedOn { get; init; }

    /// <summary>Where the facts come from.</summary>
    public string? Source { get; init; }
    public string? Notes { get; init; }
}

/// <summary>Where an outstanding obligation stands.</summary>
public enum ObligationStatus
{
    /// <summary>Due in the future.</summary>
    Due,

    /// <summary>Past its due date and not submitted.</summary>
    Overdue,

    /// <summary>A voluntary report (the UPR mid-term report).</summary>
    Voluntary,
}

/// <summary>A report owed to a body, with the rule that produced its due date so that a user can see why.</summary>
public sealed record Obligation(
    string Body,
    string? Instrument,
    DocumentKind Document,
    string? Report,
    DateOnly DueOn,
    ObligationStatus Status,
    int? DaysOverdue,
    string Rule,
    bool Estimated,
    Guid? Cycle,
    string? Symbol);

/// <summary>A country's reporting calendar on a given day.</summary>
public sealed record ReportingCalendar(string Country, DateOnly On, IReadOnlyList<Obligation> Obligations, IReadOnlyList<string> Notes);
