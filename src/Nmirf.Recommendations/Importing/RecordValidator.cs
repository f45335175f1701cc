namespace Nmirf.Recommendations.Importing;

/// <summary>
/// Checks the records of one file against the bodies the host knows and the limits, and finds duplicates within the
/// file: the same annotation id twice, or, for records without one, the same symbol and paragraph twice. Use one
/// validator per file; it remembers what it has seen.
/// </summary>
public sealed class RecordValidator
{
    private readonly ISet<string> _knownBodies;
    private readonly string _knownList;
    private readonly int _maxTextLength;
    private readonly int _maxFieldLength;
    private readonly Dictionary<string, int> _annotationIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Symbol, string Paragraph), int> _paragraphs = new(SymbolParagraphComparer.Instance);

    /// <summary>A validator for one file, with the plugin ids of the known bodies and the limits of <paramref name="limits"/> (the defaults when null).</summary>
    public RecordValidator(ISet<string> knownBodies, ReadOptions? limits = null)
    {
        _knownBodies = knownBodies;
        _knownList = string.Join(", ", knownBodies.Order(StringComparer.Ordinal));
        _maxTextLength = (limits ?? ReadOptions.Default).MaxTextLength;
        _maxFieldLength = (limits ?? ReadOptions.Default).MaxFieldLength;
    }

    /// <summary>The problems of <paramref name="record"/>; empty when it may be imported.</summary>
    public IReadOnlyList<ReadProblem> Check(RecommendationRecord record)
    {
        var problems = new List<ReadProblem>();
        void Add(string field, string reason) => problems.Add(new ReadProblem(record.RecordNumber, field, reason));

        if (string.IsNullOrWhiteSpace(record.Body))
        {
            Add("Body", $"is required; known bodies: {_knownList}");
        }
        else if (!_knownBodies.Contains(record.Body))
        {
            Add("Body", $"'{SourceValues.Shorten(record.Body)}' is not a known body; known bodies: {_knownList}");
        }

        if (string.IsNullOrWhiteSpace(record.Text))
        {
            Add("Text", "is required");
        }
        else if (record.Text.Length > _maxTextLength)
        {
            Add("Text", $"is {record.Text.Length} characters long; the limit is {_maxTextLength}");
        }

        CheckLength("AnnotationId", record.AnnotationId);
        CheckLength("Symbol", record.Symbol);
        CheckLength("Paragraph", record.Paragraph);
        CheckLength("SourceOfPosition", record.SourceOfPosition);
        CheckLength("Section", record.Section);
        CheckAll("Countries", record.Countries);
        CheckAll("RecommendingStates", record.RecommendingStates);
        CheckAll("Themes", record.Themes);
        CheckAll("AffectedPersons", record.AffectedPersons);

        if (record.UprActionCategory is < 1 or > 5)
        {
            Add("UprActionCategory", $"is {record.UprActionCategory}; an action category is 1 to 5");
        }

        if (!string.IsNullOrWhiteSpace(record.AnnotationId))
        {
            if (_annotationIds.TryGetValue(record.AnnotationId, out var first))
            {
                Add("AnnotationId", $"'{record.AnnotationId}' is also the annotation id of record {first}");
            }
            else
            {
                _annotationIds.Add(record.AnnotationId, record.RecordNumber);
            }
        }
        else if (!string.IsNullOrWhiteSpace(record.Symbol) && !string.IsNullOrWhiteSpace(record.Paragraph))
        {
            var key = (record.Symbol, record.Paragraph);
            if (_paragraphs.TryGetValue(key, out var first))
            {
                Add("Paragraph", $"{record.Symbol} paragraph {record.Paragraph} is also record {first}");
            }
            else
            {
                _paragraphs.Add(key, record.RecordNumber);
            }
        }

        return problems;

        void CheckLength(string field, string? value)
        {
            if (value is not null && value.Length > _maxFieldLength)
            {
                Add(field, $"is {value.Length} characters long; the limit is {_maxFieldLength}");
            }
        }

        void CheckAll(string field, IReadOnlyList<string> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                CheckLength($"{field}[{i}]", values[i]);
            }
        }
    }

    /// <summary>Symbols and paragraphs compared as people write them: case and surrounding spaces do not matter.</summary>
    private sealed class SymbolParagraphComparer : IEqualityComparer<(string Symbol, string Paragraph)>
    {
        public static readonly SymbolParagraphComparer Instance = new();

        public bool Equals((string Symbol, string Paragraph) x, (string Symbol, string Paragraph) y) =>
            string.Equals(x.Symbol.Trim(), y.Symbol.Trim(), StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Paragraph.Trim(), y.Paragraph.Trim(), StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Symbol, string Paragraph) value) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(value.Symbol.Trim()), StringComparer.OrdinalIgnoreCase.GetHashCode(value.Paragraph.Trim()));
    }
}
