using Nmirf.BuildingBlocks.Errors;

namespace Nmirf.Recommendations.Importing;

/// <summary>The file formats a user brings recommendations in; <see cref="RecommendationFormats.Detect"/> tells them apart.</summary>
public enum RecommendationFormat
{
    /// <summary>The Universal Human Rights Index JSON export: one array of annotation objects.</summary>
    UhriJson,
    /// <summary>The Universal Human Rights Index Excel export (.xlsx).</summary>
    UhriXlsx,
    /// <summary>The Universal Human Rights Index Excel export saved as CSV.</summary>
    UhriCsv,
    /// <summary>A UPR Info database export (CSV with To, Text, From, Response, Action, Issue, Session).</summary>
    UprInfo,
    /// <summary>An OHCHR UPR matrix (thematic list of one state's recommendations), as CSV or .xlsx.</summary>
    UprMatrix,
    /// <summary>Concluding observations pasted as plain text: numbered paragraphs with lettered sub-paragraphs.</summary>
    ConcludingObservationsText,
}

/// <summary>Whether a paragraph asks the state to act or states the body's concern or observation.</summary>
public enum RecommendationType
{
    /// <summary>The body asks the state to act (recommends, urges, calls upon, encourages, requests).</summary>
    Recommendation,
    /// <summary>The body states a concern or an observation.</summary>
    Observation,
}

/// <summary>The state's response to a UPR recommendation.</summary>
public enum UprResponse
{
    /// <summary>Supported (UPR Info: accepted).</summary>
    Supported,
    /// <summary>Supported in part.</summary>
    SupportedInPart,
    /// <summary>Noted (formerly "rejected").</summary>
    Noted,
    /// <summary>No response given yet.</summary>
    Pending,
}

/// <summary>One recommendation (or observation) read from a file, normalized whatever the format it came in.</summary>
public sealed record RecommendationRecord
{
    /// <summary>The 1-based position of the record in the file: the array index in JSON, the spreadsheet row in .xlsx and CSV, the record count in pasted text.</summary>
    public required int RecordNumber { get; init; }

    /// <summary>The UHRI annotation id (a UUID), when the source has one.</summary>
    public string? AnnotationId { get; init; }

    /// <summary>The body as a plugin id ("crc", "ccpr", "upr"); an unknown body is its source text in lower case.</summary>
    public required string Body { get; init; }

    /// <summary>The document symbol, such as CRC/C/PER/CO/6-7.</summary>
    public string? Symbol { get; init; }

    /// <summary>The paragraph number as printed: "23", "23(b)", "140.7".</summary>
    public string? Paragraph { get; init; }

    /// <summary>The text without its paragraph number, HTML removed and whitespace collapsed.</summary>
    public required string Text { get; init; }

    /// <summary>The date the document was published, when the source gives it.</summary>
    public DateOnly? PublicationDate { get; init; }

    /// <summary>A recommendation, or a concern/observation.</summary>
    public RecommendationType Type { get; init; }

    /// <summary>The states concerned: ISO 3166-1 alpha-3 codes where known, else names as the source gives them.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>The UPR cycle (1, 2, 3, 4 ...), given or derived from the session.</summary>
    public int? UprCycle { get; init; }

    /// <summary>The UPR working group session.</summary>
    public int? UprSession { get; init; }

    /// <summary>The states that made a UPR recommendation: alpha-3 codes where known, else names.</summary>
    public IReadOnlyList<string> RecommendingStates { get; init; } = [];

    /// <summary>The state's response to a UPR recommendation.</summary>
    public UprResponse? Response { get; init; }

    /// <summary>The UPR Info action category, 1 (minimal action) to 5 (specific action).</summary>
    public int? UprActionCategory { get; init; }

    /// <summary>The UHRI themes (or UPR Info issues) as the source names them.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    /// <summary>The groups of persons affected, as the source names them.</summary>
    public IReadOnlyList<string> AffectedPersons { get; init; } = [];

