using Nmirf.Recommendations.Importing;

namespace Nmirf.Recommendations.Contracts;

/// <summary>Where the implementation of a recommendation stands.</summary>
public enum ImplementationStatus
{
    NotStarted,
    InProgress,
    PartiallyImplemented,
    Implemented,
    NotImplemented,
    NoLongerApplicable,
}

/// <summary>A recommendation as listed and exported, with its assignment, status and follow-up.</summary>
public sealed record RecommendationView(
    Guid Id,
    string Country,
    string Body,
    string? Symbol,
    string? Paragraph,
    string Text,
    DateOnly? PublicationDate,
    RecommendationType Type,
    int? UprCycle,
    int? UprSession,
    IReadOnlyList<string> RecommendingStates,
    UprResponse? Response,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> AffectedPersons,
    IReadOnlyList<string> SdgGoals,
    IReadOnlyList<string> SdgTargets,
    ImplementationStatus Status,
    string? LeadInstitution,
    IReadOnlyList<string> SupportingInstitutions,
    bool FollowUp,
    DateOnly? FollowUpDeadline,
    string? AnnotationId);
