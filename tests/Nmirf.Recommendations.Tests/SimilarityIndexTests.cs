using Nmirf.Recommendations.Suggestions;

namespace Nmirf.Recommendations.Tests;

public class SimilarityIndexTests
{
    private const string TortureTheme = "Torture and other cruel, inhuman or degrading treatment";
    private const string DetentionTheme = "Conditions of detention";

    private static readonly Guid Torture = Id(1);
    private static readonly Guid BirthRegistration = Id(2);
    private static readonly Guid InclusiveEducation = Id(3);
    private static readonly Guid EqualPay = Id(4);
    private static readonly Guid Defenders = Id(5);
    private static readonly Guid PrisonConditions = Id(6);

    /// <summary>Decided recommendations in English and French, one of them about torture in detention.</summary>
    private static readonly IndexedRecommendation[] Corpus =
    [
        new(Torture,
            "Take effective measures to prevent torture and ill-treatment in places of detention, and ensure that all allegations of torture by prison staff are promptly investigated.",
            [TortureTheme, DetentionTheme], "Ministry of Justice"),
        new(BirthRegistration,
            "Le Comité recommande à l'État partie de garantir l'enregistrement gratuit des naissances de tous les enfants, y compris dans les zones rurales.",
            ["Birth registration"], "Registre national de l'état civil"),
        new(InclusiveEducation,
            "Ensure access to inclusive education for children with disabilities in mainstream schools, with trained teachers.",
            ["Right to education", "Persons with disabilities"], "Ministry of Education"),
        new(EqualPay,
            "Adopter une loi garantissant l'égalité de rémunération entre les femmes et les hommes et lutter contre la discrimination à l'emploi.",
            ["Women's rights", "Right to work"], "Ministère du travail"),
        new(Defenders,
            "Protect journalists and human rights defenders from harassment, threats and reprisals.",
            ["Human rights defenders", "Freedom of opinion and expression"], "Ministry of the Interior"),
        new(PrisonConditions,
            "Le Comité recommande d'améliorer les conditions de détention dans les prisons et de réduire la surpopulation carcérale.",
            [DetentionTheme], "Ministry of Justice"),
    ];

    private static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    private static SimilarityIndex Index() => new(Corpus);

    // The measure

    [Fact]
    public void MostSimilar_IdenticalText_ScoresOne()
    {
        var index = Index();

        foreach (var recommendation in Corpus)
        {
            var best = index.MostSimilar(recommendation.Text, 1)[0];
            Assert.Equal(recommendation.Id, best.Id);
            Assert.Equal(1D, best.Score, 9);
        }
    }

    [Fact]
    public void MostSimilar_SameWordsWithOtherCaseAccentsAndPunctuation_ScoresOne()
    {
        var index = new SimilarityIndex([new IndexedRecommendation(Torture, "Détention, torture; enfants!", [], null)]);

        var best = Assert.Single(index.MostSimilar("DETENTION — TORTURE — Enfants", 5));

        Assert.Equal(1D, best.Score, 9);
    }

    [Fact]
    public void MostSimilar_UnrelatedText_ScoresNothing()
    {
        var found = Index().MostSimilar("Quantum chromodynamics computed on a lattice with supercomputers", 10);

        Assert.All(found, f => Assert.True(f.Score < 0.05, $"{f.Id} scored {f.Score}"));
        Assert.Empty(found);
    }

    [Fact]
    public void MostSimilar_EnglishTextAboutTortureInDetention_FindsTheDetentionRecommendationFirst()
    {
        var found = Index().MostSimilar("Torture in detention", 3);

        Assert.Equal(Torture, found[0].Id);
        Assert.InRange(found[0].Score, 0.1, 1D);
    }

    [Fact]
    public void MostSimilar_FrenchTextAboutTortureInDetention_FindsTheDetentionRecommendationFirst()
    {
        var found = Index().MostSimilar("Prévenir la torture des personnes en détention", 3);

        Assert.Equal(Torture, found[0].Id);
        Assert.Equal(PrisonConditions, found[1].Id);
    }