    /// <summary>Sustainable Development Goals by number, such as "16".</summary>
    public IReadOnlyList<string> SdgGoals { get; init; } = [];

    /// <summary>Sustainable Development Goal targets, such as "16.2".</summary>
    public IReadOnlyList<string> SdgTargets { get; init; } = [];

    /// <summary>Where a UPR matrix found the state's position, such as "A/HRC/59/15/Add.1 - Para.3".</summary>
    public string? SourceOfPosition { get; init; }

    /// <summary>The heading the paragraph stands under in pasted concluding observations, such as "Birth registration".</summary>
    public string? Section { get; init; }
}

/// <summary>
/// A problem with one record (<see cref="RecordNumber"/> as in <see cref="RecommendationRecord.RecordNumber"/>) or with the
/// whole file (record 0, or the record where reading broke off, with <see cref="StopsReading"/> set).
/// <see cref="Field"/> is the field or column as the file names it, or empty when the problem is not about one field.
/// </summary>
public sealed record ReadProblem(int RecordNumber, string Field, string Reason)
{
    /// <summary>True when the problem ends reading: nothing after it was read.</summary>
    public bool StopsReading { get; init; }

    /// <summary>The problem as an <see cref="Error"/> for the edges: the field, and the record number in the message.</summary>
    public Error ToError() => new(Field, RecordNumber > 0 ? $"record {RecordNumber}: {Reason}" : Reason);

    /// <summary>The problem as one line: <c>record 12, Text: is 30000 characters long; the limit is 20000</c>.</summary>
    public override string ToString()
    {
        var where = RecordNumber > 0 ? $"record {RecordNumber}" : "file";
        return Field.Length == 0 ? $"{where}: {Reason}" : $"{where}, {Field}: {Reason}";
    }
}

/// <summary>One step of reading a file: a record, or a problem (a record that could not be read, or a file-level failure).</summary>
public sealed record ReadItem
{
    private ReadItem(RecommendationRecord? record, ReadProblem? problem)
    {
        Record = record;
        Problem = problem;
    }

    /// <summary>The record read, or null when this item is a problem.</summary>
    public RecommendationRecord? Record { get; }

    /// <summary>The problem, or null when this item is a record.</summary>
    public ReadProblem? Problem { get; }

    /// <summary>An item holding a record.</summary>
    public static ReadItem Of(RecommendationRecord record) => new(record, null);

    /// <summary>An item holding a problem.</summary>
    public static ReadItem Of(ReadProblem problem) => new(null, problem);
}

/// <summary>What the caller knows about the file, and the limits applied while reading it.</summary>
public sealed record ReadOptions
{
    /// <summary>The default limits, no document details.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>The document symbol: required for pasted concluding observations; used as the symbol of a UPR matrix's records.</summary>
    public string? Symbol { get; init; }

    /// <summary>The state concerned (a code or a name) for pasted concluding observations and UPR matrices; derived from the symbol when absent.</summary>
    public string? Country { get; init; }

    /// <summary>The body (plugin id or name) for pasted concluding observations; derived from the symbol when absent.</summary>
    public string? Body { get; init; }

    /// <summary>The publication date for pasted concluding observations and UPR matrices, when known.</summary>
    public DateOnly? PublicationDate { get; init; }

    /// <summary>The longest text accepted, in characters.</summary>
    public int MaxTextLength { get; init; } = 20_000;

    /// <summary>The longest value accepted in a short field (symbol, paragraph, a theme, a country), in characters.</summary>
    public int MaxFieldLength { get; init; } = 2_000;

    /// <summary>A multiple of the text limit, for what a reader buffers before it measures (markup, escapes, UTF-8 bytes); capped so that it cannot overflow.</summary>
    internal int TextLimitTimes(int factor) => (int)Math.Min((long)MaxTextLength * factor, int.MaxValue / 4);

    /// <summary>A multiple of the field limit, capped as <see cref="TextLimitTimes"/> is.</summary>
    internal int FieldLimitTimes(int factor) => (int)Math.Min((long)MaxFieldLength * factor, int.MaxValue / 4);
}
