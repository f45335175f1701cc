using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Instruments;
using Nmirf.Mandates.Model;

namespace Nmirf.Mandates.Ratifications;

/// <summary>The country's ratifications in catalogue order: each treaty followed by its optional protocols.</summary>
public sealed record ListRatifications(string Country) : IQuery<Result<IReadOnlyList<RatificationDto>>>;

public sealed record GetRatification(string Country, string Instrument) : IQuery<Result<RatificationDto>>;

/// <summary>Records the state's action on an instrument; one record per instrument.</summary>
public sealed record RecordRatification(string Country, RatificationDto Ratification) : ICommand<Result<RatificationDto>>;

public sealed record UpdateRatification(string Country, string Instrument, RatificationDto Ratification) : ICommand<Result<RatificationDto>>;

public sealed record DeleteRatification(string Country, string Instrument) : ICommand<Result<Unit>>;

internal sealed class RatificationHandlers(MandatesDbContext db, TimeProvider clock) :
    IQueryHandler<ListRatifications, Result<IReadOnlyList<RatificationDto>>>,
    IQueryHandler<GetRatification, Result<RatificationDto>>,
    ICommandHandler<RecordRatification, Result<RatificationDto>>,
    ICommandHandler<UpdateRatification, Result<RatificationDto>>,
    ICommandHandler<DeleteRatification, Result<Unit>>
{
    public async ValueTask<Result<IReadOnlyList<RatificationDto>>> Handle(ListRatifications query, CancellationToken cancellationToken)
    {
        if (!await db.CountryExistsAsync(query.Country, cancellationToken))
        {
            return MandateQueries.CountryNotFound(query.Country);
        }

        var ratifications = await db.Ratifications.AsNoTracking().Where(r => r.CountryCode == query.Country).ToListAsync(cancellationToken);
        return ratifications.OrderBy(r => InstrumentCatalog.OrderOf(r.Instrument)).Select(r => r.ToDto()).ToList();
    }

    public async ValueTask<Result<RatificationDto>> Handle(GetRatification query, CancellationToken cancellationToken)
    {
        var ratification = await FindAsync(query.Country, query.Instrument, cancellationToken);
        return ratification is null ? NotFound(query.Country, query.Instrument) : ratification.ToDto();
    }

    public async ValueTask<Result<RatificationDto>> Handle(RecordRatification command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        MandateRules.Ratification(command.Ratification, clock.Today(), errors);
        if (errors.HasErrors)
        {
            return errors.Fail<RatificationDto>();
        }

        if (!await db.CountryExistsAsync(command.Country, cancellationToken))
        {
            return MandateQueries.CountryNotFound(command.Country);
        }

        if (await FindAsync(command.Country, command.Ratification.Instrument!, cancellationToken) is not null)
        {
            return Error.Conflict("instrument", $"{command.Country} already has a record for '{command.Ratification.Instrument}'; update it instead");
        }

        var ratification = new Ratification { CountryCode = command.Country };
        ratification.Apply(command.Ratification);
        db.Ratifications.Add(ratification);
        await db.SaveChangesAsync(cancellationToken);
        return ratification.ToDto();
    }

    public async ValueTask<Result<RatificationDto>> Handle(UpdateRatification command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (command.Ratification.Instrument is { } instrument && instrument != command.Instrument)
        {
            errors.Add("instrument", $"is '{instrument}' but the record is for '{command.Instrument}'; delete it and record the other instrument instead");
        }

        var input = command.Ratification with { Instrument = command.Instrument };
        MandateRules.Ratification(input, clock.Today(), errors);
        if (errors.HasErrors)
        {
            return errors.Fail<RatificationDto>();
        }

        var ratification = await FindAsync(command.Country, command.Instrument, cancellationToken);
        if (ratification is null)
        {
            return NotFound(command.Country, command.Instrument);
        }

        ratification.Apply(input);
        await db.SaveChangesAsync(cancellationToken);
        return ratification.ToDto();
    }

    public async ValueTask<Result<Unit>> Handle(DeleteRatification command, CancellationToken cancellationToken)
    {
        var ratification = await FindAsync(command.Country, command.Instrument, cancellationToken);
        if (ratification is null)
        {
            return NotFound(command.Country, command.Instrument);
        }

        db.Ratifications.Remove(ratification);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private Task<Ratification?> FindAsync(string country, string instrument, CancellationToken cancellationToken) =>
        db.Ratifications.SingleOrDefaultAsync(r => r.CountryCode == country && r.Instrument == instrument, cancellationToken);

    private static Error NotFound(string country, string instrument) => Error.NotFound("instrument", $"{country} has no record for '{instrument}'");
}
