using System.Text.RegularExpressions;

namespace Nmirf.Recommendations.Importing;

/// <summary>The column layouts of the tabular formats, recognized by their header row.</summary>
internal enum TableLayout
{
    Uhri,
    UprInfo,
    UprMatrix,
}

/// <summary>A column a layout reads: its name as documented, whether the layout needs it, and the header texts it matches.</summary>
internal sealed record TableColumn(string Name, bool Required, params string[] Keys)
{
    public bool Matches(string key) => Keys.Any(k => k.EndsWith('*') ? key.StartsWith(k[..^1], StringComparison.Ordinal) : key == k);
}

/// <summary>
/// The columns of each layout. Headers are matched by a key: lower case, "&amp;" read as "and", a trailing remark in
/// brackets dropped ("Response (Accepted/Noted)" is "response"), and the UHRI export's misspelling "Reccomending"
/// read as "recommending", so both spellings match.
/// </summary>
internal static partial class TableLayouts
{
    public static readonly TableColumn UhriText = new("Text", true, "text");
    public static readonly TableColumn UhriCountries = new("Countries Concerned", false, "countries concerned", "country concerned", "countries");
    public static readonly TableColumn UhriBody = new("Reccomending Body", true, "recommending body");
    public static readonly TableColumn UhriSymbol = new("Document Symbol", true, "document symbol", "symbol");
    public static readonly TableColumn UhriThemes = new("Themes", false, "themes");
    public static readonly TableColumn UhriAffectedPersons = new("Affected Persons", false, "affected persons");
    public static readonly TableColumn UhriSdgs = new("Sdgs", false, "sdgs", "sdg");
    public static readonly TableColumn UhriPublicationDate = new("Document Publication Date", false, "document publication date", "publication date");
    public static readonly TableColumn UhriRecommendingStates = new("UPR Reccomending States", false, "upr recommending states", "upr recommending state");
    public static readonly TableColumn UhriPosition = new("UPR Position", false, "upr position");
    public static readonly TableColumn UhriType = new("Type", false, "type");
    public static readonly TableColumn UhriAnnotationId = new("OHCHR Annotation Id", false, "ohchr annotation id", "annotation id");
    public static readonly TableColumn UhriSession = new("UPR Session", false, "upr session");

    public static readonly TableColumn InfoTo = new("To", true, "to");
    public static readonly TableColumn InfoText = new("Text", true, "text", "recommendation");
    public static readonly TableColumn InfoFrom = new("From", true, "from");
    public static readonly TableColumn InfoResponse = new("Response", false, "response");
    public static readonly TableColumn InfoAction = new("Action", false, "action", "action category");
    public static readonly TableColumn InfoIssue = new("Issue", false, "issue", "issues");
    public static readonly TableColumn InfoSession = new("Session", false, "session");

    public static readonly TableColumn MatrixRecommendation = new("Recommendation & recommending State", true, "recommendation and recommending state*");
    public static readonly TableColumn MatrixPosition = new("Position", false, "position");
    public static readonly TableColumn MatrixThemes = new("Full list of themes and groups of persons", false, "full list of themes*", "themes*");
    public static readonly TableColumn MatrixSdgs = new("SDGs", false, "sdgs", "sdg");
    public static readonly TableColumn MatrixSource = new("Source of position", false, "source of position");

    public static IReadOnlyList<TableColumn> Columns(TableLayout layout) => layout switch
    {
        TableLayout.Uhri => [UhriText, UhriCountries, UhriBody, UhriSymbol, UhriThemes, UhriAffectedPersons, UhriSdgs, UhriPublicationDate, UhriRecommendingStates, UhriPosition, UhriType, UhriAnnotationId, UhriSession],
        TableLayout.UprInfo => [InfoTo, InfoText, InfoFrom, InfoResponse, InfoAction, InfoIssue, InfoSession],
        _ => [MatrixRecommendation, MatrixPosition, MatrixThemes, MatrixSdgs, MatrixSource],
    };

    /// <summary>The format that reads a layout, for messages.</summary>
    public static RecommendationFormat FormatOf(TableLayout layout, bool spreadsheet) => layout switch
    {
        TableLayout.Uhri => spreadsheet ? RecommendationFormat.UhriXlsx : RecommendationFormat.UhriCsv,
        TableLayout.UprInfo => RecommendationFormat.UprInfo,
        _ => RecommendationFormat.UprMatrix,
    };

    [GeneratedRegex(@"\s*\([^()]*\)\s*$")]
    private static partial Regex TrailingRemark();

    /// <summary>A header text as it is matched.</summary>
    public static string Key(string header)
    {
        var key = SourceValues.CollapseWhitespace(header).ToLowerInvariant()
            .Replace("&", " and ", StringComparison.Ordinal)
            .Replace("reccomend", "recommend", StringComparison.Ordinal);
        key = SourceValues.CollapseWhitespace(key);
        var withoutRemark = TrailingRemark().Replace(key, "");
        return withoutRemark.Length > 0 ? withoutRemark : key;
    }

    /// <summary>The position of each column of <paramref name="layout"/> in a header row; absent columns are left out.</summary>
    public static Dictionary<TableColumn, int> Locate(TableLayout layout, IReadOnlyList<string> headers)
    {
        var keys = headers.Select(Key).ToList();
        var found = new Dictionary<TableColumn, int>();
        foreach (var column in Columns(layout))
        {
            var index = keys.FindIndex(column.Matches);
            if (index >= 0)
            {
                found[column] = index;
            }
        }

        return found;
    }

    /// <summary>The required columns of <paramref name="layout"/> missing from a header row.</summary>
    public static List<TableColumn> Missing(TableLayout layout, IReadOnlyList<string> headers)
    {
        var found = Locate(layout, headers);
        return Columns(layout).Where(c => c.Required && !found.ContainsKey(c)).ToList();
    }

    /// <summary>The layout whose required columns a header row has, trying <paramref name="candidates"/> in order; null when none.</summary>
    public static TableLayout? Identify(IReadOnlyList<string> headers, IEnumerable<TableLayout> candidates) =>
        candidates.Cast<TableLayout?>().FirstOrDefault(layout => Missing(layout!.Value, headers).Count == 0);

    /// <summary>Every layout, in the order a header is tried against them: the matrix and UHRI have distinctive columns, UPR Info short ones.</summary>
    public static readonly TableLayout[] All = [TableLayout.UprMatrix, TableLayout.Uhri, TableLayout.UprInfo];
}
