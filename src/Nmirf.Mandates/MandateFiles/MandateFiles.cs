using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Instruments;
using Nmirf.Mandates.Model;

namespace Nmirf.Mandates.MandateFiles;

/// <summary>The whole mandate of a country, in the order mandate files list it.</summary>
public sealed record GetMandate(string Country) : IQuery<Result<MandateDocument>>;

/// <summary>
/// Makes the stored mandate of <c>Document.Country</c> equal to <paramref name="Document"/>: records are matched by
/// their keys (institution code, focal point e-mail, ratification instrument), created, updated or deleted, all in one
/// transaction. Importing an exported mandate changes nothing. A dry run reports the changes and writes nothing.
/// </summary>
public sealed record ImportMandate(MandateDocument Document, bool DryRun = false) : ICommand<Result<MandateImportSummary>>;

internal sealed class MandateFileHandlers(MandatesDbContext db, TimeProvider clock) :
    IQueryHandler<GetMandate, Result<MandateDocument>>,
    ICommandHandler<ImportMandate, Result<MandateImportSummary>>
{
    public async ValueTask<Result<MandateDocument>> Handle(GetMandate query, CancellationToken cancellationToken)
    {
        var code = query.Country;
        var country = await db.Countries.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (country is null)
        {
            return MandateQueries.CountryNotFound(code);
        }

        var mechanism = await db.Mechanisms.AsNoTracking().SingleOrDefaultAsync(m => m.CountryCode == code, cancellationToken);
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.CountryCode == code).OrderBy(i => i.Code).ToListAsync(cancellationToken);
        var codes = institutions.ToDictionary(i => i.Id, i => i.Code);
        var focalPoints = await db.FocalPoints.AsNoTracking().Where(f => f.CountryCode == code).ToListAsync(cancellationToken);
        var ratifications = await db.Ratifications.AsNoTracking().Where(r => r.CountryCode == code).ToListAsync(cancellationToken);
        return new MandateDocument
        {
            Country = country.ToDto(),
            Mechanism = mechanism?.ToDto(),
            Institutions = institutions.Select(i => i.ToDto()).ToList(),
            FocalPoints = focalPoints
                .OrderBy(f => codes[f.InstitutionId], StringComparer.Ordinal)
                .ThenBy(f => f.Email, StringComparer.OrdinalIgnoreCase)
                .Select(f => f.ToDto(codes[f.InstitutionId], withId: false))
                .ToList(),
            Ratifications = ratifications.OrderBy(r => InstrumentCatalog.OrderOf(r.Instrument)).Select(r => r.ToDto()).ToList(),
        };
    }

    public async ValueTask<Result<MandateImportSummary>> Handle(ImportMandate command, CancellationToken cancellationToken)
    {
        var document = command.Document;
        var errors = MandateRules.Document(document, clock.Today());
        if (errors.Count > 0)
        {
            return Result<MandateImportSummary>.Failure(errors);
        }

        var code = document.Country!.Code!;
        var country = await db.Countries.SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (country is null)
        {
            db.Countries.Add(Country.From(document.Country));
        }
        else
        {
            country.Apply(document.Country);
        }

        await SyncMechanismAsync(code, document.Mechanism, cancellationToken);
        var institutions = await SyncInstitutionsAsync(code, document.Institutions, cancellationToken);
        await SyncFocalPointsAsync(code, document.FocalPoints, institutions, cancellationToken);
        await SyncRatificationsAsync(code, document.Ratifications, cancellationToken);

        var summary = Summarise(code, command.DryRun);
        if (command.DryRun)
        {
            db.ChangeTracker.Clear();
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return summary;
    }

    private async Task SyncMechanismAsync(string code, NationalMechanismDto? dto, CancellationToken cancellationToken)
    {
        var mechanism = await db.Mechanisms.SingleOrDefaultAsync(m => m.CountryCode == code, cancellationToken);
        if (dto is null)
        {
            if (mechanism is not null)
            {
                db.Mechanisms.Remove(mechanism);
            }

            return;
        }

        if (mechanism is null)
        {
            mechanism = new NationalMechanism { CountryCode = code };
            db.Mechanisms.Add(mechanism);
        }

        mechanism.Apply(dto);
    }

    private async Task<Dictionary<string, Institution>> SyncInstitutionsAsync(string code, IReadOnlyList<InstitutionDto> dtos, CancellationToken cancellationToken)
    {
        var existing = await db.Institutions.Where(i => i.CountryCode == code).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken);
        var result = new Dictionary<string, Institution>(StringComparer.Ordinal);
        foreach (var dto in dtos)
        {
            if (!existing.Remove(dto.Code!, out var institution))
            {
                institution = new Institution { CountryCode = code };
                db.Institutions.Add(institution);
            }

            institution.Apply(dto);
            result.Add(institution.Code, institution);
        }

        db.Institutions.RemoveRange(existing.Values);
        return result;
    }

    private async Task SyncFocalPointsAsync(string code, IReadOnlyList<FocalPointDto> dtos, Dictionary<string, Institution> institutions, CancellationToken cancellationToken)
    {
        var existing = await db.FocalPoints.Where(f => f.CountryCode == code).ToDictionaryAsync(f => f.Email, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var dto in dtos)
        {
            if (!existing.Remove(dto.Email!.Trim(), out var focalPoint))
            {
                focalPoint = new FocalPoint { CountryCode = code };
                db.FocalPoints.Add(focalPoint);
            }

            focalPoint.Apply(dto, institutions[dto.Institution!]);
        }

        db.FocalPoints.RemoveRange(existing.Values);
    }

    private async Task SyncRatificationsAsync(string code, IReadOnlyList<RatificationDto> dtos, CancellationToken cancellationToken)
    {
        var existing = await db.Ratifications.Where(r => r.CountryCode == code).ToDictionaryAsync(r => r.Instrument, StringComparer.Ordinal, cancellationToken);
        foreach (var dto in dtos)
        {
            if (!existing.Remove(dto.Instrument!, out var ratification))
            {
                ratification = new Ratification { CountryCode = code };
                db.Ratifications.Add(ratification);
            }

            ratification.Apply(dto);
        }

        db.Ratifications.RemoveRange(existing.Values);
    }

    private MandateImportSummary Summarise(string code, bool dryRun)
    {
        db.ChangeTracker.DetectChanges();
        // Only this country's records: a context may still track another country's from an earlier import.
        var entries = db.ChangeTracker.Entries().Where(e => (e.Entity as ICountryOwned)?.CountryCode == code).ToList();
        ImportCount Count(string kind, Type type)
        {
            var ofType = entries.Where(e => e.Metadata.ClrType == type).ToList();
            return new ImportCount(
                kind,
                ofType.Count(e => e.State == EntityState.Added),
                ofType.Count(e => e.State == EntityState.Modified),
                ofType.Count(e => e.State == EntityState.Deleted),
                ofType.Count(e => e.State == EntityState.Unchanged));
        }

        return new MandateImportSummary(code, dryRun,
        [
            Count("country", typeof(Country)),
            Count("mechanism", typeof(NationalMechanism)),
            Count("institutions", typeof(Institution)),
            Count("focalPoints", typeof(FocalPoint)),
            Count("ratifications", typeof(Ratification)),
        ]);
    }
}
