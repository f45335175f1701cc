using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.BuildingBlocks.Text;
using Nmirf.Mandates.Countries;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Importing;
using Nmirf.Recommendations.Model;

namespace Nmirf.Recommendations.Use;

/// <summary>Filters over a country's recommendations; every one given must hold.</summary>
public sealed record RecommendationFilter
{
    public string? Body { get; init; }
    public string? Symbol { get; init; }
    public int? UprCycle { get; init; }
    public string? Theme { get; init; }

    /// <summary>An SDG goal (<c>16</c>) or target (<c>16.2</c>).</summary>
    public string? Sdg { get; init; }
    public string? AffectedPersons { get; init; }
    public string? RecommendingState { get; init; }
    public UprResponse? Response { get; init; }
    public ImplementationStatus? Status { get; init; }

    /// <summary>Lead or supporting institution (its code).</summary>
    public string? Institution { get; init; }
    public bool? FollowUp { get; init; }

    /// <summary>Words that must all appear in the text.</summary>
    public string? Query { get; init; }

    /// <summary>The code of one of the mechanism's clusters.</summary>
    public string? Cluster { get; init; }
}

/// <summary>One page of a list, with the total number of items.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

/// <summary>A status change in a recommendation's history.</summary>
public sealed record StatusChangeView(ImplementationStatus From, ImplementationStatus To, DateOnly On, string? Institution, string? Reason, string RecordedBy, DateTime RecordedAt);

/// <summary>An evidence file of a progress update: its label and where to download it.</summary>
public sealed record EvidenceView(Guid Id, string Label, string ContentType, long Size);

/// <summary>A progress update with its evidence.</summary>
public sealed record ProgressView(Guid Id, DateOnly On, string Institution, string Narrative, IReadOnlyList<string> Links, IReadOnlyList<EvidenceView> Evidence, string RecordedBy, DateTime RecordedAt);

/// <summary>A recommendation with its history.</summary>
public sealed record RecommendationDetail(RecommendationView Recommendation, IReadOnlyList<StatusChangeView> StatusHistory, IReadOnlyList<ProgressView> Progress);

/// <summary>Counts for a dashboard, over the recommendations the filter selects.</summary>
public sealed record RecommendationSummary(
    int Total,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByInstitution,
    IReadOnlyDictionary<string, int> ByBody,
    IReadOnlyDictionary<string, int> BySdgGoal);

/// <summary>A page of the recommendations the filter selects; with <c>OnlyInstitution</c> (a focal point), only those their institution leads or supports.</summary>
public sealed record ListRecommendations(string Country, RecommendationFilter Filter, int Page = 1, int PageSize = 50, string? OnlyInstitution = null)
    : IQuery<Result<Page<RecommendationView>>>;

/// <summary>Every recommendation the filter selects, streamed in list order (for exports).</summary>
public sealed record StreamRecommendations(string Country, RecommendationFilter Filter, string? OnlyInstitution = null) : IQuery<IAsyncEnumerable<RecommendationView>>;

public sealed record SummarizeRecommendations(string Country, RecommendationFilter Filter, string? OnlyInstitution = null) : IQuery<Result<RecommendationSummary>>;

public sealed record GetRecommendation(string Country, Guid Id, string? OnlyInstitution = null) : IQuery<Result<RecommendationDetail>>;

/// <summary>The progress updates (with their evidence) of many recommendations at once, by recommendation, oldest first (for report drafts).</summary>
public sealed record ListProgress(string Country, IReadOnlyList<Guid> Ids) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<ProgressView>>>;

