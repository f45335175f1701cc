using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Nmirf.Recommendations.Importing;

/// <summary>How the values of the source files are cleaned and interpreted, shared by every reader.</summary>
internal static partial class SourceValues
{
    private static readonly Dictionary<string, string> BodyNames = new(StringComparer.Ordinal)
    {
        ["crc"] = "crc",
        ["committee on the rights of the child"] = "crc",
        ["cescr"] = "cescr",
        ["committee on economic, social and cultural rights"] = "cescr",
        ["ccpr"] = "ccpr",
        ["human rights committee"] = "ccpr",
        ["cerd"] = "cerd",
        ["committee on the elimination of racial discrimination"] = "cerd",
        ["cedaw"] = "cedaw",
        ["committee on the elimination of discrimination against women"] = "cedaw",
        ["cat"] = "cat",
        ["committee against torture"] = "cat",
        ["spt"] = "spt",
        ["subcommittee on prevention of torture"] = "spt",
        ["cmw"] = "cmw",
        ["committee on migrant workers"] = "cmw",
        ["committee on the protection of the rights of all migrant workers and members of their families"] = "cmw",
        ["crpd"] = "crpd",
        ["committee on the rights of persons with disabilities"] = "crpd",
        ["ced"] = "ced",
        ["committee on enforced disappearances"] = "ced",
        ["upr"] = "upr",
        ["universal periodic review"] = "upr",
        ["sp"] = "sp",
        ["special procedures"] = "sp",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
    };

    /// <summary>The UPR sessions that closed each cycle: cycle 1 ran sessions 1-12, cycle 2 13-26, cycle 3 27-40, cycle 4 41-54.</summary>
    private static readonly int[] LastSessionOfCycle = [12, 26, 40, 54];

