using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Model;

namespace Nmirf.Mandates;

/// <summary>Lookups shared by the use cases of this module.</summary>
internal static class MandateQueries
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static Error CountryNotFound(string code) => Error.NotFound("country", $"no country '{code}'; `nmirf countries list` shows those that exist");

    public static Task<bool> CountryExistsAsync(this MandatesDbContext db, string code, CancellationToken ct) =>
        db.Countries.AnyAsync(c => c.Code == code, ct);

    public static Task<Institution?> FindInstitutionAsync(this MandatesDbContext db, string country, string code, CancellationToken ct) =>
        db.Institutions.SingleOrDefaultAsync(i => i.CountryCode == country && i.Code == code, ct);

    public static Result<T> Fail<T>(this ErrorList errors) => Result<T>.Failure(errors.Errors);
}
