using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Model;

namespace Nmirf.Mandates.Institutions;

public sealed record ListInstitutions(string Country) : IQuery<Result<IReadOnlyList<InstitutionDto>>>;

public sealed record GetInstitution(string Country, string Code) : IQuery<Result<InstitutionDto>>;

public sealed record CreateInstitution(string Country, InstitutionDto Institution) : ICommand<Result<InstitutionDto>>;

/// <summary>Changes an institution; a new code renames it, and its focal points follow.</summary>
public sealed record UpdateInstitution(string Country, string Code, InstitutionDto Institution) : ICommand<Result<InstitutionDto>>;

/// <summary>Deletes an institution that no focal point belongs to.</summary>
public sealed record DeleteInstitution(string Country, string Code) : ICommand<Result<Unit>>;

internal sealed class InstitutionHandlers(MandatesDbContext db) :
    IQueryHandler<ListInstitutions, Result<IReadOnlyList<InstitutionDto>>>,
    IQueryHandler<GetInstitution, Result<InstitutionDto>>,
    ICommandHandler<CreateInstitution, Result<InstitutionDto>>,
    ICommandHandler<UpdateInstitution, Result<InstitutionDto>>,
    ICommandHandler<DeleteInstitution, Result<Unit>>
{
    public async ValueTask<Result<IReadOnlyList<InstitutionDto>>> Handle(ListInstitutions query, CancellationToken cancellationToken)
    {
        if (!await db.CountryExistsAsync(query.Country, cancellationToken))
        {
            return MandateQueries.CountryNotFound(query.Country);
        }

        var institutions = await db.Institutions.AsNoTracking()
            .Where(i => i.CountryCode == query.Country)
            .OrderBy(i => i.Code)
            .ToListAsync(cancellationToken);
        return institutions.Select(i => i.ToDto()).ToList();
    }

    public async ValueTask<Result<InstitutionDto>> Handle(GetInstitution query, CancellationToken cancellationToken)
    {
        var institution = await db.FindInstitutionAsync(query.Country, query.Code, cancellationToken);
        return institution is null ? NotFound(query.Country, query.Code) : institution.ToDto();
    }

    public async ValueTask<Result<InstitutionDto>> Handle(CreateInstitution command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        MandateRules.Institution(command.Institution, errors);
        if (errors.HasErrors)
        {
            return errors.Fail<InstitutionDto>();
        }

        if (!await db.CountryExistsAsync(command.Country, cancellationToken))
        {
            return MandateQueries.CountryNotFound(command.Country);
        }

        if (await DuplicateAsync(command.Country, command.Institution, exceptId: null, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        var institution = new Institution { CountryCode = command.Country };
        institution.Apply(command.Institution);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(cancellationToken);
        return institution.ToDto();
    }

    public async ValueTask<Result<InstitutionDto>> Handle(UpdateInstitution command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        MandateRules.Institution(command.Institution, errors);
        if (errors.HasErrors)
        {
            return errors.Fail<InstitutionDto>();
        }

        var institution = await db.FindInstitutionAsync(command.Country, command.Code, cancellationToken);
        if (institution is null)
        {
            return NotFound(command.Country, command.Code);
        }

        if (await DuplicateAsync(command.Country, command.Institution, institution.Id, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        institution.Apply(command.Institution);
        await db.SaveChangesAsync(cancellationToken);
        return institution.ToDto();
    }

    public async ValueTask<Result<Unit>> Handle(DeleteInstitution command, CancellationToken cancellationToken)
    {
        var institution = await db.FindInstitutionAsync(command.Country, command.Code, cancellationToken);
        if (institution is null)
        {
            return NotFound(command.Country, command.Code);
        }

        var focalPoints = await db.FocalPoints.CountAsync(f => f.InstitutionId == institution.Id, cancellationToken);
        if (focalPoints > 0)
        {
            return Error.Conflict("code", $"institution '{command.Code}' still has {focalPoints} focal point(s); move or delete them first");
        }

        db.Institutions.Remove(institution);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<Error?> DuplicateAsync(string country, InstitutionDto dto, Guid? exceptId, CancellationToken cancellationToken)
    {
        var name = dto.Name!.Trim();
        var clash = await db.Institutions.AsNoTracking()
#pragma warning disable CA1304, CA1311, CA1862 // string.ToLower() is translated to SQL LOWER(); the culture-aware overloads are not.
            .Where(i => i.CountryCode == country && i.Id != exceptId && (i.Code == dto.Code || i.Name.ToLower() == name.ToLower()))
#pragma warning restore CA1304, CA1311, CA1862
            .FirstOrDefaultAsync(cancellationToken);
        return clash is null ? null
            : clash.Code == dto.Code ? Error.Conflict("code", $"duplicate institution: '{dto.Code}' already exists in {country}")
            : Error.Conflict("name", $"duplicate institution: '{clash.Code}' in {country} already has the name '{name}'");
    }

    private static Error NotFound(string country, string code) => Error.NotFound("code", $"no institution '{code}' in {country}");
}