    [GeneratedRegex(@"<!--.*?-->|<\s*/?\s*(?<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>", RegexOptions.Singleline)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^(?<num>\d{1,3}(?:\.\d{1,3})*)\.?(?:\s*\((?<sub>[a-z]{1,4})\))?(?:\s+|(?<=\.)(?=[\p{Lu}""“(]))")]
    private static partial Regex LeadingParagraph();

    [GeneratedRegex(@"^(?:(?:goal|sdg)\s*)?(?<goal>\d{1,2})(?:\.(?<target>\d{1,2}|[a-z]))?(?:\s*[-–—:].*|\s*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SdgValue();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>\d{1,2})[/.](?<m>\d{1,2})[/.](?<y>\d{4})(?:\s+[0-9:]+)?$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^\d{1,7}(?:\.\d+)?$")]
    private static partial Regex SerialNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Integer();

    /// <summary>The plugin id of a body as the sources name it: "CRC" and "Committee on the Rights of the Child" are both "crc".</summary>
    public static string BodyId(string raw)
    {
        var key = CollapseWhitespace(StripListMarker(raw)).ToLowerInvariant();
        if (BodyNames.TryGetValue(key, out var id))
        {
            return id;
        }

        // "Human Rights Committee (CCPR)": the name or the acronym in brackets.
        var bracket = key.IndexOf('(', StringComparison.Ordinal);
        if (bracket > 0 && key.EndsWith(')'))
        {
            if (BodyNames.TryGetValue(key[..bracket].TrimEnd(), out id) || BodyNames.TryGetValue(key[(bracket + 1)..^1].Trim(), out id))
            {
                return id;
            }
        }

        return key;
    }

    /// <summary>The body a document symbol belongs to (CRC/C/PER/CO/6-7 is "crc", E/C.12/... "cescr", A/HRC/... "upr"), or null.</summary>
    public static string? BodyFromSymbol(string symbol)
    {
        var upper = symbol.Trim().ToUpperInvariant();
        if (upper.StartsWith("E/C.12/", StringComparison.Ordinal))
        {
            return "cescr";
        }

        if (upper.StartsWith("A/HRC/", StringComparison.Ordinal))
        {
            return "upr";
        }

        var slash = upper.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && BodyNames.TryGetValue(upper[..slash].ToLowerInvariant(), out var id) && id != "upr" && id != "sp" ? id : null;
    }

    /// <summary>The alpha-3 country code inside a document symbol (CRC/C/PER/CO/6-7 is PER), or null.</summary>
    public static string? CountryFromSymbol(string symbol) =>
        symbol.Split('/').Select(s => s.Trim().ToUpperInvariant()).FirstOrDefault(s => s.Length == 3 && Nmirf.BuildingBlocks.Countries.CountryCodes.IsValid(s));

    /// <summary>The text of a recommendation: HTML tags removed (block tags become spaces), entities decoded, whitespace collapsed.</summary>
    public static string CleanText(string raw)
    {
        var text = raw;
        if (text.Contains('<', StringComparison.Ordinal))
        {
            text = HtmlTag().Replace(text, m => m.Groups["tag"].Success && BlockTags.Contains(m.Groups["tag"].Value) ? " " : "");
        }

        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }

        return CollapseWhitespace(text);
    }

    /// <summary>Splits the leading paragraph number off a text: "4. The Committee ..." is ("4", "The Committee ..."), "140.7 Ratify ..." ("140.7", "Ratify ...").</summary>
    public static (string? Paragraph, string Text) SplitParagraph(string text)
    {
        var match = LeadingParagraph().Match(text);
        if (!match.Success)
        {
            return (null, text);
        }

        var paragraph = match.Groups["num"].Value + (match.Groups["sub"].Success ? $"({match.Groups["sub"].Value})" : "");
        return (paragraph, text[match.Length..]);
    }

    /// <summary>Collapses every run of whitespace (line breaks and non-breaking spaces included) into one space, drops zero-width characters, and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\u200B' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A value without the "- " list marker that UHRI exports put before each value.</summary>
    public static string StripListMarker(string value)
    {
        var trimmed = value.Trim();
        return trimmed.StartsWith('-') || trimmed.StartsWith('•') ? trimmed[1..].TrimStart() : trimmed;
    }

    /// <summary>The values of a cell that holds one per line, each without its "- " marker; blank lines dropped.</summary>
    public static List<string> SplitLines(string? cell)
    {
        var values = new List<string>();
        if (string.IsNullOrWhiteSpace(cell))
        {
            return values;
        }

        foreach (var line in cell.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var value = CollapseWhitespace(StripListMarker(line));
            if (value.Length > 0)
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>A country as stored: the alpha-3 code when the value is one or names one, else the name as given.</summary>
    public static string Country(string value) => CountryNames.Normalize(value);

    /// <summary>
    /// A publication date from ISO 8601 (2023-02-08, 2023-02-08T00:00:00), day/month/year (08/02/2023) or, when
    /// <paramref name="allowSerial"/>, an Excel serial day number (44965). Null with the reason when it is none of them.
    /// </summary>
    public static DateOnly? ParseDate(string value, bool allowSerial, out string? problem)
    {
        problem = null;
        var text = value.Trim();
        DateOnly? date = null;
        if (IsoDate().Match(text) is { Success: true } iso)
        {
            date = Date(iso);
        }
        else if (DayMonthYear().Match(text) is { Success: true } dmy)
        {
            date = Date(dmy);
        }
        else if (allowSerial && SerialNumber().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2_958_466)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        if (date is null)
        {
            problem = allowSerial
                ? $"'{Shorten(text)}' is not a date; use an Excel date, yyyy-MM-dd or dd/MM/yyyy"
                : $"'{Shorten(text)}' is not a date; use yyyy-MM-dd or dd/MM/yyyy";
            return null;
        }

        if (date.Value.Year is < 1945 or > 2100)
        {
            problem = $"'{Shorten(text)}' is {date.Value:yyyy-MM-dd}, which is not a plausible publication date";
            return null;
        }

        return date;

        static DateOnly? Date(Match match)
        {
            var y = int.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture);
            var m = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
            var d = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
            return m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), m) ? new DateOnly(y, m, d) : null;
        }
    }

