using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Countries;
using Nmirf.Reporting.Model;
using Nmirf.Reporting.Symbols;

namespace Nmirf.Reporting.Cycles;

/// <summary>The recorded cycles of a country, optionally of one body, by body and report number.</summary>
public sealed record ListCycles(string Country, string? Body = null) : IQuery<Result<IReadOnlyList<ReportingCycleDto>>>;

public sealed record GetCycle(string Country, Guid Id) : IQuery<Result<ReportingCycleDto>>;

/// <summary>Records a cycle; one per body, instrument and first report number.</summary>
public sealed record RecordCycle(string Country, ReportingCycleDto Cycle) : ICommand<Result<ReportingCycleDto>>;

public sealed record UpdateCycle(string Country, Guid Id, ReportingCycleDto Cycle) : ICommand<Result<ReportingCycleDto>>;

public sealed record DeleteCycle(string Country, Guid Id) : ICommand<Result<Unit>>;

internal sealed class CycleHandlers(ReportingDbContext db, IBodyCatalog bodies, DocumentSymbols symbols, ISender sender, TimeProvider clock) :
    IQueryHandler<ListCycles, Result<IReadOnlyList<ReportingCycleDto>>>,
    IQueryHandler<GetCycle, Result<ReportingCycleDto>>,
    ICommandHandler<RecordCycle, Result<ReportingCycleDto>>,
    ICommandHandler<UpdateCycle, Result<ReportingCycleDto>>,
    ICommandHandler<DeleteCycle, Result<Unit>>
{
    public async ValueTask<Result<IReadOnlyList<ReportingCycleDto>>> Handle(ListCycles query, CancellationToken cancellationToken)
    {
        var country = await sender.Send(new GetCountry(query.Country), cancellationToken);
        if (!country.IsSuccess)
        {
            return Result<IReadOnlyList<ReportingCycleDto>>.Failure(country.Errors);
        }

        var cycles = db.Cycles.AsNoTracking().Where(c => c.CountryCode == query.Country);
        if (query.Body is { } body)
        {
            cycles = cycles.Where(c => c.Body == body);
        }

        var list = await cycles.OrderBy(c => c.Body).ThenBy(c => c.Instrument).ThenBy(c => c.ReportFrom).ToListAsync(cancellationToken);
        return list.Select(c => c.ToDto()).ToList();
    }

    public async ValueTask<Result<ReportingCycleDto>> Handle(GetCycle query, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.CountryCode == query.Country && c.Id == query.Id, cancellationToken);
        return cycle is null ? NotFound(query.Country, query.Id) : cycle.ToDto();
    }

    public async ValueTask<Result<ReportingCycleDto>> Handle(RecordCycle command, CancellationToken cancellationToken)
    {
        var country = await sender.Send(new GetCountry(command.Country), cancellationToken);
        if (!country.IsSuccess)
        {
            return Result<ReportingCycleDto>.Failure(country.Errors);
        }

        var checkedInput = await CheckAsync(command.Country, command.Cycle, exceptId: null, cancellationToken);
        if (!checkedInput.IsSuccess)
        {
            return Result<ReportingCycleDto>.Failure(checkedInput.Errors);
        }

        var cycle = new ReportingCycle { CountryCode = command.Country };
        cycle.Apply(command.Cycle, checkedInput.Value.Instrument, checkedInput.Value.Report, Canonical);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);
        return cycle.ToDto();
    }

    public async ValueTask<Result<ReportingCycleDto>> Handle(UpdateCycle command, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.SingleOrDefaultAsync(c => c.CountryCode == command.Country && c.Id == command.Id, cancellationToken);
        if (cycle is null)
        {
            return NotFound(command.Country, command.Id);
        }

        var checkedInput = await CheckAsync(command.Country, command.Cycle, cycle.Id, cancellationToken);
        if (!checkedInput.IsSuccess)
        {
            return Result<ReportingCycleDto>.Failure(checkedInput.Errors);
        }

        cycle.Apply(command.Cycle, checkedInput.Value.Instrument, checkedInput.Value.Report, Canonical);
        await db.SaveChangesAsync(cancellationToken);
        return cycle.ToDto();
    }

    public async ValueTask<Result<Unit>> Handle(DeleteCycle command, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.SingleOrDefaultAsync(c => c.CountryCode == command.Country && c.Id == command.Id, cancellationToken);
        if (cycle is null)
        {
            return NotFound(command.Country, command.Id);
        }

        db.Cycles.Remove(cycle);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private string? Canonical(string? symbol) =>
        string.IsNullOrWhiteSpace(symbol) ? null : symbols.Parse(symbol) is { IsSuccess: true } parsed ? parsed.Value.Symbol : symbol.Trim();

    /// <summary>Checks a cycle against the body's rules, its symbols against the body and country, and its report range against the cycles already recorded.</summary>
    private async Task<Result<(string Instrument, ReportNumber Report)>> CheckAsync(string country, ReportingCycleDto dto, Guid? exceptId, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var body = string.IsNullOrWhiteSpace(dto.Body) ? null : bodies.Find(dto.Body);
        if (string.IsNullOrWhiteSpace(dto.Body))
        {
            errors.Add("body", "is required");
        }
        else if (body is null)
        {
            errors.Add("body", $"no loaded plugin '{dto.Body}'; loaded: {string.Join(", ", bodies.Bodies.Select(b => b.Id))}");
        }

        var instrument = MainInstrument(body) ?? body?.Descriptor.Acronym ?? "";
        if (dto.Instrument is { Length: > 0 } named && body is not null)
        {
            if (body.Descriptor.Instruments.All(i => i.Code != named))
            {
                errors.Add("instrument", $"'{named}' is not reported on to {body.Id}; use one of {string.Join(", ", body.Descriptor.Instruments.Select(i => i.Code))}");
            }

            instrument = named;
        }

        if (!ReportNumber.TryParse(dto.Report, out var report))
        {
            errors.Add("report", dto.Report is null ? "is required: a report number or a combined range such as 5-6" : $"'{dto.Report}' is not a report number or an ascending range such as 5-6");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Order(errors, ("submittedOn", dto.SubmittedOn), ("dialogueOn", dto.DialogueOn), ("concludingObservationsOn", dto.ConcludingObservationsOn));
        Order(errors, ("dialogueOn", dto.DialogueOn), ("dialogueEndOn", dto.DialogueEndOn));
        Order(errors, ("concludingObservationsOn", dto.ConcludingObservationsOn), ("followUpSubmittedOn", dto.FollowUpSubmittedOn));
        foreach (var (field, date) in new[] { ("submittedOn", dto.SubmittedOn), ("repliesOn", dto.RepliesOn), ("concludingObservationsOn", dto.ConcludingObservationsOn), ("followUpSubmittedOn", dto.FollowUpSubmittedOn) })
        {
            if (date > today)
            {
                errors.Add(field, $"{date:yyyy-MM-dd} is in the future");
            }
        }

        if (body is not null)
        {
            Symbol(errors, "symbol", dto.Symbol, body.Id, country);
            Symbol(errors, "listOfIssuesSymbol", dto.ListOfIssuesSymbol, body.Id, country);
            Symbol(errors, "repliesSymbol", dto.RepliesSymbol, body.Id, country);
            Symbol(errors, "concludingObservationsSymbol", dto.ConcludingObservationsSymbol, body.Id, country);
        }

        errors.MaxLength("source", dto.Source, 1000);
        errors.MaxLength("notes", dto.Notes, 4000);
        if (errors.HasErrors)
        {
            return Result<(string, ReportNumber)>.Failure(errors.Errors);
        }

        var overlapping = await db.Cycles.AsNoTracking()
            .Where(c => c.CountryCode == country && c.Body == dto.Body && c.Instrument == instrument && c.Id != exceptId && c.ReportFrom <= report.To && c.ReportTo >= report.From)
            .FirstOrDefaultAsync(cancellationToken);
        if (overlapping is not null)
        {
            return Error.Conflict("report", $"{country} already has a {dto.Body} cycle for report {overlapping.Report}{(instrument == MainInstrument(body) ? "" : $" under {instrument}")}");
        }

        return (instrument, report);
    }

    private void Symbol(ErrorList errors, string field, string? symbol, string body, string country)
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            return;
        }

        var parsed = symbols.Parse(symbol);
        if (!parsed.IsSuccess)
        {
            errors.Add(field, parsed.Errors[0].Message);
        }
        else if (parsed.Value.Body is { } other && other != body)
        {
            errors.Add(field, $"'{parsed.Value.Symbol}' is a {other} document, not a {body} one");
        }
        else if (parsed.Value.Country is { } code && code != country)
        {
            errors.Add(field, $"'{parsed.Value.Symbol}' concerns {code}, not {country}");
        }
    }

    private static void Order(ErrorList errors, params (string Field, DateOnly? Date)[] dates)
    {
        var known = dates.Where(d => d.Date is not null).ToList();
        for (var i = 1; i < known.Count; i++)
        {
            if (known[i].Date < known[i - 1].Date)
            {
                errors.Add(known[i].Field, $"{known[i].Date:yyyy-MM-dd} is before {known[i - 1].Field} {known[i - 1].Date:yyyy-MM-dd}");
            }
        }
    }

    private static string? MainInstrument(Body? body) => body is { Descriptor.Instruments.Count: > 0 } ? body.Descriptor.Instruments[0].Code : null;

    private static Error NotFound(string country, Guid id) => Error.NotFound("id", $"no reporting cycle '{id}' in {country}");
}
