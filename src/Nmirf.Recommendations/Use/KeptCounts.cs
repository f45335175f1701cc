using Microsoft.EntityFrameworkCore;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Model;

namespace Nmirf.Recommendations.Use;

/// <summary>
/// A country's unfiltered counts, which the database keeps as rows change (SQLite; the migration <c>SummaryCounts</c>
/// creates the tables and the triggers that keep them): the dashboard without a filter reads a few hundred rows
/// instead of every recommendation and SDG goal tag of the country.
/// </summary>
internal static class KeptCounts
{
    /// <summary>How many recommendations have a status, body and lead institution (null: unassigned).</summary>
    public sealed record Group(ImplementationStatus Status, string Body, string? LeadInstitution, int Count);

    /// <summary>How many recommendations hold a tag value.</summary>
    public sealed record TagCount(string Value, int Count);

    public static async Task<List<Group>> GroupsAsync(RecommendationsDbContext db, string country, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<GroupRow>($"""
            SELECT "Status", "Body", "LeadInstitution", "Count" FROM "recommendations_SummaryCounts" WHERE "CountryCode" = {country} AND "Count" > 0
            """).ToListAsync(cancellationToken);
        return rows.Select(r => new Group(Enum.Parse<ImplementationStatus>(r.Status), r.Body, r.LeadInstitution.Length == 0 ? null : r.LeadInstitution, r.Count)).ToList();
    }

    /// <summary>How many recommendations the country has.</summary>
    public static Task<int> TotalAsync(RecommendationsDbContext db, string country, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"""
            SELECT coalesce(sum("Count"), 0) AS "Value" FROM "recommendations_SummaryCounts" WHERE "CountryCode" = {country}
            """).SingleAsync(cancellationToken);

    /// <summary>
    /// How many recommendations the country has (in <paramref name="body"/> when given), and whether the database holds
    /// any other (in another country or body). The first reads a few hundred rows under the country's key (the body's
    /// test needs no index of its own); the second stops at the first other row.
    /// </summary>
    public static async Task<(int Count, bool Others)> ScopeAsync(RecommendationsDbContext db, string country, string? body, CancellationToken cancellationToken)
    {
        var row = await db.Database.SqlQuery<ScopeRow>($"""
            SELECT
              (SELECT coalesce(sum("Count"), 0) FROM "recommendations_SummaryCounts"
               WHERE "CountryCode" = {country} AND ({body} IS NULL OR "Body" = {body})) AS "Count",
              EXISTS (SELECT 1 FROM "recommendations_SummaryCounts"
                      WHERE "Count" > 0 AND ("CountryCode" <> {country} OR ({body} IS NOT NULL AND "Body" <> {body}))) AS "Others"
            """).SingleAsync(cancellationToken);
        return (row.Count, row.Others);
    }

    public static async Task<List<TagCount>> TagsAsync(RecommendationsDbContext db, string country, TagKind kind, CancellationToken cancellationToken)
    {
        var name = kind.ToString();
        var rows = await db.Database.SqlQuery<TagRow>($"""
            SELECT "Value", "Count" FROM "recommendations_TagCounts" WHERE "CountryCode" = {country} AND "Kind" = {name} AND "Count" > 0
            """).ToListAsync(cancellationToken);
        return rows.Select(r => new TagCount(r.Value, r.Count)).ToList();
    }

    private sealed class GroupRow
    {
        public string Status { get; set; } = "";
        public string Body { get; set; } = "";
        public string LeadInstitution { get; set; } = "";
        public int Count { get; set; }
    }

    private sealed class ScopeRow
    {
        public int Count { get; set; }
        public bool Others { get; set; }
    }

    private sealed class TagRow
    {
        public string Value { get; set; } = "";
        public int Count { get; set; }
    }
}
