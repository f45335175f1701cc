using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Model;

namespace Nmirf.Mandates.Mechanisms;

public sealed record GetMechanism(string Country) : IQuery<Result<NationalMechanismDto>>;

/// <summary>Records the country's national mechanism, or replaces it; a country has at most one.</summary>
public sealed record PutMechanism(string Country, NationalMechanismDto Mechanism) : ICommand<Result<NationalMechanismDto>>;

public sealed record DeleteMechanism(string Country) : ICommand<Result<Unit>>;

internal sealed class MechanismHandlers(MandatesDbContext db, TimeProvider clock) :
    IQueryHandler<GetMechanism, Result<NationalMechanismDto>>,
    ICommandHandler<PutMechanism, Result<NationalMechanismDto>>,
    ICommandHandler<DeleteMechanism, Result<Unit>>
{
    public async ValueTask<Result<NationalMechanismDto>> Handle(GetMechanism query, CancellationToken cancellationToken)
    {
        var mechanism = await db.Mechanisms.AsNoTracking().SingleOrDefaultAsync(m => m.CountryCode == query.Country, cancellationToken);
        if (mechanism is not null)
        {
            return mechanism.ToDto();
        }

        return await db.CountryExistsAsync(query.Country, cancellationToken)
            ? Error.NotFound("mechanism", $"country '{query.Country}' has no national mechanism recorded")
            : MandateQueries.CountryNotFound(query.Country);
    }

    public async ValueTask<Result<NationalMechanismDto>> Handle(PutMechanism command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        MandateRules.Mechanism(command.Mechanism, clock.Today(), errors);
        if (errors.HasErrors)
        {
            return errors.Fail<NationalMechanismDto>();
        }

        if (!await db.CountryExistsAsync(command.Country, cancellationToken))
        {
            return MandateQueries.CountryNotFound(command.Country);
        }

        var mechanism = await db.Mechanisms.SingleOrDefaultAsync(m => m.CountryCode == command.Country, cancellationToken);
        if (mechanism is null)
        {
            mechanism = new NationalMechanism { CountryCode = command.Country };
            db.Mechanisms.Add(mechanism);
        }

        mechanism.Apply(command.Mechanism);
        await db.SaveChangesAsync(cancellationToken);
        return mechanism.ToDto();
    }

    public async ValueTask<Result<Unit>> Handle(DeleteMechanism command, CancellationToken cancellationToken)
    {
        var mechanism = await db.Mechanisms.SingleOrDefaultAsync(m => m.CountryCode == command.Country, cancellationToken);
        if (mechanism is null)
        {
            return Error.NotFound("mechanism", $"country '{command.Country}' has no national mechanism recorded");
        }

        db.Mechanisms.Remove(mechanism);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
