using Nmirf.Recommendations.Importing;

namespace Nmirf.Recommendations.Use;

/// <summary>The names of the import formats on the command line and in the API: <c>uhri-json</c>, <c>upr-info</c>, <c>co-text</c>...</summary>
public static class RecommendationFormatNames
{
    private static readonly (string Name, RecommendationFormat Format)[] Names =
    [
        ("uhri-json", RecommendationFormat.UhriJson),
        ("uhri-xlsx", RecommendationFormat.UhriXlsx),
        ("uhri-csv", RecommendationFormat.UhriCsv),
        ("upr-info", RecommendationFormat.UprInfo),
        ("upr-matrix", RecommendationFormat.UprMatrix),
        ("co-text", RecommendationFormat.ConcludingObservationsText),
    ];

    public static IEnumerable<string> All => Names.Select(n => n.Name);

    public static RecommendationFormat? Parse(string name) =>
        Names.Where(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).Select(n => (RecommendationFormat?)n.Format).FirstOrDefault();

    public static string NameOf(RecommendationFormat format) => Names.First(n => n.Format == format).Name;
}