    [Fact]
    public void MostSimilar_Results_AreInDescendingOrderBetweenZeroAndOne()
    {
        var found = Index().MostSimilar("Ensure that children in detention have access to education", 10);

        Assert.True(found.Count >= 3);
        Assert.All(found, f => Assert.InRange(f.Score, double.Epsilon, 1D));
        Assert.Equal(found.OrderByDescending(f => f.Score).Select(f => f.Id), found.Select(f => f.Id));
    }

    [Fact]
    public void MostSimilar_EqualScores_AreOrderedById()
    {
        var index = new SimilarityIndex(
        [
            new IndexedRecommendation(Id(9), "Abolish the death penalty", [], null),
            new IndexedRecommendation(Id(7), "Abolish the death penalty", [], null),
            new IndexedRecommendation(Id(8), "Abolish the death penalty", [], null),
        ]);

        Assert.Equal([Id(7), Id(8), Id(9)], index.MostSimilar("death penalty", 3).Select(f => f.Id));
    }

    [Fact]
    public void MostSimilar_Count_LimitsTheResults()
    {
        var index = Index();

        Assert.Single(index.MostSimilar("torture detention prisons education", 1));
        Assert.Empty(index.MostSimilar("torture detention prisons education", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.MostSimilar("torture", -1));
    }

    [Fact]
    public void MostSimilar_Excluded_IsLeftOut()
    {
        var found = Index().MostSimilar(Corpus[0].Text, 10, exclude: Torture);

        Assert.DoesNotContain(found, f => f.Id == Torture);
        Assert.Equal(PrisonConditions, found[0].Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12, 34 -- 2030 !!!")]
    [InlineData("the and of for with to in")]
    [InlineData("les des pour que dans avec")]
    [InlineData("los las para con por del")]
    public void MostSimilar_NoMeaningfulWord_FindsNothing(string text)
    {
        Assert.Empty(Index().MostSimilar(text, 10));
    }

    [Fact]
    public void MostSimilar_EmptyIndex_FindsNothing()
    {
        var index = new SimilarityIndex([]);

        Assert.Equal(0, index.Count);
        Assert.Empty(index.MostSimilar("torture in detention", 10));
        Assert.True(index.Suggest("torture in detention").IsEmpty);
    }

    // Suggestions

    [Fact]
    public void Suggest_TextAboutTortureInDetention_SuggestsTheNeighboursThemesAndInstitutionWithTheirIds()
    {
        var suggestion = Index().Suggest("Investigate allegations of torture of persons in detention");

        Assert.Equal(Torture, suggestion.Neighbours[0].Id);
        var torture = Assert.Single(suggestion.Themes, t => t.Value == TortureTheme);
        Assert.Equal([Torture], torture.SupportingIds);
        var detention = Assert.Single(suggestion.Themes, t => t.Value == DetentionTheme);
        Assert.Contains(Torture, detention.SupportingIds);
        Assert.True(detention.Score >= torture.Score);

        var lead = suggestion.LeadInstitutions[0];
        Assert.Equal("Ministry of Justice", lead.Value);
        Assert.Contains(Torture, lead.SupportingIds);
        Assert.DoesNotContain(suggestion.Themes, t => t.Value == "Birth registration");
    }

    [Fact]
    public void Suggest_Scores_AreTheSupportingSimilaritiesOverAllTheNeighbours()
    {
        var suggestion = Index().Suggest("Children with disabilities in detention and in schools");

        Assert.NotEmpty(suggestion.Neighbours);
        var total = suggestion.Neighbours.Sum(n => n.Score);
        foreach (var value in suggestion.Themes.Concat(suggestion.LeadInstitutions))
        {
            Assert.NotEmpty(value.SupportingIds);
            Assert.All(value.SupportingIds, id => Assert.Contains(suggestion.Neighbours, n => n.Id == id));
            var supported = suggestion.Neighbours.Where(n => value.SupportingIds.Contains(n.Id)).Sum(n => n.Score);
            Assert.Equal(supported / total, value.Score, 9);
            Assert.InRange(value.Score, double.Epsilon, 1D);
        }

        Assert.Equal(suggestion.Themes.OrderByDescending(t => t.Score).Select(t => t.Value), suggestion.Themes.Select(t => t.Value));
    }

    [Fact]
    public void Suggest_ValueEveryNeighbourCarries_ScoresOne()
    {
        var index = new SimilarityIndex(
        [
            new IndexedRecommendation(Id(1), "Prevent torture in prisons", ["Torture"], "Ministry of Justice"),
            new IndexedRecommendation(Id(2), "Investigate torture by police officers", ["torture", "Police"], "Ministry of the Interior"),
        ]);

        var suggestion = index.Suggest("torture");

        var torture = Assert.Single(suggestion.Themes, t => t.Value.Equals("torture", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1D, torture.Score, 9);
        Assert.Equal(2, torture.SupportingIds.Count);
        Assert.Equal(2, suggestion.LeadInstitutions.Count);
    }

    [Fact]
    public void Suggest_NeighbourBelowTheMinimumSimilarity_SupportsNothing()
    {
        var weak = new IndexedRecommendation(Id(20),
            "Allocate sufficient budget for rural roads, water supply, sanitation, electricity, housing, transport, agriculture, "
            + "fisheries, forestry, tourism, telecommunications, statistics, census, taxation, customs, banking, insurance, "
            + "mining, energy, ports, airports, railways, bridges, markets, museums, libraries, stadiums and education",
            ["Development"], "Ministry of Finance");
        var index = new SimilarityIndex([.. Corpus, weak]);
        var found = index.MostSimilar("Education of nomadic pastoralist communities", 10);
        Assert.InRange(Assert.Single(found, f => f.Id == weak.Id).Score, double.Epsilon, SimilarityIndex.MinimumSimilarity);

        var suggestion = index.Suggest("Education of nomadic pastoralist communities");

        Assert.DoesNotContain(suggestion.Neighbours, n => n.Id == weak.Id);
        Assert.DoesNotContain(suggestion.Themes, t => t.Value == "Development");
        Assert.DoesNotContain(suggestion.LeadInstitutions, l => l.Value == "Ministry of Finance");
    }

    [Fact]
    public void Suggest_Excluded_DoesNotVoteForItself()
    {
        var suggestion = Index().Suggest(Corpus[0].Text, exclude: Torture);

        Assert.DoesNotContain(suggestion.Neighbours, n => n.Id == Torture);
        Assert.DoesNotContain(suggestion.Themes, t => t.Value == TortureTheme);
        Assert.Equal(DetentionTheme, suggestion.Themes[0].Value);
        Assert.Equal([PrisonConditions], suggestion.Themes[0].SupportingIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("the and of for with")]
    [InlineData("Le comité recommande que l'État partie")]
    [InlineData("The Committee recommends that the State party")]
    public void Suggest_StopWordsOnly_IsEmpty(string text)
    {
        var suggestion = Index().Suggest(text);

        Assert.True(suggestion.IsEmpty);
        Assert.Empty(suggestion.Themes);
        Assert.Empty(suggestion.LeadInstitutions);
        Assert.Empty(suggestion.Neighbours);
    }

    // The terms

    [Theory]
    [InlineData("Détentions", "detention")]
    [InlineData("detention", "detention")]
    [InlineData("torture", "tortur")]
    [InlineData("tortura", "tortur")]
    [InlineData("enfants", "enfant")]
    [InlineData("bodies", "body")]
    [InlineData("detained", "detain")]
    [InlineData("process", "process")]
    [InlineData("Œuvre", "oeuvr")]
    public void TextTerms_Word_IsFoldedAndStemmed(string word, string term)
    {
        Assert.Equal([term], TextTerms.Of(word));
    }

    [Fact]
    public void TextTerms_ShortWordsDigitsAndStopWords_AreLeftOut()
    {
        Assert.Equal(["tortur", "person", "detention"], TextTerms.Of("The torture of 12 persons in l'État's détention, by it."));
    }
}
