using Nmirf.Recommendations.Importing;
using static Nmirf.Recommendations.Tests.Fixtures;

namespace Nmirf.Recommendations.Tests;

public class UprReaderTests
{
    // UPR Info exports in the wild end their lines with a lone CR.
    private const string UprInfo =
        "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session\r"
        + "Peru,GRULAC,\"OAS\",\"Ratify the Optional Protocol to the Convention against Torture, and establish\ra national preventive mechanism\",Portugal,WEOG,\"EU, OSCE\",Accepted,5,\"Torture and other CID treatment, International instruments\",41\r"
        + "Peru,GRULAC,OAS,Consider abolishing the death penalty,Russian Federation,EEG,,Noted,2,Death penalty,Session 41\r";

    [Fact]
    public async Task ReadAsync_UprInfoWithCrOnlyLineEndings_ReadsEveryField()
    {
        var items = await ReadAllAsync(Utf8(UprInfo), RecommendationFormat.UprInfo);

        Assert.Empty(items.Problems());
        var (first, second) = (items.Records()[0], items.Records()[1]);
        Assert.Equal(2, first.RecordNumber);
        Assert.Equal("upr", first.Body);
        Assert.Equal(RecommendationType.Recommendation, first.Type);
        Assert.Equal(["PER"], first.Countries);
        Assert.Equal("Ratify the Optional Protocol to the Convention against Torture, and establish a national preventive mechanism", first.Text);
        Assert.Null(first.Paragraph);
        Assert.Equal(["PRT"], first.RecommendingStates);
        Assert.Equal(UprResponse.Supported, first.Response);
        Assert.Equal(5, first.UprActionCategory);
        Assert.Equal(["Torture and other CID treatment", "International instruments"], first.Themes);
        Assert.Equal(41, first.UprSession);
        Assert.Equal(4, first.UprCycle);

        Assert.Equal(3, second.RecordNumber);
        Assert.Equal(["RUS"], second.RecommendingStates);
        Assert.Equal(UprResponse.Noted, second.Response);
        Assert.Equal(2, second.UprActionCategory);
        Assert.Equal(41, second.UprSession);
    }

    [Fact]
    public async Task ReadAsync_UprInfoActionOutOfRange_NamesTheActionColumn()
    {
        var csv = "To,Text,From,Response,Action\rPeru,Ratify,Chile,Accepted,7\r";

        var problem = Assert.Single((await ReadAllAsync(Utf8(csv), RecommendationFormat.UprInfo)).Problems());

        Assert.Equal(new ReadProblem(2, "Action", "'7' is not an action category (1 to 5)"), problem);
    }

    [Fact]
    public async Task ReadAsync_UprInfoUnknownResponse_ListsTheAcceptedValues()
    {
        var csv = "To,Text,From,Response\rPeru,Ratify,Chile,Maybe\r";

        var problem = Assert.Single((await ReadAllAsync(Utf8(csv), RecommendationFormat.UprInfo)).Problems());

        Assert.Equal("Response", problem.Field);
        Assert.StartsWith("'Maybe' is not a UPR response; use Supported", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UprInfoWithoutFrom_IsAFileLevelProblem()
    {
        var problem = Assert.Single(await ReadAllAsync(Utf8("To,Text\rPeru,Ratify\r"), RecommendationFormat.UprInfo)).Problem!;

        Assert.True(problem.StopsReading);
        Assert.StartsWith("missing columns: From;", problem.Reason, StringComparison.Ordinal);
    }

    private const string Matrix =
        "\"Thematic list of recommendations: Peru, fourth cycle\",,,,\n"
        + ",,,,\n"
        + "Recommendation & recommending State,Position,Full list of themes and groups of persons,SDGs,Source of position\n"
        + "Theme: A12 Acceptance of international norms,,,,\n"
        + "\"140.7 Ratify the Optional Protocol to the Convention against Torture (Portugal);\",Supported,\"A12 Acceptance of international norms\nD25 Prohibition of torture and cruel, inhuman or degrading treatment\nAffected persons:\n- persons deprived of their liberty\",\"16.3\n16 - Peace, justice and strong institutions\",A/HRC/59/15/Add.1 - Para.3\n"
        + "\"140.8 Strengthen the national human rights institution (Bolivia (Plurinational State of); Chile)\",Noted,A45 National Human Rights Institution (NHRI),\"16.a, 10.3\",A/HRC/59/15/Add.1 - Para.4\n";

    [Fact]
    public async Task ReadAsync_UprMatrix_SplitsParagraphTextAndRecommendingStates()
    {
        var options = new ReadOptions { Country = "Peru", PublicationDate = new DateOnly(2025, 6, 20) };

        var items = await ReadAllAsync(Utf8(Matrix), RecommendationFormat.UprMatrix, options);

        Assert.Empty(items.Problems());
        Assert.Equal(2, items.Records().Count);
        var first = items.Records()[0];
        Assert.Equal(5, first.RecordNumber);
        Assert.Equal("upr", first.Body);
        Assert.Equal("140.7", first.Paragraph);
        Assert.Equal("Ratify the Optional Protocol to the Convention against Torture", first.Text);
        Assert.Equal(["PRT"], first.RecommendingStates);
        Assert.Equal(UprResponse.Supported, first.Response);
        Assert.Equal(["A12 Acceptance of international norms", "D25 Prohibition of torture and cruel, inhuman or degrading treatment"], first.Themes);
        Assert.Equal(["persons deprived of their liberty"], first.AffectedPersons);
        Assert.Equal(["16"], first.SdgGoals);
        Assert.Equal(["16.3"], first.SdgTargets);
        Assert.Equal("A/HRC/59/15/Add.1 - Para.3", first.SourceOfPosition);
        Assert.Null(first.Symbol);
        Assert.Equal(["PER"], first.Countries);
        Assert.Equal(new DateOnly(2025, 6, 20), first.PublicationDate);

        var second = items.Records()[1];
        Assert.Equal("Strengthen the national human rights institution", second.Text);
        Assert.Equal(["BOL", "CHL"], second.RecommendingStates);
        Assert.Equal(UprResponse.Noted, second.Response);
        Assert.Equal(["16.a", "10.3"], second.SdgTargets);
    }

    [Fact]
    public async Task ReadAsync_UprMatrixWithASymbolInTheOptions_UsesIt()
    {
        var items = await ReadAllAsync(Utf8(Matrix), RecommendationFormat.UprMatrix, new ReadOptions { Symbol = "A/HRC/59/15" });

        Assert.All(items.Records(), r => Assert.Equal("A/HRC/59/15", r.Symbol));
    }

    [Fact]
    public async Task ReadAsync_UprMatrixAsXlsx_ReadsTheSameRecords()
    {
        var xlsx = Xlsx([
            ["Thematic list of recommendations: Peru, fourth cycle"],
            ["Recommendation & recommending State", "Position", "Full list of themes and groups of persons", "SDGs", "Source of position"],
            ["140.7 Ratify the Optional Protocol to the Convention against Torture (Portugal);", "Supported", null, "16.3", "A/HRC/59/15/Add.1 - Para.3"],
        ]);

        var record = Assert.Single((await ReadAllAsync(xlsx, RecommendationFormat.UprMatrix)).Records());

        Assert.Equal(3, record.RecordNumber);
        Assert.Equal(["PRT"], record.RecommendingStates);
    }

    [Fact]
    public void SplitStates_BracketsThatAreNotStates_StayInTheText()
    {
        var (text, states) = TableReader.SplitStates("Implement the national plan of action (2021-2025)");

        Assert.Equal("Implement the national plan of action (2021-2025)", text);
        Assert.Empty(states);
    }
}
