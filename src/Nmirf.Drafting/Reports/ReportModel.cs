namespace Nmirf.Drafting.Reports;

// The report model handed to templates. Templates see these records, converted to plain data with snake_case names
// (ReportModel.Cycle.DueOn is `cycle.due_on`); no .NET object is reachable from a template. docs/drafting.md lists
// every field.

/// <summary>Everything a template can read.</summary>
public sealed record ReportModel(
    DocumentInfo Document,
    CountryInfo Country,
    MechanismInfo Mechanism,
    BodyInfo Body,
    CycleInfo Cycle,
    PreviousReview Previous,
    IReadOnlyList<QuestionInfo> Questions,
    IReadOnlyList<RecommendationInfo> FollowUp,
    IReadOnlyList<TaskAnswerInfo> Answers,
    IReadOnlyList<ConsultationInfo> Consultation,
    Statistics Statistics);

/// <summary>The document being drafted.</summary>
/// <param name="Kind">The document kind in kebab case, such as <c>periodic-report</c>.</param>
/// <param name="Language">ISO 639-1: <c>en</c>, <c>fr</c>, <c>es</c>, <c>pt</c>.</param>
/// <param name="Symbol">The UN symbol the document will carry, when it can be known.</param>
/// <param name="WordLimit">The body's word limit for this kind of document, or null when none is set.</param>
/// <param name="GeneratedOn">The day of the draft.</param>
public sealed record DocumentInfo(string Kind, string Language, string? Symbol, int? WordLimit, DateOnly GeneratedOn);

public sealed record CountryInfo(string Code, string Name, IReadOnlyList<string> WorkingLanguages);

/// <summary>The national mechanism, its legal basis and its institutions.</summary>
public sealed record MechanismInfo(
    string? Name,
    string? Acronym,
    string? Type,
    string? LegalBasisKind,
    string? LegalBasisReference,
    DateOnly? LegalBasisAdoptedOn,
    string? LegalBasisUrl,
    IReadOnlyList<InstitutionInfo> Institutions);

public sealed record InstitutionInfo(string Code, string Name, string? Acronym, string? Kind, string? Role);

/// <summary>The body, its treaty and the parts of a report to it, each with the previous recommendations it answers.</summary>
public sealed record BodyInfo(
    string Id,
    string Name,
    string Acronym,
    string Treaty,
    string Kind,
    string StructureKind,
    string StructureSource,
    IReadOnlyList<PartInfo> Parts);

/// <summary>A part of the report (an article, a cluster or a section) and the previous recommendations placed in it.</summary>
public sealed record PartInfo(string Id, string Title, IReadOnlyList<string> Articles, IReadOnlyList<RecommendationInfo> Recommendations);

/// <summary>The reporting cycle the document belongs to.</summary>
/// <param name="Report">The report number or combined range, such as <c>7</c> or <c>5-6</c>; for the UPR the cycle number.</param>
/// <param name="ReportFirst">The first number of <paramref name="Report"/> (5 for <c>5-6</c>).</param>
/// <param name="ReportNumber">The last number of <paramref name="Report"/> (6 for <c>5-6</c>), for ordinal words in titles.</param>
/// <param name="Procedure"><c>standard</c> or <c>simplified</c>, when known.</param>
/// <param name="PeriodFrom">The start of the period covered: the previous concluding observations (or review), when known.</param>
/// <param name="PeriodTo">The end of the period covered: the day of the draft.</param>
/// <param name="Run">The workflow run of the cycle, when there is one.</param>
public sealed record CycleInfo(
    string? Report,
    int? ReportFirst,
    int? ReportNumber,
    string? Symbol,
    string? Procedure,
    DateOnly? DueOn,
    DateOnly? PeriodFrom,
    DateOnly PeriodTo,
    string? ListOfIssuesSymbol,
    DateOnly? DialogueOn,
    Guid? Run);

/// <summary>The previous concluding observations (or UPR outcome) and every recommendation in them.</summary>
public sealed record PreviousReview(string? Symbol, DateOnly? AdoptedOn, string? Report, IReadOnlyList<RecommendationInfo> Recommendations, IReadOnlyList<RecommendationInfo> Unplaced);

/// <summary>A previous recommendation with where its implementation stands.</summary>
/// <param name="Status">The implementation status in kebab case (<c>in-progress</c>).</param>
/// <param name="PlacedBy">Why the recommendation sits in its part (the article its text cites), or null when it is not placed.</param>
public sealed record RecommendationInfo(
    Guid Id,
    string? Symbol,
    string? Paragraph,
    string Text,
    string Type,
    string Status,
    string? Response,
    string? Lead,
    IReadOnlyList<string> Supporting,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> SdgGoals,
    IReadOnlyList<string> RecommendingStates,
    bool FollowUp,
    DateOnly? FollowUpDeadline,
    string? PlacedBy,
    IReadOnlyList<ProgressInfo> Progress);

public sealed record ProgressInfo(DateOnly On, string Institution, string Narrative, IReadOnlyList<string> Links, IReadOnlyList<string> Evidence);

/// <summary>A question of the list of issues (or list of issues prior to reporting) the replies answer.</summary>
public sealed record QuestionInfo(string Number, string Text, IReadOnlyList<ProgressInfo> Progress);

/// <summary>The answers of one completed task of the cycle's workflow.</summary>
public sealed record TaskAnswerInfo(string Step, string Title, string? Institution, DateOnly? CompletedOn, IReadOnlyList<AnswerField> Fields);

public sealed record AnswerField(string Name, string Value);

/// <summary>One institution's part in the consultation: the tasks it was asked to do and how many it completed.</summary>
public sealed record ConsultationInfo(string Institution, string? InstitutionName, int Requested, int Completed, DateOnly? LastAnswerOn);

/// <summary>Counts over the previous recommendations.</summary>
public sealed record Statistics(int Total, int Implemented, int PartiallyImplemented, int InProgress, int NotStarted, int NotImplemented, int NoLongerApplicable, IReadOnlyList<CountItem> ByInstitution, IReadOnlyList<CountItem> ByTheme);

public sealed record CountItem(string Name, int Count);
