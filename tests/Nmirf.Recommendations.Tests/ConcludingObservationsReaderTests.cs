using Nmirf.Recommendations.Importing;
using static Nmirf.Recommendations.Tests.Fixtures;

namespace Nmirf.Recommendations.Tests;

public class ConcludingObservationsReaderTests
{
    private const string Pasted = """
        Committee on the Rights of the Child
        Concluding observations on the combined sixth and seventh periodic reports of Peru

        C. Main areas of concern and recommendations
        Birth registration and nationality (arts. 7 and 8)
        22. The Committee welcomes the progress made but is concerned that
        many indigenous children in rural areas are still not registered.
        23. The Committee recommends that the State party:
        (a) Ensure free and universal birth registration, including through mobile units;
        (b) Raise awareness among parents of the importance of registration, in particular:
        (i) in indigenous languages;
        (ii) through community radio; and
        (c) Issue birth certificates free of charge.

        Corporal punishment
        24. The Committee urges the State party to prohibit corporal punishment in all settings.
        """;

    private static readonly ReadOptions Options = new() { Symbol = "CRC/C/PER/CO/6-7", PublicationDate = new DateOnly(2023, 2, 8) };

    [Fact]
    public async Task ReadAsync_PastedText_SplitsParagraphsAndSubParagraphs()
    {
        var items = await ReadAllAsync(Utf8(Pasted), RecommendationFormat.ConcludingObservationsText, Options);

        Assert.Empty(items.Problems());
        var records = items.Records();
        Assert.Equal(["22", "23(a)", "23(b)", "23(c)", "24"], records.Select(r => r.Paragraph));
        Assert.Equal([1, 2, 3, 4, 5], records.Select(r => r.RecordNumber));
    }

    [Fact]
    public async Task ReadAsync_ParagraphWithoutSubParagraphs_IsOneObservationWithItsWrappedLinesJoined()
    {
        var record = (await ReadAllAsync(Utf8(Pasted), RecommendationFormat.ConcludingObservationsText, Options)).Records()[0];

        Assert.Equal("The Committee welcomes the progress made but is concerned that many indigenous children in rural areas are still not registered.", record.Text);
        Assert.Equal(RecommendationType.Observation, record.Type);
        Assert.Equal("Birth registration and nationality (arts. 7 and 8)", record.Section);
        Assert.Equal("crc", record.Body);
        Assert.Equal("CRC/C/PER/CO/6-7", record.Symbol);
        Assert.Equal(["PER"], record.Countries);
        Assert.Equal(new DateOnly(2023, 2, 8), record.PublicationDate);
    }

    [Fact]
    public async Task ReadAsync_SubParagraphs_CarryTheLeadInAndKeepRomanItemsInside()
    {
        var records = (await ReadAllAsync(Utf8(Pasted), RecommendationFormat.ConcludingObservationsText, Options)).Records();

        Assert.Equal("The Committee recommends that the State party: Ensure free and universal birth registration, including through mobile units", records[1].Text);
        Assert.Equal("The Committee recommends that the State party: Raise awareness among parents of the importance of registration, in particular: (i) in indigenous languages; (ii) through community radio", records[2].Text);
        Assert.Equal("The Committee recommends that the State party: Issue birth certificates free of charge.", records[3].Text);
        Assert.All(records.Skip(1).Take(3), r => Assert.Equal(RecommendationType.Recommendation, r.Type));
    }

    [Fact]
    public async Task ReadAsync_HeadingBetweenParagraphs_BecomesTheSectionOfTheNext()
    {
        var record = (await ReadAllAsync(Utf8(Pasted), RecommendationFormat.ConcludingObservationsText, Options)).Records()[^1];

        Assert.Equal("Corporal punishment", record.Section);
        Assert.Equal(RecommendationType.Recommendation, record.Type);
    }

    [Fact]
    public async Task ReadAsync_WithoutSymbol_IsAFileLevelProblem()
    {
        var problem = Assert.Single(await ReadAllAsync(Utf8(Pasted), RecommendationFormat.ConcludingObservationsText)).Problem!;

        Assert.Equal(0, problem.RecordNumber);
        Assert.Equal("Symbol", problem.Field);
        Assert.True(problem.StopsReading);
    }

    [Fact]
    public async Task ReadAsync_SymbolOfNoKnownBodyAndNoBody_AsksForTheBody()
    {
        var problem = Assert.Single(await ReadAllAsync(Utf8(Pasted), RecommendationFormat.ConcludingObservationsText, new ReadOptions { Symbol = "X/1" })).Problem!;

        Assert.Equal("Body", problem.Field);
    }

    [Fact]
    public async Task ReadAsync_BodyAndCountryInTheOptions_OverrideTheSymbol()
    {
        var options = Options with { Symbol = "E/C.12/PER/CO/5", Body = "Committee on Economic, Social and Cultural Rights", Country = "Bolivia" };

        var record = (await ReadAllAsync(Utf8(Pasted), RecommendationFormat.ConcludingObservationsText, options)).Records()[0];

        Assert.Equal("cescr", record.Body);
        Assert.Equal(["BOL"], record.Countries);
    }

    [Fact]
    public async Task ReadAsync_TextWithoutNumberedParagraphs_SaysSo()
    {
        var problem = Assert.Single(await ReadAllAsync(Utf8("Some notes\nwithout numbers\n"), RecommendationFormat.ConcludingObservationsText, Options)).Problem!;

        Assert.StartsWith("no numbered paragraphs found", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ParagraphOverTheLimit_IsAProblemForThatRecord()
    {
        var text = "1. The Committee recommends " + new string('x', 100) + "\n2. The Committee requests a report.\n";

        var items = await ReadAllAsync(Utf8(text), RecommendationFormat.ConcludingObservationsText, Options with { MaxTextLength = 50 });

        Assert.Equal((1, "Text"), (Assert.Single(items.Problems()).RecordNumber, items.Problems()[0].Field));
        Assert.Equal("2", Assert.Single(items.Records()).Paragraph);
    }

    [Fact]
    public async Task ReadAsync_NumberThatGoesBackwards_IsPartOfTheParagraph()
    {
        var text = "5. The Committee recommends that the State party amend article\n3. of the Penal Code.\n6. The Committee requests information.";

        var records = (await ReadAllAsync(Utf8(text), RecommendationFormat.ConcludingObservationsText, Options)).Records();

        Assert.Equal(["5", "6"], records.Select(r => r.Paragraph));
        Assert.Equal("The Committee recommends that the State party amend article 3. of the Penal Code.", records[0].Text);
    }
}
