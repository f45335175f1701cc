using Nmirf.Mandates.Contracts;
using Nmirf.Plugins.Abstractions;
using Nmirf.Reporting.Calendar;
using Nmirf.Reporting.Cycles;
using Nmirf.Reporting.Model;

namespace Nmirf.Reporting.Tests;

/// <summary>The calendar's rules with the real plugins' rules, on fixed days.</summary>
public class CalendarTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static RatificationDto Ratified(string instrument, DateOnly date, DateOnly? inForce = null, RatificationAction action = RatificationAction.Ratification, DatePrecision? precision = null) =>
        new() { Instrument = instrument, Action = action, Date = date, EntryIntoForce = inForce, DatePrecision = precision };

    private static ReportingCalendar Build(DateOnly today, IReadOnlyList<RatificationDto> ratifications, params ReportingCycle[] cycles) =>
        CalendarBuilder.Build("PRT", ratifications, StagedPlugins.Catalog.Bodies, cycles, today);

    private static ReportingCycle Cycle(string body, int from, int to, string? instrument = null) =>
        new() { CountryCode = "PRT", Body = body, Instrument = instrument ?? StagedPlugins.Body(body).Descriptor.Instruments[0].Code, ReportFrom = from, ReportTo = to };

    [Fact]
    public void Cat_BeforeTheInitialReportIsDue_OwesItOneYearAfterEntryIntoForce()
    {
        var calendar = Build(new DateOnly(2021, 1, 10), [Ratified("CAT", new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31))]);

        var initial = Assert.Single(calendar.Obligations);
        Assert.Equal(("cat", DocumentKind.InitialReport, "1"), (initial.Body, initial.Document, initial.Report));
        Assert.Equal(new DateOnly(2021, 3, 31), initial.DueOn);
        Assert.Equal(ObligationStatus.Due, initial.Status);
        Assert.False(initial.Estimated);
        Assert.Contains("art. 19(1)", initial.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Cat_NothingSubmitted_OwesTheInitialAndEachFourYearlyReportSinceAsOneCombinedObligation()
    {
        var calendar = Build(Today, [Ratified("CAT", new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31))]);

        var owed = Assert.Single(calendar.Obligations);
        Assert.Equal("1-2", owed.Report);
        Assert.Equal(new DateOnly(2021, 3, 31), owed.DueOn);
        Assert.Equal(ObligationStatus.Overdue, owed.Status);
        Assert.Equal(Today.DayNumber - new DateOnly(2021, 3, 31).DayNumber, owed.DaysOverdue);
        Assert.Contains("may be combined", owed.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Cat_InitialReportDueDateRecorded_NextReportIsDueFourYearsLater()
    {
        var initial = Cycle("cat", 1, 1);
        initial.DueOn = new DateOnly(2021, 3, 31);
        initial.SubmittedOn = new DateOnly(2021, 3, 20);

        var calendar = Build(new DateOnly(2024, 6, 1), [Ratified("CAT", new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31))], initial);

        var next = Assert.Single(calendar.Obligations);
        Assert.Equal(("2", new DateOnly(2025, 3, 31), ObligationStatus.Due), (next.Report, next.DueOn, next.Status));
        Assert.False(next.Estimated);
    }

    [Fact]
    public void Cat_CommitteeSetTheNextDate_ThatDateOverridesTheRule()
    {
        var initial = Cycle("cat", 1, 1);
        initial.DueOn = new DateOnly(2021, 3, 31);
        initial.NextDueOn = new DateOnly(2027, 11, 30);
        initial.ConcludingObservationsSymbol = "CAT/C/PRT/CO/1";

        var calendar = Build(Today, [Ratified("CAT", new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31))], initial);

        var next = Assert.Single(calendar.Obligations);
        Assert.Equal((new DateOnly(2027, 11, 30), ObligationStatus.Due), (next.DueOn, next.Status));
        Assert.Contains("set by the committee", next.Rule, StringComparison.Ordinal);
        Assert.Contains("CAT/C/PRT/CO/1", next.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Cat_ConcludingObservationsAdopted_FollowUpIsDueOneYearLaterUntilRecordedAsSent()
    {
        var cycle = Cycle("cat", 1, 1);
        cycle.DueOn = new DateOnly(2021, 3, 31);
        cycle.ConcludingObservationsOn = new DateOnly(2026, 5, 15);
        var ratifications = new[] { Ratified("CAT", new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31)) };

        var followUp = Build(Today, ratifications, cycle).Obligations.Single(o => o.Document == DocumentKind.FollowUpInformation);
        cycle.FollowUpSubmittedOn = new DateOnly(2026, 11, 1);
        var after = Build(Today, ratifications, cycle);

        Assert.Equal(new DateOnly(2027, 5, 15), followUp.DueOn);
        Assert.DoesNotContain(after.Obligations, o => o.Document == DocumentKind.FollowUpInformation);
    }

    [Fact]
    public void Cat_EntryIntoForceNotRecorded_IsEstimatedThirtyDaysAfterDeposit()
    {
        var owed = Assert.Single(Build(new DateOnly(2020, 6, 1), [Ratified("CAT", new DateOnly(2020, 3, 1))]).Obligations);

        Assert.Equal(new DateOnly(2021, 3, 31), owed.DueOn);
        Assert.True(owed.Estimated);
        Assert.Contains("estimated", owed.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Signature_Alone_CreatesNoObligation() =>
        Assert.Empty(Build(Today, [Ratified("CAT", new DateOnly(2020, 3, 1), action: RatificationAction.Signature)]).Obligations);

    [Fact]
    public void RatificationKnownOnlyToTheYear_MakesTheDueDateAnEstimate()
    {
        var owed = Assert.Single(Build(new DateOnly(1990, 6, 1), [Ratified("CRC", new DateOnly(1990, 1, 1), precision: DatePrecision.Year)]).Obligations);

        Assert.True(owed.Estimated);
        Assert.Contains("known only to the year", owed.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Ccpr_HasNoTreatyPeriodicity_SoUsesTheEightYearPredictableCycle()
    {
        var cycle = Cycle("ccpr", 5, 5);
        cycle.ConcludingObservationsOn = new DateOnly(2020, 7, 1);
        cycle.FollowUpSubmittedOn = new DateOnly(2021, 7, 1);

        var next = Assert.Single(Build(Today, [Ratified("ICCPR", new DateOnly(1978, 6, 15), new DateOnly(1978, 9, 15))], cycle).Obligations);

        Assert.Equal(("6", new DateOnly(2028, 7, 1)), (next.Report, next.DueOn));
        Assert.Contains("eight-year", next.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Ced_AfterItsOnlyReport_OwesWhatTheCommitteeAsksAndNoPeriodicReport()
    {
        var cycle = Cycle("ced", 1, 1);
        cycle.ConcludingObservationsOn = new DateOnly(2024, 10, 4);
        cycle.FollowUpSubmittedOn = new DateOnly(2025, 9, 1);
        var ratified = new[] { Ratified("ICPPED", new DateOnly(2013, 5, 14), new DateOnly(2013, 6, 13)) };

        Assert.Empty(Build(Today, ratified, cycle).Obligations);

        cycle.NextDueOn = new DateOnly(2028, 10, 4);
        var asked = Assert.Single(Build(Today, ratified, cycle).Obligations);
        Assert.Equal((DocumentKind.AdditionalInformation, new DateOnly(2028, 10, 4)), (asked.Document, asked.DueOn));
    }

    [Fact]
    public void CrcOptionalProtocol_OwesItsOwnInitialReportOnly()
    {
        var cycle = Cycle("crc", 5, 6);
        cycle.NextDueOn = new DateOnly(2030, 1, 1);

        var calendar = Build(Today, [Ratified("CRC", new DateOnly(1990, 9, 21), new DateOnly(1990, 10, 21)), Ratified("CRC-OPAC", new DateOnly(2025, 1, 10), new DateOnly(2025, 2, 10))], cycle);

        var opac = Assert.Single(calendar.Obligations, o => o.Instrument == "CRC-OPAC");
        Assert.Equal((DocumentKind.InitialReport, new DateOnly(2027, 2, 10)), (opac.Document, opac.DueOn));
        Assert.Contains(calendar.Obligations, o => o.Instrument == "CRC" && o.Report == "7" && o.DueOn == new DateOnly(2030, 1, 1));
    }

    [Fact]
    public void Upr_AfterAReview_ExpectsTheNextOneCycleLaterAndAVoluntaryMidTermReport()
    {
        var review = Cycle("upr", 4, 4, instrument: "UPR");
        review.DialogueOn = new DateOnly(2024, 11, 6);

        var calendar = Build(Today, [], review);

        var midTerm = Assert.Single(calendar.Obligations, o => o.Document == DocumentKind.UprMidTermReport);
        var next = Assert.Single(calendar.Obligations, o => o.Document == DocumentKind.UprNationalReport);
        Assert.Equal((ObligationStatus.Voluntary, new DateOnly(2027, 2, 6)), (midTerm.Status, midTerm.DueOn));
        Assert.Equal(("5", new DateOnly(2029, 5, 6), true), (next.Report, next.DueOn, next.Estimated));
    }

    [Fact]
    public void CycleWithoutDates_GivesANoteInsteadOfAGuess()
    {
        var calendar = Build(Today, [Ratified("CAT", new DateOnly(1989, 2, 9), new DateOnly(1989, 3, 11))], Cycle("cat", 6, 6));

        Assert.Empty(calendar.Obligations);
        Assert.Contains(calendar.Notes, n => n.Contains("cat: the cycle of report 6 has no dates", StringComparison.Ordinal));
    }

    [Fact]
    public void Ics_OfACalendar_HasOneAllDayEventPerObligation()
    {
        var calendar = Build(Today, [Ratified("CAT", new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31)), Ratified("CRC", new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31))]);

        var ics = CalendarExport.ToICalendar(calendar, new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
        var parsed = Ical.Net.Calendar.Load(ics)!;

        Assert.Equal(calendar.Obligations.Count, parsed.Events.Count);
        Assert.All(parsed.Events, e => Assert.False(e.DtStart!.HasTime));
        Assert.Contains(parsed.Events, e => e.Summary!.StartsWith("CAT: initial report 1-2 (PRT) - overdue by", StringComparison.Ordinal));
        Assert.Equal(parsed.Events.Count, parsed.Events.Select(e => e.Uid).Distinct().Count());
    }
}
