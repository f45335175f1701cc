using Nmirf.Plugins.Abstractions;
using Nmirf.Reporting.Symbols;

namespace Nmirf.Reporting.Tests;

public class DocumentSymbolsTests
{
    private static readonly DocumentSymbols Symbols = new(StagedPlugins.Catalog);

    /// <summary>Real symbols from part A1 of the domain reference (and the documents it cites).</summary>
    public static TheoryData<string, string?, string?, DocumentKind?, string?, bool> RealSymbols => new()
    {
        { "CAT/C/MAR/4", "cat", "MAR", DocumentKind.PeriodicReport, "4", false },
        { "CEDAW/C/MAR/5-6", "cedaw", "MAR", DocumentKind.PeriodicReport, "5-6", false },
        { "CERD/C/MAR/19-21", "cerd", "MAR", DocumentKind.PeriodicReport, "19-21", false },
        { "CMW/C/MAR/2", "cmw", "MAR", DocumentKind.PeriodicReport, "2", false },
        { "CRC/C/MAR/3-4", "crc", "MAR", DocumentKind.PeriodicReport, "3-4", false },
        { "CCPR/C/SVK/4", "ccpr", "SVK", DocumentKind.PeriodicReport, "4", false },
        { "E/C.12/PRY/3", "cescr", "PRY", DocumentKind.PeriodicReport, "3", false },
        { "CMW/C/PRY/1", "cmw", "PRY", DocumentKind.InitialReport, "1", false },
        { "CAT/C/MAR/Q/4", "cat", "MAR", DocumentKind.ListOfIssues, "4", false },
        { "CRC/C/MAR/Q/3-4", "crc", "MAR", DocumentKind.ListOfIssues, "3-4", false },
        { "CED/C/MAR/Q/1", "ced", "MAR", DocumentKind.ListOfIssues, "1", false },
        { "CCPR/C/ETH/Q/2", "ccpr", "ETH", DocumentKind.ListOfIssues, "2", false },
        { "CMW/C/MAR/QPR/2", "cmw", "MAR", DocumentKind.ListOfIssuesPriorToReporting, "2", false },
        { "CRC/C/MAR/Q/3-4/Add.1", "crc", "MAR", DocumentKind.RepliesToListOfIssues, "3-4", false },
        { "E/C.12/NAM/Q/1/Add.1", "cescr", "NAM", DocumentKind.RepliesToListOfIssues, "1", false },
        { "CEDAW/C/MAR/RQ/5-6", "cedaw", "MAR", DocumentKind.RepliesToListOfIssues, "5-6", false },
        { "CRC/C/AUT/RQ/5-6", "crc", "AUT", DocumentKind.RepliesToListOfIssues, "5-6", false },
        { "CAT/C/MAR/CO/4", "cat", "MAR", DocumentKind.ConcludingObservations, "4", false },
        { "CEDAW/C/MAR/CO/5-6", "cedaw", "MAR", DocumentKind.ConcludingObservations, "5-6", false },
        { "CERD/C/MAR/CO/19-21", "cerd", "MAR", DocumentKind.ConcludingObservations, "19-21", false },
        { "E/C.12/MAR/CO/3", "cescr", "MAR", DocumentKind.ConcludingObservations, "3", false },
        { "CMW/C/PRY/CO/2", "cmw", "PRY", DocumentKind.ConcludingObservations, "2", false },
        { "CRC/C/OPAC/MAR/CO/1", "crc", "MAR", DocumentKind.ConcludingObservations, "1", false },
        { "CRC/C/OPSC/MAR/CO/1", "crc", "MAR", DocumentKind.ConcludingObservations, "1", false },
        { "CRC/C/OPAC/MAR/1", "crc", "MAR", DocumentKind.InitialReport, "1", false },
        { "CED/C/MEX/FAI/1", "ced", "MEX", DocumentKind.FollowUpAssessment, "1", false },
        { "CCPR/C/128/3/Add.1", "ccpr", null, DocumentKind.FollowUpAssessment, null, false },
        { "CED/C/22/4", "ced", null, DocumentKind.FollowUpAssessment, null, false },
        { "CEDAW/C/SR.1892", "cedaw", null, DocumentKind.SummaryRecord, null, false },
        { "CAT/C/SR.1025", "cat", null, DocumentKind.SummaryRecord, null, false },
        { "HRI/CORE/NAM/2014", null, "NAM", DocumentKind.CommonCoreDocument, null, false },
        { "HRI/CORE/1/Add.23/Rev.1", null, null, DocumentKind.CommonCoreDocument, null, true },
        { "A/HRC/WG.6/27/MAR/1", "upr", "MAR", DocumentKind.UprNationalReport, null, false },
        { "A/HRC/WG.6/19/PRT/2", "upr", "PRT", DocumentKind.UprCompilation, null, false },
        { "A/HRC/WG.6/19/PRT/3", "upr", "PRT", DocumentKind.UprStakeholdersSummary, null, false },
        { "A/HRC/36/6", "upr", null, DocumentKind.UprWorkingGroupReport, null, false },
        { "A/HRC/27/7", "upr", null, DocumentKind.UprWorkingGroupReport, null, false },
        { "CERD/C/430/Add.1", "cerd", null, DocumentKind.PeriodicReport, null, true },
        { "CAT/C/66/Add.1", "cat", null, DocumentKind.PeriodicReport, null, true },
        { "CRC/C/93/Add.3", "crc", null, DocumentKind.PeriodicReport, null, true },
        { "E/1990/5/Add.70", "cescr", null, DocumentKind.PeriodicReport, null, true },
        { "CERD/C/62/CO/5", "cerd", null, DocumentKind.ConcludingObservations, null, true },
        { "CRC/C/15/Add.60", "crc", null, null, null, true },
    };

