using Nmirf.Drafting.Reports;
using Nmirf.Drafting.Rendering;
using Nmirf.Drafting.WordCount;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Drafting.Tests.WordCount;

public sealed class WordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("  two   words ", 2)]
    [InlineData("paragraph 23(b) of CCPR/C/MAR/CO/6 in 2026", 6)]
    [InlineData("a – dash and … alone", 4)]
    [InlineData("l'État partie", 2)]
    [InlineData("line\nbreak\ttab", 3)]
    public void Count_Text_CountsRunsWithALetterOrDigit(string text, int expected) =>
        Assert.Equal(expected, WordCounter.Count(text));

    private const string Draft = """
        # Introduction

        One two three four.

        ## Article 6

        Five six seven[^1] eight nine ten.

        | Status | Count |
        |---|---|
        | Implemented | 3 |

        # Annex

        Eleven twelve thirteen.

        [^1]: A note of five words.
        """;

    [Fact]
    public void Check_CountsHeadingsTablesAndFootnotes_AndReportsTheExcess()
    {
        var check = WordCounter.Check(DraftMarkdown.Parse(Draft), limit: 20, countFootnotes: true, countAnnexes: true);

        // Body: "Introduction" 1 + 4, "Article 6" 2 + 6, table 4; annex heading 1 + 3; footnote 5.
        Assert.Equal(17, check.BodyWords);
        Assert.Equal(4, check.AnnexWords);
        Assert.Equal(5, check.FootnoteWords);
        Assert.Equal(26, check.Counted);
        Assert.Equal(6, check.Excess);
        Assert.True(check.OverLimit);
        Assert.Equal("Article 6", check.LargestSections[0].Heading);
        Assert.Equal(12, check.LargestSections[0].Words);
    }

    [Fact]
    public void Check_UprRule_LeavesFootnotesAndAnnexesOut()
    {
        var check = WordCounter.Check(DraftMarkdown.Parse(Draft), limit: 20, countFootnotes: false, countAnnexes: false);

        Assert.Equal(17, check.Counted);
        Assert.Equal(0, check.Excess);
        Assert.False(check.OverLimit);
    }

    [Fact]
    public void Check_NoLimit_HasNoExcess()
    {
        var check = WordCounter.Check(DraftMarkdown.Parse(Draft), limit: null, countFootnotes: true, countAnnexes: true);

        Assert.Null(check.Limit);
        Assert.Equal(0, check.Excess);
    }

    private static RecommendationInfo Recommendation(string paragraph, string text) =>
        new(Guid.NewGuid(), "X/CO/1", paragraph, text, "recommendation", "not-started", null, null, [], [], [], [], false, null, null, []);

    [Fact]
    public void Place_ByTheFirstArticleTheTextCites_OthersUnplaced()
    {
        var structure = new ReportStructure(StructureKind.Clusters,
        [
            new ReportPart("cluster-1", "General measures", ["4", "42", "44(6)"]),
            new ReportPart("cluster-5", "Violence against children", ["19", "24(3)", "28(2)", "34"]),
        ], "test", true);
        List<RecommendationInfo> recommendations =
        [
            Recommendation("10", "In the light of article 19 of the Convention, the State party should act."),
            Recommendation("11", "Conformément aux articles 4 et 42 de la Convention, l'État partie devrait agir."),
            Recommendation("12", "The State party should disseminate the present observations."),
            Recommendation("13", "De acuerdo con el artículo 99, el Estado parte debería actuar."),
        ];

        var parts = Nmirf.Drafting.Reports.ReportModelBuilder.Place(structure, recommendations, out var unplaced);

        Assert.Equal(["11"], parts[0].Recommendations.Select(r => r.Paragraph));
        Assert.Equal(["10"], parts[1].Recommendations.Select(r => r.Paragraph));
        Assert.Equal("article 19", parts[1].Recommendations[0].PlacedBy);
        Assert.Equal(["12", "13"], unplaced.Select(r => r.Paragraph));
    }
}
