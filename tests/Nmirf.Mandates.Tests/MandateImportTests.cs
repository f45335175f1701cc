using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Auditing;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.MandateFiles;

namespace Nmirf.Mandates.Tests;

public sealed class MandateImportTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Import_NewMandate_CreatesEveryRecordAndAuditsEach()
    {
        var summary = (await ImportAsync(Samples.Mandate())).Value;

        Assert.Equal([1, 1, 2, 2, 3], summary.Counts.Select(c => c.Created));
        var audit = await _database.AuditLogAsync();
        Assert.Equal(9, audit.Count);
        Assert.All(audit, entry =>
        {
            Assert.Equal(AuditAction.Created, entry.Action);
            Assert.Equal("MAR", entry.CountryCode);
            Assert.Equal("test:admin", entry.Actor);
            Assert.Equal("mandates", entry.Module);
            Assert.Equal(TestDatabase.Now.UtcDateTime, entry.OccurredAt);
            Assert.Null(entry.Before);
            Assert.NotNull(entry.After);
        });
        Assert.Contains(audit, e => e.Entity == "Institution" && e.After!.Contains("\"Code\":\"justice\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_ItsOwnExportThroughYaml_ChangesNothing()
    {
        await ImportAsync(Samples.Mandate());
        var auditBefore = (await _database.AuditLogAsync()).Count;
        var yaml = MandateYaml.Write((await ExportAsync("MAR")).Value);

        var summary = (await ImportAsync(MandateYaml.Read(yaml).Value)).Value;

        Assert.False(summary.Changed);
        Assert.Equal(auditBefore, (await _database.AuditLogAsync()).Count);
        Assert.Equal(yaml, MandateYaml.Write((await ExportAsync("MAR")).Value));
    }

    [Fact]
    public async Task Import_ChangedFile_AppliesExactlyTheDifferences()
    {
        await ImportAsync(Samples.Mandate());
        var auditBefore = (await _database.AuditLogAsync()).Count;
        var changed = Samples.Mandate() with
        {
            Institutions =
            [
                Samples.Mandate().Institutions[0],
                Samples.Mandate().Institutions[1] with { Name = "Ministère de la Justice et des Libertés" },
                new InstitutionDto { Code = "interieur", Name = "Ministère de l'Intérieur", Kind = InstitutionKind.Ministry, Role = MechanismRole.Member },
            ],
            FocalPoints = [Samples.Mandate().FocalPoints[0] with { Institution = "interieur" }],
        };

        var summary = (await ImportAsync(changed)).Value;

        var counts = summary.Counts.ToDictionary(c => c.Kind);
        Assert.Equal(new ImportCount("institutions", 1, 1, 0, 1), counts["institutions"]);
        Assert.Equal(new ImportCount("focalPoints", 0, 1, 1, 0), counts["focalPoints"]);
        Assert.Equal(new ImportCount("ratifications", 0, 0, 0, 3), counts["ratifications"]);
        var stored = (await ExportAsync("MAR")).Value;
        Assert.Equal(["cndh", "interieur", "justice"], stored.Institutions.Select(i => i.Code));
        Assert.Equal("interieur", Assert.Single(stored.FocalPoints).Institution);
        var audit = (await _database.AuditLogAsync()).Skip(auditBefore).ToList();
        Assert.Equal(4, audit.Count);
        var rename = Assert.Single(audit, e => e.Entity == "Institution" && e.Action == AuditAction.Updated);
        Assert.Equal("{\"Name\":\"Minist\\u00E8re de la Justice\"}", rename.Before);
        Assert.Contains(audit, e => e.Entity == "FocalPoint" && e.Action == AuditAction.Deleted && e.After is null);
    }

    [Fact]
    public async Task Import_InvalidMandate_WritesNothing()
    {
        await ImportAsync(Samples.Mandate());
        var auditBefore = (await _database.AuditLogAsync()).Count;
        var invalid = Samples.Mandate() with
        {
            Country = Samples.Mandate().Country! with { Name = "Renamed" },
            Institutions = [.. Samples.Mandate().Institutions, Samples.Mandate().Institutions[0]],
        };

        var result = await ImportAsync(invalid);

        Assert.False(result.IsSuccess);
        Assert.Equal("institutions[2].code", result.Errors[0].Field);
        Assert.Equal("Morocco", (await ExportAsync("MAR")).Value.Country!.Name);
        Assert.Equal(auditBefore, (await _database.AuditLogAsync()).Count);
    }

    [Fact]
    public async Task Import_DryRun_ReportsChangesAndWritesNothing()
    {
        var summary = (await ImportAsync(Samples.Mandate(), dryRun: true)).Value;

        Assert.True(summary.DryRun);
        Assert.Equal(2, summary.Counts.Single(c => c.Kind == "institutions").Created);
        await using var db = _database.Mandates();
        Assert.False(await db.Countries.AnyAsync());
        Assert.Empty(await _database.AuditLogAsync());
    }

    [Fact]
    public async Task Import_SecondCountry_LeavesTheFirstUntouched()
    {
        await ImportAsync(Samples.Mandate());
        var portugal = new MandateDocument
        {
            Country = new CountryDto { Code = "PRT", Name = "Portugal", WorkingLanguages = ["pt"] },
            Institutions = [new InstitutionDto { Code = "justice", Name = "Ministério da Justiça", Kind = InstitutionKind.Ministry, Role = MechanismRole.Member }],
        };

        var summary = (await ImportAsync(portugal)).Value;

        Assert.Equal(1, summary.Counts.Single(c => c.Kind == "institutions").Created);
        Assert.Equal(0, summary.Counts.Sum(c => c.Deleted));
        Assert.Equal(2, (await ExportAsync("MAR")).Value.Institutions.Count);
    }

    [Fact]
    public async Task Export_UnknownCountry_IsNotFound()
    {
        var result = await ExportAsync("ESP");

        Assert.Equal(ErrorKind.NotFound, result.ErrorKind);
    }

    [Fact]
    public async Task Queries_WithAnotherCountryAsTenant_SeeNothingOfThisOne()
    {
        await ImportAsync(Samples.Mandate());
        _database.Tenant.Use("PRT");

        await using var db = _database.Mandates();

        Assert.Empty(await db.Institutions.ToListAsync());
        Assert.Empty(await db.Countries.ToListAsync());
        Assert.Equal(ErrorKind.NotFound, (await ExportAsync("MAR")).ErrorKind);
    }

    [Fact]
    public async Task AuditLog_ChangedEntry_CannotBeSaved()
    {
        await ImportAsync(Samples.Mandate());
        await using var audit = _database.Audit();
        var entry = await audit.Entries.FirstAsync();
        audit.Entry(entry).Property(e => e.Actor).CurrentValue = "someone else";

        await Assert.ThrowsAsync<InvalidOperationException>(() => audit.SaveChangesAsync());
    }

    private async Task<Result<MandateImportSummary>> ImportAsync(MandateDocument document, bool dryRun = false)
    {
        await using var db = _database.Mandates();
        return await new MandateFileHandlers(db, _database.Clock).Handle(new ImportMandate(document, dryRun), default);
    }

    private async Task<Result<MandateDocument>> ExportAsync(string country)
    {
        await using var db = _database.Mandates();
        return await new MandateFileHandlers(db, _database.Clock).Handle(new GetMandate(country), default);
    }
}
