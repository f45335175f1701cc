using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Recommendations.Model;
using Nmirf.Recommendations.Suggestions;

namespace Nmirf.Recommendations.Use;

/// <summary>
/// Themes and a lead institution suggested for a recommendation from the country's most similar recommendations that
/// already have them, each with its score and the recommendations behind it: suggestions until a person accepts them
/// (with <see cref="AddThemes"/> and <see cref="AssignRecommendation"/>).
/// </summary>
public sealed record SuggestForRecommendation(string Country, Guid Id) : IQuery<Result<Suggestion>>;

internal sealed class SuggestionHandler(RecommendationsDbContext db) : IQueryHandler<SuggestForRecommendation, Result<Suggestion>>
{
    /// <summary>The most recent decided recommendations compared with; enough for a mechanism's own history.</summary>
    private const int MaxCompared = 20_000;

    public async ValueTask<Result<Suggestion>> Handle(SuggestForRecommendation query, CancellationToken cancellationToken)
    {
        var target = await db.Recommendations.AsNoTracking().Where(r => r.CountryCode == query.Country && r.Id == query.Id).Select(r => new { r.Id, r.Text }).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return Error.NotFound("id", $"no recommendation '{query.Id}' in {query.Country}");
        }

        var themed = db.Tags.Where(t => t.Kind == TagKind.Theme).Select(t => t.RecommendationId);
        var decided = await db.Recommendations.AsNoTracking()
            .Where(r => r.CountryCode == query.Country && r.Id != query.Id && (r.LeadInstitution != null || themed.Contains(r.Id)))
            .OrderByDescending(r => r.Id)
            .Take(MaxCompared)
            .Select(r => new { r.Id, r.Text, r.LeadInstitution, Themes = r.Tags.Where(t => t.Kind == TagKind.Theme).Select(t => t.Value).ToList() })
            .ToListAsync(cancellationToken);
        var index = new SimilarityIndex(decided.Select(d => new IndexedRecommendation(d.Id, d.Text, d.Themes, d.LeadInstitution)));
        return index.Suggest(target.Text, exclude: query.Id);
    }
}
