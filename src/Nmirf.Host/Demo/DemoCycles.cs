using Nmirf.Reporting.Cycles;

namespace Nmirf.Host.Demo;

/// <summary>
/// Morocco's past reviews, from part E1 of the project's domain reference; each cycle names its sources (the tags
/// resolve in the reference's source list), and facts the reference marks unverified say so.
/// </summary>
internal static class DemoCycles
{
    private const string Unverified = "general knowledge (unverified)";

    public static IReadOnlyDictionary<string, IReadOnlyList<ReportingCycleDto>> ByCountry { get; } = new Dictionary<string, IReadOnlyList<ReportingCycleDto>>
    {
        ["MAR"] =
        [
            new() { Body = "cerd", Report = "17-18", Symbol = "CERD/C/MAR/17-18", ListOfIssuesSymbol = "CERD/C/MAR/Q/17-18", Source = "CERD/C/SR.2032 [R37]", Notes = "Reviewed in August 2010." },
            new()
            {
                Body = "cerd", Report = "19-21", Symbol = "CERD/C/MAR/19-21", DialogueOn = new(2023, 11, 22), DialogueEndOn = new(2023, 11, 23),
                ConcludingObservationsOn = new(2023, 12, 6), ConcludingObservationsSymbol = "CERD/C/MAR/CO/19-21",
                Source = "CERD/C/MAR/CO/19-21 (21 Dec 2023) [R29]", Notes = "Concluding observations adopted on 5-6 December 2023.",
            },
            new() { Body = "cescr", Report = "3", ConcludingObservationsSymbol = "E/C.12/MAR/CO/3", Source = "E/C.12/MAR/CO/3 [R34]", Notes = "Concluding observations of 2006." },
            new() { Body = "cescr", Report = "4", ConcludingObservationsSymbol = "E/C.12/MAR/CO/4", Source = "E/C.12/MAR/CO/4: " + Unverified, Notes = "Reviewed in 2015." },
            new() { Body = "ccpr", Report = "6", ConcludingObservationsSymbol = "CCPR/C/MAR/CO/6", Source = "118th session, 17 Oct-4 Nov 2016 [R131]; the symbol is " + Unverified },
            new()
            {
                Body = "cedaw", Report = "5-6", Symbol = "CEDAW/C/MAR/5-6", ListOfIssuesSymbol = "CEDAW/C/MAR/Q/5-6", RepliesSymbol = "CEDAW/C/MAR/RQ/5-6",
                DialogueOn = new(2022, 6, 21), DialogueEndOn = new(2022, 6, 22), ConcludingObservationsSymbol = "CEDAW/C/MAR/CO/5-6",
                Source = "CEDAW/C/MAR/CO/5-6; CEDAW/C/SR.1892 [R27]", Notes = "82nd session; the report came six years late.",
            },
            new()
            {
                Body = "cat", Report = "4", Symbol = "CAT/C/MAR/4", ListOfIssuesSymbol = "CAT/C/MAR/Q/4", RepliesSymbol = "CAT/C/MAR/Q/4/Add.1",
                DialogueOn = new(2011, 11, 1), DialogueEndOn = new(2011, 11, 2), ConcludingObservationsOn = new(2011, 12, 21), ConcludingObservationsSymbol = "CAT/C/MAR/CO/4",
                Source = "CAT/C/SR.1025 [R30]; CAT/C/MAR/CO/4 [R33]", Notes = "47th session; 21 December 2011 is the date of the concluding observations document.",
            },
            new()
            {
                Body = "crc", Report = "3-4", Symbol = "CRC/C/MAR/3-4", ListOfIssuesSymbol = "CRC/C/MAR/Q/3-4", RepliesSymbol = "CRC/C/MAR/Q/3-4/Add.1",
                DialogueOn = new(2014, 9, 3), ConcludingObservationsSymbol = "CRC/C/MAR/CO/3-4", Source = "CRC/C/MAR/CO/3-4 [R31]; CRC/C/MAR/Q/3-4 [R32]", Notes = "67th session.",
            },
            new() { Body = "crc", Instrument = "CRC-OPAC", Report = "1", ConcludingObservationsSymbol = "CRC/C/OPAC/MAR/CO/1", Source = "CRC/C/OPAC/MAR/CO/1 [R38]", Notes = "Reviewed in 2014." },
            new() { Body = "crpd", Report = "1", ConcludingObservationsSymbol = "CRPD/C/MAR/CO/1", Source = "CRPD/C/MAR/CO/1: " + Unverified, Notes = "Initial report reviewed in 2017." },
            new() { Body = "cmw", Report = "1", DialogueOn = new(2013, 9, 10), DialogueEndOn = new(2013, 9, 11), Source = "[R132]" },
            new()
            {
                Body = "cmw", Report = "2", Procedure = ReportingProcedure.Simplified, Symbol = "CMW/C/MAR/2", ListOfIssuesSymbol = "CMW/C/MAR/QPR/2",
                DialogueOn = new(2023, 3, 28), Source = "CMW/C/SR.515-516 [R28]", Notes = "36th session, under a list of issues prior to reporting.",
            },
            new()
            {
                Body = "ced", Report = "1", ListOfIssuesSymbol = "CED/C/MAR/Q/1", RepliesSymbol = "CED/C/MAR/RQ/1", RepliesOn = new(2023, 9, 28),
                DialogueOn = new(2024, 9, 24), DialogueEndOn = new(2024, 9, 25), ConcludingObservationsOn = new(2024, 10, 4), ConcludingObservationsSymbol = "CED/C/MAR/CO/1",
                Source = "CED/C/MAR/RQ/1 [R26]; [R133]; the concluding observations symbol is inferred from the pattern", Notes = "Concluding observations adopted on 3-4 October 2024.",
            },
            new() { Body = "upr", Report = "1", DialogueOn = new(2008, 4, 8), Source = "[R98]", Notes = "Working Group session 1." },
            new()
            {
                Body = "upr", Report = "2", Symbol = "A/HRC/WG.6/13/MAR/1", DialogueOn = new(2012, 5, 22), ConcludingObservationsSymbol = "A/HRC/21/3",
                Source = "A/HRC/WG.6/13/MAR/1; A/HRC/21/3 [R41]", Notes = "Working Group session 13.",
            },
            new()
            {
                Body = "upr", Report = "3", Symbol = "A/HRC/WG.6/27/MAR/1", DialogueOn = new(2017, 5, 2), ConcludingObservationsOn = new(2017, 7, 13), ConcludingObservationsSymbol = "A/HRC/36/6",
                Source = "A/HRC/WG.6/27/MAR/1-3; A/HRC/36/6 (13 July 2017) [R40]", Notes = "Working Group session 27.",
            },
            new()
            {
                Body = "upr", Report = "4", Symbol = "A/HRC/WG.6/41/MAR/1", DialogueOn = new(2022, 11, 8), ConcludingObservationsSymbol = "A/HRC/52/7",
                Source = "Working Group session 41, 7-18 Nov 2022 [R90][R95]; outcome adopted at HRC 52: 306 recommendations, 232 accepted [R44]. The review day and both symbols are " + Unverified,
            },
        ],
    };
}