internal sealed class QueryHandlers(RecommendationsDbContext db, ISender sender) :
    IQueryHandler<ListRecommendations, Result<Page<RecommendationView>>>,
    IQueryHandler<StreamRecommendations, IAsyncEnumerable<RecommendationView>>,
    IQueryHandler<SummarizeRecommendations, Result<RecommendationSummary>>,
    IQueryHandler<GetRecommendation, Result<RecommendationDetail>>,
    IQueryHandler<ListProgress, IReadOnlyDictionary<Guid, IReadOnlyList<ProgressView>>>
{
    public const int MaxPageSize = 500;

    /// <summary>Above this many matches, a page is read by walking the list's index rather than by sorting the matches (lowered by a test to reach that path with little data).</summary>
    internal static int DenseMatches { get; set; } = 5000;

    public async ValueTask<Result<Page<RecommendationView>>> Handle(ListRecommendations query, CancellationToken cancellationToken)
    {
        var country = await sender.Send(new GetCountry(query.Country), cancellationToken);
        if (!country.IsSuccess)
        {
            return Result<Page<RecommendationView>>.Failure(country.Errors);
        }

        if (query.Page < 1 || query.PageSize is < 1 or > MaxPageSize)
        {
            return new Error("page", $"pages start at 1 and hold 1 to {MaxPageSize} items");
        }

        // A search within a country (and a body) and nothing else is counted and paged from the search index.
        var terms = FullText.Terms(query.Filter.Query);
        var searchOnly = db.HasFullTextTable && terms.Count > 0 && query.OnlyInstitution is null
            && query.Filter with { Query = null, Body = null } == new RecommendationFilter();
        var skip = (query.Page - 1) * query.PageSize;
        var scope = searchOnly ? await FullText.ScopeAsync(db, query.Country, query.Filter.Body, cancellationToken) : null;
        var matches = scope is not null ? await FullText.FewMatchesAsync(db, terms, scope, skip + query.PageSize, cancellationToken) : null;
        var total = matches?.Count ?? (scope is not null
            ? await FullText.CountAsync(db, terms, scope, cancellationToken)
            : await CountAsync(query, cancellationToken));

        // Many matches: walk the list's index and stop at the page's end. Few: sort them (walking would read every row).
        var ordered = total > DenseMatches;
        List<Recommendation> items;
        if (ordered)
        {
            // The page's ids first, then their rows: the rows skipped to reach a deep page are read from an index
            // alone (the search index, or the list's, which holds the order and the id), not from the table, where
            // each row holds its texts.
            var ids = scope is not null
                ? matches is not null
                    ? await FullText.DensePageAsync(db, matches, scope, skip, query.PageSize, cancellationToken)
                    : await FullText.DensePageByProbesAsync(db, terms, scope, skip, query.PageSize, cancellationToken)
                : await Ordered(Filtered(db, query.Country, query.Filter, query.OnlyInstitution, ordered)).Skip(skip).Take(query.PageSize)
                    .Select(r => r.Id).ToListAsync(cancellationToken);
            var rows = await db.Recommendations.Where(r => ids.Contains(r.Id)).Include(r => r.Tags).AsSplitQuery().AsNoTracking().ToDictionaryAsync(r => r.Id, cancellationToken);
            items = ids.Select(id => rows[id]).ToList();
        }
        else
        {
            // Few matches: sorted and read in one query.
            items = await Ordered(Filtered(db, query.Country, query.Filter, query.OnlyInstitution)).Skip(skip).Take(query.PageSize)
                .Include(r => r.Tags).AsSplitQuery().AsNoTracking().ToListAsync(cancellationToken);
        }

        return new Page<RecommendationView>(items.Select(r => r.ToView()).ToList(), total, query.Page, query.PageSize);
    }

    /// <summary>
    /// The number of matches. No filter: the sum of the counts the database keeps. A single tag as the only filter is
    /// counted from the tag index alone (each recommendation holds a tag once); any other filter counts the
    /// recommendations it selects.
    /// </summary>
    private Task<int> CountAsync(ListRecommendations query, CancellationToken cancellationToken)
    {
        if (query.OnlyInstitution is null && query.Filter == new RecommendationFilter() && db.HasKeptCounts)
        {
            return KeptCounts.TotalAsync(db, query.Country, cancellationToken);
        }

        var tags = TagFilters(query.Filter).ToList();
        var tagsOnly = query.Filter with { Theme = null, Sdg = null, AffectedPersons = null, RecommendingState = null };
        if (query.OnlyInstitution is null && tags.Count == 1 && tagsOnly == new RecommendationFilter())
        {
            var (kind, value) = tags[0];
            return db.Tags.CountAsync(t => t.CountryCode == query.Country && t.Kind == kind && t.Value == value, cancellationToken);
        }

        return Filtered(db, query.Country, query.Filter, query.OnlyInstitution).CountAsync(cancellationToken);
    }

    private static IEnumerable<(TagKind Kind, string Value)> TagFilters(RecommendationFilter filter)
    {
        foreach (var (kind, value) in new[]
        {
            (TagKind.Theme, filter.Theme),
            (TagKind.AffectedPersons, filter.AffectedPersons),
            (TagKind.RecommendingState, filter.RecommendingState),
            (filter.Sdg?.Contains('.', StringComparison.Ordinal) == true ? TagKind.SdgTarget : TagKind.SdgGoal, filter.Sdg),
        })
        {
            if (value is not null)
            {
                yield return (kind, value);
            }
        }
    }

    public ValueTask<IAsyncEnumerable<RecommendationView>> Handle(StreamRecommendations query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Stream(query, cancellationToken));

    public async ValueTask<Result<RecommendationSummary>> Handle(SummarizeRecommendations query, CancellationToken cancellationToken)
    {
        var country = await sender.Send(new GetCountry(query.Country), cancellationToken);
        if (!country.IsSuccess)
        {
            return Result<RecommendationSummary>.Failure(country.Errors);
        }

        var filtered = Filtered(db, query.Country, query.Filter, query.OnlyInstitution);
        var unfiltered = query.Filter == new RecommendationFilter() && query.OnlyInstitution is null;
        // A few groups (statuses x bodies x institutions), summed here by status, by institution and by body. Without a
        // filter, the counts the database keeps; with one, the selected rows read once, from the index on (country,
        // status, body, lead institution), which holds every column the grouping needs. The institutions and bodies are
        // put in the order of their codes, so that equal counts keep their order.
        var groups = unfiltered && db.HasKeptCounts
            ? await KeptCounts.GroupsAsync(db, query.Country, cancellationToken)
            : await filtered.GroupBy(r => new { r.Status, r.Body, r.LeadInstitution })
                .Select(g => new KeptCounts.Group(g.Key.Status, g.Key.Body, g.Key.LeadInstitution, g.Count()))
                .ToListAsync(cancellationToken);
        var byStatus = groups.GroupBy(g => g.Status).Select(g => (g.Key, Count: g.Sum(x => x.Count))).ToList();
        var total = groups.Sum(g => g.Count);
        var byInstitution = groups.Where(g => g.LeadInstitution is not null).GroupBy(g => g.LeadInstitution!, StringComparer.Ordinal)
            .Select(g => (g.Key, Count: g.Sum(x => x.Count))).OrderBy(a => a.Key, StringComparer.Ordinal).ToList();
        if (groups.Where(g => g.LeadInstitution is null).Sum(g => g.Count) is > 0 and var unassigned)
        {
            byInstitution.Add(("(unassigned)", unassigned));
        }

        var byBody = groups.GroupBy(g => g.Body, StringComparer.Ordinal).Select(g => (g.Key, Count: g.Sum(x => x.Count))).OrderBy(b => b.Key, StringComparer.Ordinal).ToList();
        var sdgTags = db.Tags.Where(t => t.CountryCode == query.Country && t.Kind == TagKind.SdgGoal);
        if (!unfiltered)
        {
            // Without a filter the country's tags are the answer, read from one index; with one, only the selected.
            var ids = filtered.Select(r => r.Id);
            sdgTags = sdgTags.Where(t => ids.Contains(t.RecommendationId));
        }

        var bySdg = unfiltered && db.HasKeptCounts
            ? await KeptCounts.TagsAsync(db, query.Country, TagKind.SdgGoal, cancellationToken)
            : await sdgTags.GroupBy(t => t.Value).Select(g => new KeptCounts.TagCount(g.Key, g.Count())).ToListAsync(cancellationToken);
        return new RecommendationSummary(
            total,
            byStatus.OrderBy(s => s.Key).ToDictionary(s => Names.Kebab(s.Key), s => s.Count),
            byInstitution.OrderByDescending(s => s.Count).ToDictionary(s => s.Key, s => s.Count),
            byBody.OrderByDescending(s => s.Count).ToDictionary(s => s.Key, s => s.Count),
            bySdg.OrderBy(s => s.Value.Length).ThenBy(s => s.Value, StringComparer.Ordinal).ToDictionary(s => s.Value, s => s.Count));
    }

    public async ValueTask<Result<RecommendationDetail>> Handle(GetRecommendation query, CancellationToken cancellationToken)
    {
        var recommendation = await Filtered(db, query.Country, new RecommendationFilter(), query.OnlyInstitution)
            .Include(r => r.Tags).AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken);
        if (recommendation is null)
        {
            return Error.NotFound("id", $"no recommendation '{query.Id}' in {query.Country}{(query.OnlyInstitution is null ? "" : $" assigned to {query.OnlyInstitution}")}");
        }

        var statuses = await db.StatusChanges.AsNoTracking().Where(s => s.RecommendationId == query.Id).OrderBy(s => s.RecordedAt).ToListAsync(cancellationToken);
        var progress = await db.ProgressUpdates.AsNoTracking().Include(p => p.Evidence).Where(p => p.RecommendationId == query.Id).OrderBy(p => p.On).ThenBy(p => p.RecordedAt).ToListAsync(cancellationToken);
        return new RecommendationDetail(
            recommendation.ToView(),
            statuses.Select(s => new StatusChangeView(s.From, s.To, s.On, s.Institution, s.Reason, s.RecordedBy, s.RecordedAt)).ToList(),
            progress.Select(p => new ProgressView(p.Id, p.On, p.Institution, p.Narrative, p.Links, p.Evidence.Select(e => new EvidenceView(e.Id, e.Label, e.ContentType, e.Size)).ToList(), p.RecordedBy, p.RecordedAt)).ToList());
    }

    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<ProgressView>>> Handle(ListProgress query, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, IReadOnlyList<ProgressView>>();
        // In slices, so that the id list stays within every provider's parameter limit.
        foreach (var slice in query.Ids.Distinct().Chunk(500))
        {
            var rows = await db.ProgressUpdates.AsNoTracking().Include(p => p.Evidence)
                .Where(p => p.CountryCode == query.Country && slice.Contains(p.RecommendationId))
                .ToListAsync(cancellationToken);
            foreach (var group in rows.GroupBy(p => p.RecommendationId))
            {
                result[group.Key] = group.OrderBy(p => p.On).ThenBy(p => p.RecordedAt)
                    .Select(p => new ProgressView(p.Id, p.On, p.Institution, p.Narrative, p.Links, p.Evidence.Select(e => new EvidenceView(e.Id, e.Label, e.ContentType, e.Size)).ToList(), p.RecordedBy, p.RecordedAt))
                    .ToList();
            }
        }

        return result;
    }

    /// <summary>
    /// The recommendations of <paramref name="country"/> the filter selects; a focal point sees those of their
    /// institution only. A tag filter is written for the use of the query: to count, as a set of ids read from the
    /// tag index (<paramref name="ordered"/> false); to read a page in list order, as a test on each row met while
    /// walking the list's index, which stops at the page's end instead of sorting every match.
    /// </summary>
    internal static IQueryable<Recommendation> Filtered(RecommendationsDbContext db, string country, RecommendationFilter filter, string? onlyInstitution, bool ordered = false)
    {
        var query = db.Recommendations.Where(r => r.CountryCode == country);
        IQueryable<Guid> Tagged(TagKind kind, string value) => db.Tags.Where(t => t.Kind == kind && t.Value == value).Select(t => t.RecommendationId);
        IQueryable<Recommendation> WithTag(IQueryable<Recommendation> q, TagKind kind, string value)
        {
            if (ordered)
            {
                return q.Where(r => db.Tags.Any(t => t.RecommendationId == r.Id && t.Kind == kind && t.Value == value));
            }

            var ids = Tagged(kind, value);
            return q.Where(r => ids.Contains(r.Id));
        }

        // "Lead or supporting" as two id sets, so that each side is read from its index (an OR of a column and a
        // subquery would scan the country's rows).
        IQueryable<Guid> LedOrSupportedBy(string institution) =>
            db.Recommendations.Where(x => x.CountryCode == country && x.LeadInstitution == institution).Select(x => x.Id)
                .Concat(Tagged(TagKind.SupportingInstitution, institution));

        IQueryable<Recommendation> LedOrSupported(IQueryable<Recommendation> q, string institution)
        {
            if (ordered)
            {
                return q.Where(r => r.LeadInstitution == institution || db.Tags.Any(t => t.RecommendationId == r.Id && t.Kind == TagKind.SupportingInstitution && t.Value == institution));
            }

            var ids = LedOrSupportedBy(institution);
            return q.Where(r => ids.Contains(r.Id));
        }

        if (onlyInstitution is { } mine)
        {
            query = LedOrSupported(query, mine);
        }

        if (filter.Body is { } body)
        {
            query = query.Where(r => r.Body == body);
        }

        if (filter.Symbol is { } symbol)
        {
            query = query.Where(r => r.Symbol == symbol);
        }

        if (filter.UprCycle is { } cycle)
        {
            query = query.Where(r => r.UprCycle == cycle);
        }

        if (filter.Response is { } response)
        {
            query = query.Where(r => r.Response == response);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.FollowUp is { } followUp)
        {
            query = query.Where(r => r.FollowUp == followUp);
        }

        if (filter.Institution is { } institution)
        {
            query = LedOrSupported(query, institution);
        }

        foreach (var (kind, value) in TagFilters(filter))
        {
            query = WithTag(query, kind, value);
        }

        if (filter.Cluster is { } code)
        {
            var members = db.ClusterMembers.Where(m => db.Clusters.Any(c => c.Id == m.ClusterId && c.CountryCode == country && c.Code == code)).Select(m => m.RecommendationId);
            query = query.Where(r => members.Contains(r.Id));
        }

        if (FullText.Terms(filter.Query) is { Count: > 0 } terms)
        {
            query = FullText.Apply(db, query, terms, country, filter.Body);
        }

        return query;
    }

    private static IQueryable<Recommendation> Ordered(IQueryable<Recommendation> query) =>
        query.OrderBy(r => r.Body).ThenBy(r => r.Symbol).ThenBy(r => r.Paragraph).ThenBy(r => r.Id);

    private async IAsyncEnumerable<RecommendationView> Stream(StreamRecommendations query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int chunk = 1000;
        for (var skip = 0; ; skip += chunk)
        {
            var items = await Ordered(Filtered(db, query.Country, query.Filter, query.OnlyInstitution)).Skip(skip).Take(chunk)
                .Include(r => r.Tags).AsSplitQuery().AsNoTracking().ToListAsync(cancellationToken);
            foreach (var item in items)
            {
                yield return item.ToView();
            }

            if (items.Count < chunk)
            {
                yield break;
            }
        }
    }

}

