using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Reporting.Cycles;
using Nmirf.Reporting.Symbols;

namespace Nmirf.Reporting.Model;

internal sealed class ReportingCycle : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public string Body { get; set; } = "";
    /// <summary>The instrument reported on: the body's main treaty unless a protocol is named; the body's acronym for a peer review.</summary>
    public string Instrument { get; set; } = "";
    public int ReportFrom { get; set; }
    public int ReportTo { get; set; }
    public ReportingProcedure? Procedure { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public string? Symbol { get; set; }
    public DateOnly? ListOfIssuesOn { get; set; }
    public string? ListOfIssuesSymbol { get; set; }
    public DateOnly? RepliesOn { get; set; }
    public string? RepliesSymbol { get; set; }
    public DateOnly? DialogueOn { get; set; }
    public DateOnly? DialogueEndOn { get; set; }
    public DateOnly? ConcludingObservationsOn { get; set; }
    public string? ConcludingObservationsSymbol { get; set; }
    public DateOnly? NextDueOn { get; set; }
    public DateOnly? FollowUpDueOn { get; set; }
    public DateOnly? FollowUpSubmittedOn { get; set; }
    public string? Source { get; set; }
    public string? Notes { get; set; }

    public ReportNumber Report => new(ReportFrom, ReportTo);

    /// <summary>Copies a checked DTO; symbols are stored as the parser wrote them.</summary>
    public void Apply(ReportingCycleDto dto, string instrument, ReportNumber report, Func<string?, string?> canonical)
    {
        Body = dto.Body!;
        Instrument = instrument;
        ReportFrom = report.From;
        ReportTo = report.To;
        Procedure = dto.Procedure;
        DueOn = dto.DueOn;
        SubmittedOn = dto.SubmittedOn;
        Symbol = canonical(dto.Symbol);
        ListOfIssuesOn = dto.ListOfIssuesOn;
        ListOfIssuesSymbol = canonical(dto.ListOfIssuesSymbol);
        RepliesOn = dto.RepliesOn;
        RepliesSymbol = canonical(dto.RepliesSymbol);
        DialogueOn = dto.DialogueOn;
        DialogueEndOn = dto.DialogueEndOn;
        ConcludingObservationsOn = dto.ConcludingObservationsOn;
        ConcludingObservationsSymbol = canonical(dto.ConcludingObservationsSymbol);
        NextDueOn = dto.NextDueOn;
        FollowUpDueOn = dto.FollowUpDueOn;
        FollowUpSubmittedOn = dto.FollowUpSubmittedOn;
        Source = Clean(dto.Source);
        Notes = Clean(dto.Notes);
    }

    public ReportingCycleDto ToDto() => new()
    {
        Id = Id,
        Body = Body,
        Instrument = Instrument,
        Report = Report.ToString(),
        Procedure = Procedure,
        DueOn = DueOn,
        SubmittedOn = SubmittedOn,
        Symbol = Symbol,
        ListOfIssuesOn = ListOfIssuesOn,
        ListOfIssuesSymbol = ListOfIssuesSymbol,
        RepliesOn = RepliesOn,
        RepliesSymbol = RepliesSymbol,
        DialogueOn = DialogueOn,
        DialogueEndOn = DialogueEndOn,
        ConcludingObservationsOn = ConcludingObservationsOn,
        ConcludingObservationsSymbol = ConcludingObservationsSymbol,
        NextDueOn = NextDueOn,
        FollowUpDueOn = FollowUpDueOn,
        FollowUpSubmittedOn = FollowUpSubmittedOn,
        Source = Source,
        Notes = Notes,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
