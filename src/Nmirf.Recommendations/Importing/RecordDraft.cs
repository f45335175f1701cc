namespace Nmirf.Recommendations.Importing;

/// <summary>
/// One record being assembled from a source's fields. Each setter interprets a raw value and, when it cannot, adds a
/// problem named after the field as the source calls it; <see cref="Build"/> gives no record when any was added.
/// </summary>
internal sealed class RecordDraft(int number, ReadOptions options, List<ReadProblem> problems)
{
    public int Number => number;
    public string? AnnotationId { get; set; }
    public string Body { get; set; } = "";
    public string? Symbol { get; set; }
    public string? Paragraph { get; set; }
    public string Text { get; private set; } = "";
    public DateOnly? PublicationDate { get; set; }
    public List<string> Countries { get; } = [];
    public int? UprCycle { get; set; }
    public int? UprSession { get; set; }
    public List<string> RecommendingStates { get; } = [];
    public UprResponse? Response { get; set; }
    public int? UprActionCategory { get; set; }
    public List<string> Themes { get; } = [];
    public List<string> AffectedPersons { get; } = [];
    public List<string> SdgGoals { get; } = [];
    public List<string> SdgTargets { get; } = [];
    public string? SourceOfPosition { get; set; }
    public string? Section { get; set; }

    /// <summary>The type when the source states it; otherwise <see cref="Build"/> decides from the body and the wording.</summary>
    public RecommendationType? Type { get; set; }

    public void Problem(string field, string reason) => problems.Add(new ReadProblem(number, field, reason));

    /// <summary>Sets the text from its source form: markup removed, whitespace collapsed and, when asked, the leading paragraph number split off.</summary>
    public void SetText(string field, string? raw, bool splitParagraph)
    {
        if (raw is null)
        {
            return;
        }

        var text = SourceValues.CleanText(raw);
        if (splitParagraph)
        {
            (Paragraph, text) = SourceValues.SplitParagraph(text);
        }

        SetCleanText(field, text);
    }

    /// <summary>Sets a text already cleaned, when it is within the limit.</summary>
    public void SetCleanText(string field, string text)
    {
        if (text.Length > options.MaxTextLength)
        {
            Problem(field, $"is {text.Length} characters long; the limit is {options.MaxTextLength}");
            return;
        }

        Text = text;
    }

    /// <summary>A short value within the field limit, or null and a problem.</summary>
    public string? Short(string field, string? value)
    {
        if (value is not null && value.Length > options.MaxFieldLength)
        {
            Problem(field, $"is {value.Length} characters long; the limit is {options.MaxFieldLength}");
            return null;
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Short values within the field limit; each one too long is a problem.</summary>
    public IEnumerable<string> ShortList(string field, IEnumerable<string> values)
    {
        var index = 0;
        foreach (var value in values)
        {
            if (value.Length > options.MaxFieldLength)
            {
                Problem($"{field}[{index}]", $"is {value.Length} characters long; the limit is {options.MaxFieldLength}");
            }
            else
            {
                yield return value;
            }

            index++;
        }
    }

    public void SetDate(string field, string raw, bool allowSerial)
    {
        PublicationDate = SourceValues.ParseDate(raw, allowSerial, out var problem);
        if (problem is not null)
        {
            Problem(field, problem);
        }
    }

    /// <summary>The type from an annotation type ("Recommendations", "Concerns/Observations"); blank leaves it to the wording.</summary>
    public void SetType(string field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return;
        }

        Type = SourceValues.TypeFromAnnotation(raw);
        if (Type is null)
        {
            Problem(field, $"'{SourceValues.Shorten(raw)}' is not a known type; use Recommendations or Concerns/Observations");
        }
    }

    public void SetSdgs(string field, IEnumerable<string> values)
    {
        var wrong = SourceValues.SortSdgs(values, SdgGoals, SdgTargets);
        if (wrong is not null)
        {
            Problem(field, $"'{SourceValues.Shorten(wrong)}' is not an SDG goal (1 to 17) or target (such as 16.2)");
        }
    }

    public void SetSession(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        UprSession = SourceValues.FirstInteger(value);
        if (UprSession is null or < 1 or > 999)
        {
            UprSession = null;
            Problem(field, $"'{SourceValues.Shorten(value)}' is not a UPR session number");
        }
    }

    public void SetCycle(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        UprCycle = SourceValues.FirstInteger(value);
        if (UprCycle is null or < 1 or > 20)
        {
            UprCycle = null;
            Problem(field, $"'{SourceValues.Shorten(value)}' is not a UPR cycle number");
        }
    }

    /// <summary>The response from one or more positions: both supported and noted parts make it supported in part.</summary>
    public void SetResponse(string field, IEnumerable<string> values)
    {
        var responses = new HashSet<UprResponse>();
        foreach (var value in values)
        {
            if (SourceValues.Response(value) is { } response)
            {
                responses.Add(response);
            }
            else
            {
                Problem(field, $"'{SourceValues.Shorten(value)}' is not a UPR response; use {SourceValues.ResponseValues}");
                return;
            }
        }

        Response = responses.Count switch
        {
            0 => null,
            1 => responses.First(),
            _ when responses.Contains(UprResponse.Supported) && responses.Contains(UprResponse.Noted) => UprResponse.SupportedInPart,
            _ when responses.Contains(UprResponse.SupportedInPart) => UprResponse.SupportedInPart,
            _ => responses.Min(),
        };
    }

    /// <summary>The record, or null when a problem was found with it.</summary>
    public RecommendationRecord? Build()
    {
        if (problems.Exists(p => p.RecordNumber == number))
        {
            return null;
        }

        var session = UprSession;
        return new RecommendationRecord
        {
            RecordNumber = number,
            AnnotationId = AnnotationId,
            Body = Body,
            Symbol = Symbol,
            Paragraph = Paragraph,
            Text = Text,
            PublicationDate = PublicationDate,
            Type = Type ?? (Body == "upr" ? RecommendationType.Recommendation : SourceValues.TypeFromWording(Text)),
            Countries = Distinct(Countries),
            UprCycle = UprCycle ?? (session is { } s ? SourceValues.CycleOfSession(s) : null),
            UprSession = session,
            RecommendingStates = Distinct(RecommendingStates),
            Response = Response,
            UprActionCategory = UprActionCategory,
            Themes = Distinct(Themes),
            AffectedPersons = Distinct(AffectedPersons),
            SdgGoals = SdgGoals.ToList(),
            SdgTargets = SdgTargets.ToList(),
            SourceOfPosition = SourceOfPosition,
            Section = Section,
        };
    }

    private static List<string> Distinct(List<string> values) => values.Distinct(StringComparer.Ordinal).ToList();
}