/// <summary>
/// Full-text search: on SQLite an FTS5 table kept in step with the recommendations by triggers (created by the
/// migrations); on SQL Server a LIKE per word (add a full-text index there for large deployments).
/// </summary>
internal static class FullText
{
    public static IReadOnlyList<string> Terms(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : query.Split([' ', '\t', '\n', '\r', '"', '\'', '(', ')', '*', ':', '^', '-', '+', ','], StringSplitOptions.RemoveEmptyEntries).Take(10).ToList();

    public static IQueryable<Recommendation> Apply(RecommendationsDbContext db, IQueryable<Recommendation> query, IReadOnlyList<string> terms, string country, string? body)
    {
        if (!db.HasFullTextTable)
        {
            foreach (var term in terms)
            {
                var pattern = "%" + term.Replace("[", "[[]", StringComparison.Ordinal).Replace("%", "[%]", StringComparison.Ordinal).Replace("_", "[_]", StringComparison.Ordinal) + "%";
                query = query.Where(r => EF.Functions.Like(r.Text, pattern));
            }

            return query;
        }

        var match = Match(terms, country, body);
        var ids = db.Database.SqlQuery<Guid>(
            $"SELECT m.\"Id\" AS \"Value\" FROM \"recommendations_SearchRows\" m WHERE m.\"Row\" IN (SELECT rowid FROM \"recommendations_Search\" WHERE \"recommendations_Search\" MATCH {match})");
        return query.Where(r => ids.Contains(r.Id));
    }

    /// <summary>
    /// The FTS5 query: each word quoted and looked for in the text (FTS5 reads the words, never an operator the user
    /// typed), within the country or, when a body is given, the country's body, which the search index holds as words
    /// of its Scope column (the SearchScope migration).
    /// </summary>
    public static string Match(IReadOnlyList<string> terms, string country, string? body) => Match(terms, ScopeWord(country, body));

    private static string Match(IReadOnlyList<string> terms, string? scopeWord) =>
        string.Join(" AND ", terms.Select(t => "\"Text\" : \"" + t + "\"")
            .Concat(scopeWord is null ? [] : ["\"Scope\" : \"" + scopeWord + "\""]));

    private static string ScopeWord(string country, string? body) => (body is null ? "country" + country : "in" + country + body).ToLowerInvariant();

    /// <summary>
    /// Where a search within a country (and a body) looks: its word in the search index's Scope column, or none when
    /// the scope holds every recommendation the database has (the usual case: a mechanism keeps its own country's), as
    /// the scope's word then excludes nothing and costs a merge with a list as long as the index (a count of the
    /// 117,000 matches of one word among 250,000: 23 ms with it, 9 ms without); and how many recommendations it holds
    /// (0 where the database keeps no counts).
    /// </summary>
    internal sealed record SearchScope(string Country, string? Body, string? Word, int Size);

    public static async Task<SearchScope> ScopeAsync(RecommendationsDbContext db, string country, string? body, CancellationToken cancellationToken)
    {
        if (!db.HasKeptCounts)
        {
            return new SearchScope(country, body, ScopeWord(country, body), 0);
        }

        var (size, others) = await KeptCounts.ScopeAsync(db, country, body, cancellationToken);
        return new SearchScope(country, body, others ? ScopeWord(country, body) : null, size);
    }

    /// <summary>A search within a country (and a body) only, counted from the search index alone.</summary>
    public static Task<int> CountAsync(RecommendationsDbContext db, IReadOnlyList<string> terms, SearchScope scope, CancellationToken cancellationToken)
    {
        var match = Match(terms, scope.Word);
        return db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM \"recommendations_Search\" WHERE \"recommendations_Search\" MATCH {match}")
            .SingleAsync(cancellationToken);
    }