    /// <summary>
    /// Sorts SDG values into goals ("16 - Peace, justice ..." is goal 16) and targets ("16.2 - End abuse ..." is target 16.2).
    /// Returns the first value that is neither, or null.
    /// </summary>
    public static string? SortSdgs(IEnumerable<string> values, List<string> goals, List<string> targets)
    {
        foreach (var value in values)
        {
            var match = SdgValue().Match(value.Trim());
            if (!match.Success || !int.TryParse(match.Groups["goal"].ValueSpan, CultureInfo.InvariantCulture, out var goal) || goal is < 1 or > 17)
            {
                return value;
            }

            var list = match.Groups["target"].Success ? targets : goals;
            var id = match.Groups["target"].Success ? $"{goal}.{match.Groups["target"].Value.ToLowerInvariant()}" : goal.ToString(CultureInfo.InvariantCulture);
            if (!list.Contains(id))
            {
                list.Add(id);
            }
        }

        return null;
    }

    /// <summary>A UPR response as UHRI, UPR Info and the OHCHR matrices write it, or null when the value is none of them.</summary>
    public static UprResponse? Response(string value) =>
        CollapseWhitespace(StripListMarker(value)).ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal) switch
        {
            "supported" or "accepted" or "support" or "accept" => UprResponse.Supported,
            "supported in part" or "partially supported" or "partially accepted" or "accepted in part" => UprResponse.SupportedInPart,
            "noted" or "rejected" or "not supported" or "not accepted" or "note" => UprResponse.Noted,
            "pending" or "pending response" or "no response" => UprResponse.Pending,
            _ => null,
        };

    /// <summary>The accepted spellings of a response, for error messages.</summary>
    public const string ResponseValues = "Supported (or Accepted), Supported in part, Noted (or Rejected), Pending";

    /// <summary>The first whole number in a value such as "41", "Session 41" or "3rd cycle", or null.</summary>
    public static int? FirstInteger(string value)
    {
        var match = Integer().Match(value);
        return match.Success && match.Length <= 6 ? int.Parse(match.ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The UPR cycle a working group session belongs to.</summary>
    public static int CycleOfSession(int session)
    {
        for (var cycle = 0; cycle < LastSessionOfCycle.Length; cycle++)
        {
            if (session <= LastSessionOfCycle[cycle])
            {
                return cycle + 1;
            }
        }

        // Later cycles are assumed to keep the fourth cycle's length of 14 sessions.
        return LastSessionOfCycle.Length + 1 + ((session - LastSessionOfCycle[^1] - 1) / 14);
    }

    /// <summary>Whether a paragraph asks the state to act: it recommends, urges, calls upon, encourages or requests.</summary>
    public static RecommendationType TypeFromWording(string text) =>
        text.Contains("recommends", StringComparison.OrdinalIgnoreCase)
        || text.Contains("urges", StringComparison.OrdinalIgnoreCase)
        || text.Contains("calls upon", StringComparison.OrdinalIgnoreCase)
        || text.Contains("encourages", StringComparison.OrdinalIgnoreCase)
        || text.Contains("requests", StringComparison.OrdinalIgnoreCase)
            ? RecommendationType.Recommendation
            : RecommendationType.Observation;

    /// <summary>The type an annotation type names: "Recommendations" or "Concerns/Observations"; null for anything else.</summary>
    public static RecommendationType? TypeFromAnnotation(string value) =>
        CollapseWhitespace(StripListMarker(value)).ToLowerInvariant() switch
        {
            "recommendations" or "recommendation" => RecommendationType.Recommendation,
            "concerns/observations" or "concerns / observations" or "concerns" or "observations" or "concern" or "observation" => RecommendationType.Observation,
            _ => null,
        };

    /// <summary>A value cut to a length that fits in an error message.</summary>
    public static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
