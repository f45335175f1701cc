using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Countries;
using Nmirf.Mandates.FocalPoints;
using Nmirf.Mandates.Institutions;
using Nmirf.Mandates.MandateFiles;
using Nmirf.Mandates.Mechanisms;
using Nmirf.Mandates.Ratifications;

namespace Nmirf.Mandates.Tests;

/// <summary>The one-record use cases behind the API: each refuses bad input, duplicates and dangling references, and writes nothing then.</summary>
public sealed class RecordHandlersTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var db = _database.Mandates();
        await new MandateFileHandlers(db, _database.Clock).Handle(new ImportMandate(Samples.Mandate()), default);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CreateCountry_ExistingCode_IsAConflict()
    {
        var result = await Countries(h => h.Handle(new CreateCountry(new CountryDto { Code = "MAR", Name = "Morocco" }), default));

        Assert.Equal(ErrorKind.Conflict, result.ErrorKind);
    }

    [Fact]
    public async Task UpdateCountry_BodyWithAnotherCode_IsRefused()
    {
        var result = await Countries(h => h.Handle(new UpdateCountry("MAR", new CountryDto { Code = "PRT", Name = "Portugal" }), default));

        Assert.Equal("code", Assert.Single(result.Errors).Field);
        Assert.Equal("Morocco", (await Countries(h => h.Handle(new GetCountry("MAR"), default))).Value.Name);
    }

    [Fact]
    public async Task DeleteCountry_WithAMandate_IsAConflict()
    {
        var result = await Countries(h => h.Handle(new DeleteCountry("MAR"), default));

        Assert.Equal(ErrorKind.Conflict, result.ErrorKind);
    }

    [Fact]
    public async Task CreateInstitution_ExistingCode_IsAConflictAndWritesNothing()
    {
        var auditBefore = (await _database.AuditLogAsync()).Count;

        var result = await Institutions(h => h.Handle(new CreateInstitution("MAR", Samples.Mandate().Institutions[1] with { Name = "Other" }), default));

        Assert.Equal(ErrorKind.Conflict, result.ErrorKind);
        Assert.Equal("code", result.Errors[0].Field);
        Assert.Equal(auditBefore, (await _database.AuditLogAsync()).Count);
    }

    [Fact]
    public async Task CreateInstitution_InUnknownCountry_IsNotFound()
    {
        var result = await Institutions(h => h.Handle(new CreateInstitution("PRT", Samples.Mandate().Institutions[1]), default));

        Assert.Equal(ErrorKind.NotFound, result.ErrorKind);
    }

    [Fact]
    public async Task UpdateInstitution_NewCode_RenamesAndKeepsItsFocalPoints()
    {
        var renamed = await Institutions(h => h.Handle(new UpdateInstitution("MAR", "justice", Samples.Mandate().Institutions[1] with { Code = "mj" }), default));

        Assert.Equal("mj", renamed.Value.Code);
        var focalPoints = await FocalPoints(h => h.Handle(new ListFocalPoints("MAR", "mj"), default));
        Assert.Equal("amina.benali@justice.gov.ma", Assert.Single(focalPoints.Value).Email);
    }

    [Fact]
    public async Task DeleteInstitution_WithFocalPoints_IsAConflict()
    {
        var result = await Institutions(h => h.Handle(new DeleteInstitution("MAR", "justice"), default));

        Assert.Equal(ErrorKind.Conflict, result.ErrorKind);
        Assert.True((await Institutions(h => h.Handle(new GetInstitution("MAR", "justice"), default))).IsSuccess);
    }

    [Fact]
    public async Task CreateFocalPoint_UnknownInstitution_NamesTheField()
    {
        var result = await FocalPoints(h => h.Handle(new CreateFocalPoint("MAR", Samples.Mandate().FocalPoints[0] with { Email = "new@justice.gov.ma", Institution = "interior" }), default));

        Assert.Equal("institution", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task CreateFocalPoint_EmailInUseInAnotherCase_IsAConflict()
    {
        var result = await FocalPoints(h => h.Handle(new CreateFocalPoint("MAR", Samples.Mandate().FocalPoints[0] with { Email = "Amina.Benali@justice.gov.ma" }), default));

        Assert.Equal(ErrorKind.Conflict, result.ErrorKind);
    }

    [Fact]
    public async Task CreateFocalPoint_IdInBody_IsIgnored()
    {
        var chosen = Guid.NewGuid();

        var created = await FocalPoints(h => h.Handle(new CreateFocalPoint("MAR", Samples.Mandate().FocalPoints[0] with { Id = chosen, Email = "new@justice.gov.ma" }), default));

        Assert.NotEqual(chosen, created.Value.Id);
    }

    [Fact]
    public async Task GetFocalPoint_OfAnotherCountry_IsNotFound()
    {
        var id = (await FocalPoints(h => h.Handle(new ListFocalPoints("MAR"), default))).Value[0].Id!.Value;
        await using var db = _database.Mandates();
        await new CountryHandlers(db).Handle(new CreateCountry(new CountryDto { Code = "PRT", Name = "Portugal" }), default);

        var result = await FocalPoints(h => h.Handle(new GetFocalPoint("PRT", id), default));

        Assert.Equal(ErrorKind.NotFound, result.ErrorKind);
    }

    [Fact]
    public async Task RecordRatification_SameInstrumentAgain_IsAConflict()
    {
        var result = await Ratifications(h => h.Handle(new RecordRatification("MAR", Samples.Mandate().Ratifications[0]), default));

        Assert.Equal(ErrorKind.Conflict, result.ErrorKind);
    }

    [Fact]
    public async Task UpdateRatification_EntryIntoForceBeforeDate_IsRefused()
    {
        var result = await Ratifications(h => h.Handle(new UpdateRatification("MAR", "ICCPR", Samples.Mandate().Ratifications[0] with { EntryIntoForce = new DateOnly(1979, 1, 1) }), default));

        Assert.Equal("entryIntoForce", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task UpdateRatification_ValidChange_IsStoredAndListedInCatalogueOrder()
    {
        await Ratifications(h => h.Handle(new UpdateRatification("MAR", "ICCPR", Samples.Mandate().Ratifications[0] with { EntryIntoForce = new DateOnly(1979, 8, 3) }), default));

        var list = (await Ratifications(h => h.Handle(new ListRatifications("MAR"), default))).Value;

        Assert.Equal(["ICERD", "ICCPR", "OPCAT"], list.Select(r => r.Instrument));
        Assert.Equal(new DateOnly(1979, 8, 3), list[1].EntryIntoForce);
    }

    [Fact]
    public async Task PutMechanism_AdoptedInTheFuture_IsRefused()
    {
        var mechanism = Samples.Mandate().Mechanism! with { LegalBasis = new LegalBasisDto { Kind = LegalInstrumentKind.Law, AdoptedOn = new DateOnly(2027, 1, 1) } };

        var result = await Mechanisms(h => h.Handle(new PutMechanism("MAR", mechanism), default));

        Assert.Equal("legalBasis.adoptedOn", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public async Task DeleteMechanism_ThenGet_IsNotFound()
    {
        await Mechanisms(h => h.Handle(new DeleteMechanism("MAR"), default));

        Assert.Equal(ErrorKind.NotFound, (await Mechanisms(h => h.Handle(new GetMechanism("MAR"), default))).ErrorKind);
    }

    private async Task<T> Countries<T>(Func<CountryHandlers, ValueTask<T>> use)
    {
        await using var db = _database.Mandates();
        return await use(new CountryHandlers(db));
    }

    private async Task<T> Institutions<T>(Func<InstitutionHandlers, ValueTask<T>> use)
    {
        await using var db = _database.Mandates();
        return await use(new InstitutionHandlers(db));
    }

    private async Task<T> FocalPoints<T>(Func<FocalPointHandlers, ValueTask<T>> use)
    {
        await using var db = _database.Mandates();
        return await use(new FocalPointHandlers(db));
    }

    private async Task<T> Ratifications<T>(Func<RatificationHandlers, ValueTask<T>> use)
    {
        await using var db = _database.Mandates();
        return await use(new RatificationHandlers(db, _database.Clock));
    }

    private async Task<T> Mechanisms<T>(Func<MechanismHandlers, ValueTask<T>> use)
    {
        await using var db = _database.Mandates();
        return await use(new MechanismHandlers(db, _database.Clock));
    }
}