    /// <summary>
    /// A page of a search within a country (and a body) whose matches are dense near the page: the list's index walked
    /// in the list's order, each row tested against the search index by its row number (an FTS5 query each, about
    /// 0.1 ms), stopping at the page's end.
    /// </summary>
    public static Task<List<Guid>> DensePageByProbesAsync(RecommendationsDbContext db, IReadOnlyList<string> terms, SearchScope scope, int skip, int take, CancellationToken cancellationToken)
    {
        var (country, body) = (scope.Country, scope.Body);
        var match = Match(terms, scope.Word);
        // Two statements rather than "body IS NULL OR": the body's equality must reach the index for the walk to start at it.
        FormattableString sql;
        if (body is null)
        {
            sql = $"""
                SELECT r."Id" AS "Value" FROM "recommendations_Recommendations" r
                WHERE r."CountryCode" = {country}
                  AND EXISTS (SELECT 1 FROM "recommendations_SearchRows" m JOIN "recommendations_Search" ON "recommendations_Search".rowid = m."Row"
                              WHERE m."Id" = r."Id" AND "recommendations_Search" MATCH {match})
                ORDER BY r."Body", r."Symbol", r."Paragraph", r."Id"
                LIMIT {take} OFFSET {skip}
                """;
        }
        else
        {
            sql = $"""
                SELECT r."Id" AS "Value" FROM "recommendations_Recommendations" r
                WHERE r."CountryCode" = {country} AND r."Body" = {body}
                  AND EXISTS (SELECT 1 FROM "recommendations_SearchRows" m JOIN "recommendations_Search" ON "recommendations_Search".rowid = m."Row"
                              WHERE m."Id" = r."Id" AND "recommendations_Search" MATCH {match})
                ORDER BY r."Body", r."Symbol", r."Paragraph", r."Id"
                LIMIT {take} OFFSET {skip}
                """;
        }

        return db.Database.SqlQuery<Guid>(sql).ToListAsync(cancellationToken);
    }