    [Theory]
    [MemberData(nameof(RealSymbols))]
    public void Parse_RealSymbol_SaysWhatItNames(string symbol, string? body, string? country, DocumentKind? kind, string? report, bool legacy)
    {
        var parsed = Symbols.Parse(symbol);

        Assert.True(parsed.IsSuccess, string.Join("; ", parsed.Errors));
        Assert.Equal(symbol, parsed.Value.Symbol);
        Assert.Equal(body, parsed.Value.Body);
        Assert.Equal(country, parsed.Value.Country);
        if (kind is not null || !legacy)
        {
            Assert.Equal(kind, parsed.Value.Kind);
        }

        Assert.Equal(report, parsed.Value.Report?.ToString());
        Assert.Equal(legacy, parsed.Value.Legacy);
    }

    [Fact]
    public void Parse_CombinedConcludingObservations_GivesTheRange()
    {
        var parsed = Symbols.Parse("CEDAW/C/MAR/CO/5-6").Value;

        Assert.Equal(new ReportNumber(5, 6), parsed.Report);
        Assert.False(parsed.Legacy);
    }

    [Fact]
    public void Parse_LowerCaseInput_GivesTheUnSpelling() =>
        Assert.Equal("CAT/C/MAR/Q/4/Add.1", Symbols.Parse("  cat/c/mar/q/4/add.1 ").Value.Symbol);

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("hello", "not a UN document symbol")]
    [InlineData("not/a/symbol", "not a UN document symbol")]
    [InlineData("CCPR/C/XYZ/4", "'XYZ' is not an assigned ISO 3166-1 alpha-3 code")]
    [InlineData("CEDAW/C/MAR/ZZ/5", "starts like a cedaw symbol")]
    [InlineData("CEDAW/C/MAR/CO/6-5", "ascending range")]
    [InlineData("CAT/C/MAR/CO/4; DROP TABLE", "not a UN document symbol")]
    [InlineData("CAT/C/MAR/CO/4/Add.1/Add.1/Add.1/Add.1/Add.1/Add.1/Add.1/Add.1/Add.1/Add.1/Add.1/Add.1/Add.1", "not a UN document symbol")]
    public void Parse_WrongShape_SaysWhyWithoutThrowing(string symbol, string reason)
    {
        var parsed = Symbols.Parse(symbol);

        Assert.False(parsed.IsSuccess);
        Assert.Contains(reason, Assert.Single(parsed.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cedaw", DocumentKind.ConcludingObservations, "MAR", "5-6", "CEDAW/C/MAR/CO/5-6")]
    [InlineData("cescr", DocumentKind.PeriodicReport, "PRY", "4", "E/C.12/PRY/4")]
    [InlineData("cat", DocumentKind.InitialReport, "PRT", null, "CAT/C/PRT/1")]
    [InlineData("cmw", DocumentKind.ListOfIssuesPriorToReporting, "MAR", "3", "CMW/C/MAR/QPR/3")]
    [InlineData("crc", DocumentKind.ConcludingObservations, "MAR", "5-6", "CRC/C/MAR/CO/5-6")]
    public void Generate_Document_UsesTheBodysPreferredPattern(string body, DocumentKind kind, string country, string? report, string expected)
    {
        ReportNumber? number = report is null ? null : ReportNumber.TryParse(report, out var n) ? n : null;

        Assert.Equal(expected, Symbols.Generate(body, kind, country, number).Value);
    }

    [Fact]
    public void Generate_UprNationalReport_NeedsTheSession()
    {
        Assert.Equal("session", Assert.Single(Symbols.Generate("upr", DocumentKind.UprNationalReport, "MAR").Errors).Field);
        Assert.Equal("A/HRC/WG.6/41/MAR/1", Symbols.Generate("upr", DocumentKind.UprNationalReport, "MAR", session: 41).Value);
    }

    [Fact]
    public void Generate_CommonCoreDocument_UsesTheSharedPattern() =>
        Assert.Equal("HRI/CORE/MAR/2026", Symbols.Generate(null, DocumentKind.CommonCoreDocument, "MAR", year: 2026).Value);

    [Fact]
    public void Generate_UnknownBodyOrKind_IsRefused()
    {
        Assert.Equal("body", Assert.Single(Symbols.Generate("xyz", DocumentKind.PeriodicReport, "MAR").Errors).Field);
        Assert.Equal("kind", Assert.Single(Symbols.Generate("crc", DocumentKind.UprNationalReport, "MAR").Errors).Field);
    }

    [Fact]
    public void GenerateThenParse_EveryPreferredPattern_RoundTrips()
    {
        foreach (var body in StagedPlugins.Catalog.Bodies)
        {
            foreach (var kind in body.Rules.Symbols.Where(s => !s.Legacy).Select(s => s.Kind).Distinct())
            {
                var symbol = Symbols.Generate(body.Id, kind, "MAR", new ReportNumber(5, 6), session: 41, number: 3, year: 2026);
                Assert.True(symbol.IsSuccess, $"{body.Id} {kind}: {string.Join("; ", symbol.Errors)}");

                var parsed = Symbols.Parse(symbol.Value).Value;
                Assert.Equal(body.Id, parsed.Body);
                Assert.Equal(kind, parsed.Kind);
            }
        }
    }
}
