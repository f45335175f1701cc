using Nmirf.BuildingBlocks.Tenancy;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Importing;

namespace Nmirf.Recommendations.Model;

/// <summary>What a tag of a recommendation says.</summary>
internal enum TagKind
{
    Theme,
    AffectedPersons,
    SdgGoal,
    SdgTarget,
    RecommendingState,
    SupportingInstitution,
}

internal sealed class Recommendation : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }

    /// <summary>The natural key within the country: the UHRI annotation id when there is one, else symbol and paragraph.</summary>
    public required string Key { get; init; }
    public string? AnnotationId { get; set; }
    public string Body { get; set; } = "";
    public string? Symbol { get; set; }
    public string? Paragraph { get; set; }
    public string Text { get; set; } = "";
    public DateOnly? PublicationDate { get; set; }
    public RecommendationType Type { get; set; }
    public int? UprCycle { get; set; }
    public int? UprSession { get; set; }
    public UprResponse? Response { get; set; }
    public int? UprActionCategory { get; set; }
    public string? SourceOfPosition { get; set; }
    public string? Section { get; set; }
    public Guid? CycleId { get; set; }
    public ImplementationStatus Status { get; set; }
    public string? LeadInstitution { get; set; }
    public bool FollowUp { get; set; }
    public DateOnly? FollowUpDeadline { get; set; }
    public Guid? ImportRunId { get; set; }
    public List<RecommendationTag> Tags { get; init; } = [];

    public static string KeyOf(RecommendationRecord record) =>
        record.AnnotationId is { Length: > 0 } id ? id.Trim().ToLowerInvariant() : $"{record.Symbol?.Trim()}#{record.Paragraph?.Trim()}".ToUpperInvariant();

    /// <summary>Copies what the source says; the mechanism's own data (status, assignment, follow-up) is left as it is.</summary>
    public void Apply(RecommendationRecord record, Guid? cycle)
    {
        AnnotationId = record.AnnotationId;
        Body = record.Body;
        Symbol = record.Symbol;
        Paragraph = record.Paragraph;
        Text = record.Text;
        PublicationDate = record.PublicationDate;
        Type = record.Type;
        UprCycle = record.UprCycle;
        UprSession = record.UprSession;
        Response = record.Response;
        UprActionCategory = record.UprActionCategory;
        SourceOfPosition = record.SourceOfPosition;
        Section = record.Section;
        CycleId = cycle ?? CycleId;
    }

    /// <summary>The tags the source gives, by kind; supporting institutions are the mechanism's and are kept.</summary>
    public static IEnumerable<(TagKind Kind, string Value)> SourceTags(RecommendationRecord record) =>
        record.Themes.Select(v => (TagKind.Theme, v))
            .Concat(record.AffectedPersons.Select(v => (TagKind.AffectedPersons, v)))
            .Concat(record.SdgGoals.Select(v => (TagKind.SdgGoal, v)))
            .Concat(record.SdgTargets.Select(v => (TagKind.SdgTarget, v)))
            .Concat(record.RecommendingStates.Select(v => (TagKind.RecommendingState, v)))
            .Select(t => (t.Item1, t.v.Trim()))
            .Where(t => t.Item2.Length > 0)
            .Distinct();

    public IReadOnlyList<string> TagsOf(TagKind kind) => Tags.Where(t => t.Kind == kind).Select(t => t.Value).Order(StringComparer.Ordinal).ToList();

    public RecommendationView ToView() => new(
        Id, CountryCode, Body, Symbol, Paragraph, Text, PublicationDate, Type, UprCycle, UprSession,
        TagsOf(TagKind.RecommendingState), Response, TagsOf(TagKind.Theme), TagsOf(TagKind.AffectedPersons),
        TagsOf(TagKind.SdgGoal), TagsOf(TagKind.SdgTarget), Status, LeadInstitution, TagsOf(TagKind.SupportingInstitution),
        FollowUp, FollowUpDeadline, AnnotationId);
}

internal sealed class RecommendationTag
{
    public Guid RecommendationId { get; init; }

    /// <summary>The recommendation's country, repeated so that counts by tag read one index.</summary>
    public required string CountryCode { get; init; }
    public TagKind Kind { get; init; }
    public required string Value { get; init; }
}

internal sealed class StatusChange : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RecommendationId { get; init; }
    public required string CountryCode { get; init; }
    public ImplementationStatus From { get; init; }
    public ImplementationStatus To { get; init; }
    public DateOnly On { get; init; }
    public string? Institution { get; init; }
    public string? Reason { get; init; }
    public required string RecordedBy { get; init; }
    public DateTime RecordedAt { get; init; }
}

internal sealed class ProgressUpdate : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RecommendationId { get; init; }
    public required string CountryCode { get; init; }
    public DateOnly On { get; init; }
    public required string Institution { get; init; }
    public required string Narrative { get; init; }
    public List<string> Links { get; init; } = [];
    public required string RecordedBy { get; init; }
    public DateTime RecordedAt { get; init; }
    public List<EvidenceFile> Evidence { get; init; } = [];
}

internal sealed class EvidenceFile : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ProgressUpdateId { get; init; }
    public required string CountryCode { get; init; }

    /// <summary>The name the person gave: a label only, never a path.</summary>
    public required string Label { get; init; }

    /// <summary>The name the file is stored under, made by the system.</summary>
    public required string StoredName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
}

/// <summary>One import of a file: what it read and changed. Its creation is the audit trail of the records it created.</summary>
internal sealed class ImportRun : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public required string FileName { get; init; }
    public RecommendationFormat Format { get; init; }
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int OtherCountries { get; set; }
    public DateTime StartedAt { get; init; }
    public required string RecordedBy { get; init; }
}

/// <summary>A group of recommendations the mechanism defines, such as a theme of its follow-up plan.</summary>
internal sealed class Cluster : ICountryOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CountryCode { get; init; }
    public required string Code { get; init; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<ClusterMember> Members { get; init; } = [];
}

internal sealed class ClusterMember
{
    public Guid ClusterId { get; init; }
    public Guid RecommendationId { get; init; }
}