    /// <summary>The search rows of a search within a country (and a body) only, read from the search index alone; null when there are more than <paramref name="bound"/>.</summary>
    private static async Task<HashSet<long>?> RowsAsync(RecommendationsDbContext db, IReadOnlyList<string> terms, SearchScope scope, long bound, CancellationToken cancellationToken)
    {
        // Read with the provider's reader, not through EF Core: EF Core's materialisation of each row cost several times
        // SQLite's search itself.
        var rows = new HashSet<long>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT rowid FROM \"recommendations_Search\" WHERE \"recommendations_Search\" MATCH $match";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$match";
            parameter.Value = Match(terms, scope.Word);
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rows.Count == bound)
                {
                    return null;
                }

                rows.Add(reader.GetInt64(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return rows;
    }

    /// <summary>
    /// The search rows of a search within a country (and a body) only, read from the search index alone, when they are
    /// few enough to be worth reading to page through them; null when there are more. Walking the list to the end of a
    /// page tests about (skip + take) x records in scope / matches rows, and testing one against the search index
    /// costs about <see cref="ProbeCostInReads"/> reads of a match: reading the matches costs less than the tests while
    /// matches^2 &lt; cost x (skip + take) x scope. Beyond that bound the reading stops, and the page is read by
    /// testing each walked row against the search index (<see cref="DensePageByProbesAsync"/>).
    /// </summary>
    public static Task<HashSet<long>?> FewMatchesAsync(RecommendationsDbContext db, IReadOnlyList<string> terms, SearchScope scope, int toPageEnd, CancellationToken cancellationToken)
    {
        var bound = (long)Math.Sqrt(ProbeCostInReads * toPageEnd * scope.Size);
        return RowsAsync(db, terms, scope, bound, cancellationToken);
    }

    /// <summary>
    /// A test of a walked row against the search index, in reads of a match (measured at 250,000 records;
    /// docs/benchmarks.md; set by a test to take each way).
    /// </summary>
    internal static double ProbeCostInReads { get; set; } = 100;

    /// <summary>
    /// The page: the list's index walked in the list's order with each recommendation's search row, each tested against
    /// the matches in memory, stopping at the page's end.
    /// </summary>
    public static async Task<List<Guid>> DensePageAsync(RecommendationsDbContext db, HashSet<long> matches, SearchScope scope, int skip, int take, CancellationToken cancellationToken)
    {
        var (country, body) = (scope.Country, scope.Body);
        // Two statements rather than "body IS NULL OR": the body's equality must reach the index for the walk to start at it.
        var walk = body is null
            ? db.Database.SqlQuery<ListedRow>($"""
                SELECT m."Row" AS "Row", r."Id" AS "Id" FROM "recommendations_Recommendations" r
                JOIN "recommendations_SearchRows" m ON m."Id" = r."Id"
                WHERE r."CountryCode" = {country}
                ORDER BY r."Body", r."Symbol", r."Paragraph", r."Id"
                """)
            : db.Database.SqlQuery<ListedRow>($"""
                SELECT m."Row" AS "Row", r."Id" AS "Id" FROM "recommendations_Recommendations" r
                JOIN "recommendations_SearchRows" m ON m."Id" = r."Id"
                WHERE r."CountryCode" = {country} AND r."Body" = {body}
                ORDER BY r."Body", r."Symbol", r."Paragraph", r."Id"
                """);
        var page = new List<Guid>(take);
        var seen = 0;
        await foreach (var row in walk.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!matches.Contains(row.Row) || seen++ < skip)
            {
                continue;
            }

            page.Add(row.Id);
            if (page.Count == take)
            {
                break;
            }
        }

        return page;
    }

    /// <summary>A recommendation in the list's order, with its row in the search index.</summary>
    private sealed class ListedRow
    {
        public long Row { get; set; }
        public Guid Id { get; set; }
    }
}
