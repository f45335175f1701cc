using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Model;

namespace Nmirf.Mandates.FocalPoints;

/// <summary>The country's focal points, optionally only those of one institution.</summary>
public sealed record ListFocalPoints(string Country, string? Institution = null) : IQuery<Result<IReadOnlyList<FocalPointDto>>>;

public sealed record GetFocalPoint(string Country, Guid Id) : IQuery<Result<FocalPointDto>>;

public sealed record CreateFocalPoint(string Country, FocalPointDto FocalPoint) : ICommand<Result<FocalPointDto>>;

public sealed record UpdateFocalPoint(string Country, Guid Id, FocalPointDto FocalPoint) : ICommand<Result<FocalPointDto>>;

public sealed record DeleteFocalPoint(string Country, Guid Id) : ICommand<Result<Unit>>;

internal sealed class FocalPointHandlers(MandatesDbContext db) :
    IQueryHandler<ListFocalPoints, Result<IReadOnlyList<FocalPointDto>>>,
    IQueryHandler<GetFocalPoint, Result<FocalPointDto>>,
    ICommandHandler<CreateFocalPoint, Result<FocalPointDto>>,
    ICommandHandler<UpdateFocalPoint, Result<FocalPointDto>>,
    ICommandHandler<DeleteFocalPoint, Result<Unit>>
{
    public async ValueTask<Result<IReadOnlyList<FocalPointDto>>> Handle(ListFocalPoints query, CancellationToken cancellationToken)
    {
        if (!await db.CountryExistsAsync(query.Country, cancellationToken))
        {
            return MandateQueries.CountryNotFound(query.Country);
        }

        var focalPoints = db.FocalPoints.AsNoTracking().Include(f => f.Institution).Where(f => f.CountryCode == query.Country);
        if (query.Institution is { } institution)
        {
            focalPoints = focalPoints.Where(f => f.Institution!.Code == institution);
        }

        var list = await focalPoints.OrderBy(f => f.Institution!.Code).ThenBy(f => f.Email).ToListAsync(cancellationToken);
        return list.Select(f => f.ToDto(f.Institution!.Code)).ToList();
    }

    public async ValueTask<Result<FocalPointDto>> Handle(GetFocalPoint query, CancellationToken cancellationToken)
    {
        var focalPoint = await FindAsync(query.Country, query.Id, cancellationToken);
        return focalPoint is null ? NotFound(query.Country, query.Id) : focalPoint.ToDto(focalPoint.Institution!.Code);
    }

    public async ValueTask<Result<FocalPointDto>> Handle(CreateFocalPoint command, CancellationToken cancellationToken)
    {
        if (!await db.CountryExistsAsync(command.Country, cancellationToken))
        {
            return MandateQueries.CountryNotFound(command.Country);
        }

        var checkedInput = await CheckAsync(command.Country, command.FocalPoint, exceptId: null, cancellationToken);
        if (!checkedInput.IsSuccess)
        {
            return Result<FocalPointDto>.Failure(checkedInput.Errors);
        }

        var focalPoint = new FocalPoint { CountryCode = command.Country };
        focalPoint.Apply(command.FocalPoint, checkedInput.Value);
        db.FocalPoints.Add(focalPoint);
        await db.SaveChangesAsync(cancellationToken);
        return focalPoint.ToDto(checkedInput.Value.Code);
    }

    public async ValueTask<Result<FocalPointDto>> Handle(UpdateFocalPoint command, CancellationToken cancellationToken)
    {
        var focalPoint = await FindAsync(command.Country, command.Id, cancellationToken);
        if (focalPoint is null)
        {
            return NotFound(command.Country, command.Id);
        }

        var checkedInput = await CheckAsync(command.Country, command.FocalPoint, focalPoint.Id, cancellationToken);
        if (!checkedInput.IsSuccess)
        {
            return Result<FocalPointDto>.Failure(checkedInput.Errors);
        }

        focalPoint.Apply(command.FocalPoint, checkedInput.Value);
        await db.SaveChangesAsync(cancellationToken);
        return focalPoint.ToDto(checkedInput.Value.Code);
    }

    public async ValueTask<Result<Unit>> Handle(DeleteFocalPoint command, CancellationToken cancellationToken)
    {
        var focalPoint = await FindAsync(command.Country, command.Id, cancellationToken);
        if (focalPoint is null)
        {
            return NotFound(command.Country, command.Id);
        }

        db.FocalPoints.Remove(focalPoint);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>Checks the input and returns the institution it names.</summary>
    private async Task<Result<Institution>> CheckAsync(string country, FocalPointDto dto, Guid? exceptId, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        MandateRules.FocalPoint(dto, errors);
        if (errors.HasErrors)
        {
            return errors.Fail<Institution>();
        }

        var institution = await db.FindInstitutionAsync(country, dto.Institution!, cancellationToken);
        if (institution is null)
        {
            return new Error("institution", $"no institution '{dto.Institution}' in {country}");
        }

        var email = dto.Email!.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // string.ToLower() is translated to SQL LOWER(); the culture-aware overloads are not.
        if (await db.FocalPoints.AnyAsync(f => f.CountryCode == country && f.Id != exceptId && f.Email.ToLower() == email, cancellationToken))
#pragma warning restore CA1304, CA1311, CA1862
        {
            return Error.Conflict("email", $"duplicate focal point: '{dto.Email}' is already a focal point in {country}");
        }

        return institution;
    }

    private Task<FocalPoint?> FindAsync(string country, Guid id, CancellationToken cancellationToken) =>
        db.FocalPoints.Include(f => f.Institution).SingleOrDefaultAsync(f => f.CountryCode == country && f.Id == id, cancellationToken);

    private static Error NotFound(string country, Guid id) => Error.NotFound("id", $"no focal point '{id}' in {country}");
}
