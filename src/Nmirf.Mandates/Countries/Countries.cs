using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Model;

namespace Nmirf.Mandates.Countries;

/// <summary>Every country with the size of its mandate, in code order.</summary>
public sealed record ListCountries : IQuery<IReadOnlyList<CountrySummary>>;

public sealed record GetCountry(string Code) : IQuery<Result<CountryDto>>;

/// <summary>Creates a country (a tenant) with an empty mandate.</summary>
public sealed record CreateCountry(CountryDto Country) : ICommand<Result<CountryDto>>;

/// <summary>Renames a country or changes its working languages; the code never changes.</summary>
public sealed record UpdateCountry(string Code, CountryDto Country) : ICommand<Result<CountryDto>>;

/// <summary>Deletes a country whose mandate is empty.</summary>
public sealed record DeleteCountry(string Code) : ICommand<Result<Unit>>;

internal sealed class CountryHandlers(MandatesDbContext db) :
    IQueryHandler<ListCountries, IReadOnlyList<CountrySummary>>,
    IQueryHandler<GetCountry, Result<CountryDto>>,
    ICommandHandler<CreateCountry, Result<CountryDto>>,
    ICommandHandler<UpdateCountry, Result<CountryDto>>,
    ICommandHandler<DeleteCountry, Result<Unit>>
{
    public async ValueTask<IReadOnlyList<CountrySummary>> Handle(ListCountries query, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var mechanisms = await db.Mechanisms.AsNoTracking().ToDictionaryAsync(m => m.CountryCode, m => m.Acronym ?? m.Name, cancellationToken);
        var institutions = await CountBy(db.Institutions.Select(i => i.CountryCode), cancellationToken);
        var focalPoints = await CountBy(db.FocalPoints.Select(f => f.CountryCode), cancellationToken);
        var ratifications = await CountBy(db.Ratifications.Select(r => r.CountryCode), cancellationToken);
        return countries
            .Select(c => new CountrySummary(
                c.Code,
                c.Name,
                c.WorkingLanguages,
                mechanisms.GetValueOrDefault(c.Code),
                institutions.GetValueOrDefault(c.Code),
                focalPoints.GetValueOrDefault(c.Code),
                ratifications.GetValueOrDefault(c.Code)))
            .ToList();
    }

    public async ValueTask<Result<CountryDto>> Handle(GetCountry query, CancellationToken cancellationToken)
    {
        var country = await db.Countries.AsNoTracking().SingleOrDefaultAsync(c => c.Code == query.Code, cancellationToken);
        return country is null ? MandateQueries.CountryNotFound(query.Code) : country.ToDto();
    }

    public async ValueTask<Result<CountryDto>> Handle(CreateCountry command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        MandateRules.Country(command.Country, errors);
        if (errors.HasErrors)
        {
            return errors.Fail<CountryDto>();
        }

        if (await db.CountryExistsAsync(command.Country.Code!, cancellationToken))
        {
            return Error.Conflict("code", $"country '{command.Country.Code}' already exists");
        }

        var country = Country.From(command.Country);
        db.Countries.Add(country);
        await db.SaveChangesAsync(cancellationToken);
        return country.ToDto();
    }

    public async ValueTask<Result<CountryDto>> Handle(UpdateCountry command, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        if (command.Country.Code is { } code && code != command.Code)
        {
            errors.Add("code", $"is '{code}' but the country is '{command.Code}': a country's code never changes");
        }

        MandateRules.Country(command.Country with { Code = command.Code }, errors);
        if (errors.HasErrors)
        {
            return errors.Fail<CountryDto>();
        }

        var country = await db.Countries.SingleOrDefaultAsync(c => c.Code == command.Code, cancellationToken);
        if (country is null)
        {
            return MandateQueries.CountryNotFound(command.Code);
        }

        country.Apply(command.Country);
        await db.SaveChangesAsync(cancellationToken);
        return country.ToDto();
    }

    public async ValueTask<Result<Unit>> Handle(DeleteCountry command, CancellationToken cancellationToken)
    {
        var country = await db.Countries.SingleOrDefaultAsync(c => c.Code == command.Code, cancellationToken);
        if (country is null)
        {
            return MandateQueries.CountryNotFound(command.Code);
        }

        var code = command.Code;
        var inUse = await db.Mechanisms.AnyAsync(m => m.CountryCode == code, cancellationToken)
            || await db.Institutions.AnyAsync(i => i.CountryCode == code, cancellationToken)
            || await db.Ratifications.AnyAsync(r => r.CountryCode == code, cancellationToken);
        if (inUse)
        {
            return Error.Conflict("country", $"country '{code}' still has a mandate (mechanism, institutions or ratifications); delete those first");
        }

        db.Countries.Remove(country);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static Task<Dictionary<string, int>> CountBy(IQueryable<string> countryCodes, CancellationToken cancellationToken) =>
        countryCodes.GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
