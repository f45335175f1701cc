using Microsoft.Extensions.DependencyInjection;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Host.Demo;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Ratifications;
using Nmirf.Plugins.Abstractions;
using Nmirf.Reporting.Calendar;
using Nmirf.Reporting.Cycles;
using Nmirf.Tests.Shared;

namespace Nmirf.Reporting.Tests;

/// <summary>Reporting cycles and the calendar through the host's composition: mediator, plugins and SQLite.</summary>
public sealed class ReportingCycleTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.CreateAsync(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
        await using var scope = _host.Services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(accounts: false);
        Assert.True(seeded.IsSuccess, string.Join("; ", seeded.Errors));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DemoSeed_RecordsMoroccosPastReviews()
    {
        var cycles = (await _host.SendAsync(new ListCycles("MAR"))).Value;

        Assert.Contains(cycles, c => c.Body == "cedaw" && c.Report == "5-6" && c.ConcludingObservationsSymbol == "CEDAW/C/MAR/CO/5-6");
        Assert.Contains(cycles, c => c.Body == "crc" && c.Instrument == "CRC-OPAC" && c.Report == "1");
        Assert.Equal(4, cycles.Count(c => c.Body == "upr"));
    }

    [Fact]
    public async Task Calendar_OfMorocco_ComputesFromTheLastReviews()
    {
        var calendar = (await _host.SendAsync(new GetCalendar("MAR"))).Value;

        var cedaw = Assert.Single(calendar.Obligations, o => o.Body == "cedaw" && o.Document == DocumentKind.PeriodicReport);
        Assert.Equal(("7", new DateOnly(2026, 6, 21), ObligationStatus.Overdue), (cedaw.Report, cedaw.DueOn, cedaw.Status));
        var upr = Assert.Single(calendar.Obligations, o => o.Body == "upr" && o.Document == DocumentKind.UprNationalReport);
        Assert.Equal(new DateOnly(2027, 5, 8), upr.DueOn);
        Assert.Contains(calendar.Notes, n => n.StartsWith("ccpr:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordCycle_Valid_IsStoredWithTheUnSpellingOfItsSymbols()
    {
        var recorded = await _host.SendAsync(new RecordCycle("PRT", new ReportingCycleDto { Body = "cat", Report = "7", Symbol = "cat/c/prt/7", DialogueOn = new DateOnly(2019, 11, 12) }));

        Assert.True(recorded.IsSuccess, string.Join("; ", recorded.Errors));
        Assert.Equal("CAT/C/PRT/7", recorded.Value.Symbol);
        Assert.Equal("CAT", recorded.Value.Instrument);
        Assert.Equal(recorded.Value, (await _host.SendAsync(new GetCycle("PRT", recorded.Value.Id!.Value))).Value);
    }

    [Fact]
    public async Task RecordCycle_CommitteeSetsTheNextDate_TheCalendarFollowsIt()
    {
        await _host.SendAsync(new RecordCycle("PRT", new ReportingCycleDto { Body = "cat", Report = "7", ConcludingObservationsOn = new DateOnly(2019, 12, 6), NextDueOn = new DateOnly(2023, 12, 6), FollowUpSubmittedOn = new DateOnly(2020, 12, 1) }));

        var calendar = (await _host.SendAsync(new GetCalendar("PRT"))).Value;

        var cat = Assert.Single(calendar.Obligations, o => o.Body == "cat");
        Assert.Equal(("8", new DateOnly(2023, 12, 6), ObligationStatus.Overdue), (cat.Report, cat.DueOn, cat.Status));
        Assert.Contains("set by the committee", cat.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xyz", "5", null, "body", "no loaded plugin 'xyz'")]
    [InlineData("cat", "6-5", null, "report", "ascending range")]
    [InlineData("cat", null, null, "report", "is required")]
    [InlineData("cat", "5", "CEDAW/C/PRT/5", "symbol", "is a cedaw document, not a cat one")]
    [InlineData("cat", "5", "CAT/C/MAR/5", "symbol", "concerns MAR, not PRT")]
    [InlineData("cat", "5", "CAT/C/PRT/ZZ/5", "symbol", "matches none of its patterns")]
    public async Task RecordCycle_BadInput_IsRefusedNamingTheField(string body, string? report, string? symbol, string field, string reason)
    {
        var result = await _host.SendAsync(new RecordCycle("PRT", new ReportingCycleDto { Body = body, Report = report, Symbol = symbol }));

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Empty((await _host.SendAsync(new ListCycles("PRT"))).Value);
    }

    [Fact]
    public async Task RecordCycle_DatesOutOfOrderOrInTheFuture_AreRefused()
    {
        var result = await _host.SendAsync(new RecordCycle("PRT", new ReportingCycleDto
        {
            Body = "cat", Report = "5", DialogueOn = new DateOnly(2020, 5, 1), ConcludingObservationsOn = new DateOnly(2020, 4, 1), SubmittedOn = new DateOnly(2027, 1, 1),
        }));

        Assert.Equal(["concludingObservationsOn", "dialogueOn", "submittedOn"], result.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public async Task RecordCycle_OverlappingAReportAlreadyRecorded_IsAConflict()
    {
        await _host.SendAsync(new RecordCycle("PRT", new ReportingCycleDto { Body = "crc", Report = "5-6" }));

        var result = await _host.SendAsync(new RecordCycle("PRT", new ReportingCycleDto { Body = "crc", Report = "6" }));
        var protocol = await _host.SendAsync(new RecordCycle("PRT", new ReportingCycleDto { Body = "crc", Instrument = "CRC-OPAC", Report = "1" }));

        Assert.Equal(ErrorKind.Conflict, result.ErrorKind);
        Assert.True(protocol.IsSuccess);
    }

    [Fact]
    public async Task RecordCycle_ForAnUnknownCountry_IsNotFound() =>
        Assert.Equal(ErrorKind.NotFound, (await _host.SendAsync(new RecordCycle("ESP", new ReportingCycleDto { Body = "cat", Report = "1" }))).ErrorKind);

    [Fact]
    public async Task Calendar_NewRatification_AddsItsInitialReport()
    {
        await _host.SendAsync(new RecordRatification("PRT", new RatificationDto { Instrument = "ICRMW", Action = RatificationAction.Accession, Date = new DateOnly(2026, 1, 15), EntryIntoForce = new DateOnly(2026, 5, 1) }));

        var calendar = (await _host.SendAsync(new GetCalendar("PRT"))).Value;

        var cmw = Assert.Single(calendar.Obligations, o => o.Body == "cmw");
        Assert.Equal((DocumentKind.InitialReport, new DateOnly(2027, 5, 1), ObligationStatus.Due), (cmw.Document, cmw.DueOn, cmw.Status));
    }

    [Fact]
    public async Task Cycles_OfAnotherCountry_AreNotVisibleToItsTenant()
    {
        var mar = (await _host.SendAsync(new ListCycles("MAR"))).Value[0];

        var asPortugal = await _host.SendAsync(new GetCycle("MAR", mar.Id!.Value), country: "PRT");

        Assert.Equal(ErrorKind.NotFound, asPortugal.ErrorKind);
    }

    [Fact]
    public async Task DemoSeed_SecondRun_ChangesNoCycle()
    {
        var before = (await _host.SendAsync(new ListCycles("MAR"))).Value;
        await using var scope = _host.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(accounts: false);

        Assert.Equal(before, (await _host.SendAsync(new ListCycles("MAR"))).Value);
    }
}
