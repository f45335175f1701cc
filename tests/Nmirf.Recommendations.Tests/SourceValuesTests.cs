using Nmirf.Recommendations.Importing;

namespace Nmirf.Recommendations.Tests;

public class SourceValuesTests
{
    [Theory]
    [InlineData("4. The Committee recommends", "4", "The Committee recommends")]
    [InlineData("140.7 Ratify the Convention", "140.7", "Ratify the Convention")]
    [InlineData("23 (b) Strengthen the system", "23(b)", "Strengthen the system")]
    [InlineData("12.The Committee notes", "12", "The Committee notes")]
    [InlineData("2030 Agenda for Sustainable Development", null, "2030 Agenda for Sustainable Development")]
    [InlineData("Ratify the Convention", null, "Ratify the Convention")]
    public void SplitParagraph_LeadingNumber_IsSplitOff(string text, string? paragraph, string rest)
    {
        Assert.Equal((paragraph, rest), SourceValues.SplitParagraph(text));
    }

    [Theory]
    [InlineData("CRC", "crc")]
    [InlineData("- CESCR", "cescr")]
    [InlineData("Human Rights Committee", "ccpr")]
    [InlineData("CCPR", "ccpr")]
    [InlineData("Committee against Torture (CAT)", "cat")]
    [InlineData("Universal Periodic Review", "upr")]
    [InlineData("Special Rapporteur on the right to food", "special rapporteur on the right to food")]
    public void BodyId_SourceNames_AreThePluginIds(string raw, string id)
    {
        Assert.Equal(id, SourceValues.BodyId(raw));
    }

    [Theory]
    [InlineData("Peru", "PER")]
    [InlineData("per", "PER")]
    [InlineData("Republic of Korea", "KOR")]
    [InlineData("Democratic People's Republic of Korea", "PRK")]
    [InlineData("Congo", "COG")]
    [InlineData("Democratic Republic of the Congo", "COD")]
    [InlineData("United Kingdom of Great Britain and Northern Ireland", "GBR")]
    [InlineData("Turkey", "TUR")]
    [InlineData("Türkiye", "TUR")]
    [InlineData("Cote d'Ivoire", "CIV")]
    [InlineData("Kosovo", "Kosovo")]
    public void Country_Names_MapToAlpha3CodesWhereKnown(string name, string expected)
    {
        Assert.Equal(expected, SourceValues.Country(name));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(12, 1)]
    [InlineData(13, 2)]
    [InlineData(40, 3)]
    [InlineData(41, 4)]
    [InlineData(55, 5)]
    public void CycleOfSession_SessionNumbers_FallInTheirCycle(int session, int cycle)
    {
        Assert.Equal(cycle, SourceValues.CycleOfSession(session));
    }

    [Fact]
    public void CleanText_Html_IsStrippedAndWhitespaceCollapsed()
    {
        Assert.Equal("Ensure access to justice. For all children & girls.", SourceValues.CleanText("<p>Ensure access to <em>justice</em>.</p><p>For all\u00A0children &amp;\r\n girls.</p>"));
    }
}
