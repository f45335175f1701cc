using Mediator;
using Microsoft.AspNetCore.Mvc;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Host.Security;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Export;
using Nmirf.Recommendations.Importing;
using Nmirf.Recommendations.Use;

namespace Nmirf.Host.Api;

/// <summary>A country's recommendations: import, list and filter, summaries, export, assignment, status, progress, follow-up.</summary>
internal static class RecommendationEndpoints
{
    public sealed record AssignmentRequest(string? Lead, IReadOnlyList<string>? Supporting);

    public sealed record StatusRequest(ImplementationStatus? Status, DateOnly? On, string? Institution, string? Reason);

    public sealed record FollowUpRequest(IReadOnlyList<Guid>? Ids, DateOnly? Deadline);

    public sealed record ThemesRequest(IReadOnlyList<string>? Themes);

    public sealed record ClusterRequest(string? Name, string? Description);

    public sealed record MembersRequest(IReadOnlyList<Guid>? Add, IReadOnlyList<Guid>? Remove);

    /// <summary>The filters of a list, from the query string.</summary>
    public sealed record FilterQuery(
        string? Body, string? Symbol, int? Cycle, string? Theme, string? Sdg, string? Affected, string? State,
        UprResponse? Response, ImplementationStatus? Status, string? Institution, bool? FollowUp, string? Q, string? Cluster)
    {
        public RecommendationFilter ToFilter() => new()
        {
            Body = Body, Symbol = Symbol, UprCycle = Cycle, Theme = Theme, Sdg = Sdg, AffectedPersons = Affected, RecommendingState = State,
            Response = Response, Status = Status, Institution = Institution, FollowUp = FollowUp, Query = Q, Cluster = Cluster,
        };
    }

    public static void MapRecommendationEndpoints(this RouteGroupBuilder country)
    {
        var recommendations = country.MapGroup("/recommendations").WithTags("Recommendations");
        recommendations.MapGet("/", async (string country, [AsParameters] FilterQuery filter, int? page, int? pageSize, CallerAccessor callers, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new ListRecommendations(country, filter.ToFilter(), page ?? 1, pageSize ?? 50, await RestrictionAsync(callers, country, ct)), ct)))
            .RequirePermission(Permission.RecommendationsRead)
            .WithSummary("A page of the recommendations the filters select (a focal point sees their institution's only).");
        recommendations.MapGet("/summary", async (string country, [AsParameters] FilterQuery filter, CallerAccessor callers, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new SummarizeRecommendations(country, filter.ToFilter(), await RestrictionAsync(callers, country, ct)), ct)))
            .RequirePermission(Permission.RecommendationsRead)
            .WithSummary("Counts by status, institution, body and SDG goal, for dashboards.");
        recommendations.MapGet("/export", async (string country, string? format, [AsParameters] FilterQuery filter, HttpContext http, CallerAccessor callers, ISender sender, CancellationToken ct) =>
            {
                var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
                if (!xlsx && format is not null && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
                {
                    return ApiResults.Problem([new Error("format", $"'{format}' is not csv or xlsx")]);
                }

                var rows = await sender.Send(new StreamRecommendations(country, filter.ToFilter(), await RestrictionAsync(callers, country, ct)), ct);
                http.Response.ContentType = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"recommendations-{country}.{(xlsx ? "xlsx" : "csv")}\"";
                if (xlsx)
                {
                    await RecommendationExport.WriteXlsxAsync(http.Response.Body, rows, ct);
                }
                else
                {
                    await RecommendationExport.WriteCsvAsync(http.Response.Body, rows, ct);
                }

                return Results.Empty;
            })
            .RequirePermission(Permission.RecommendationsRead)
            .WithSummary("The filtered list as CSV (default) or XLSX.");
        recommendations.MapPost("/import", ImportAsync)
            .RequirePermission(Permission.RecommendationsWrite).RequireRateLimiting(SecurityServices.ImportLimit)
            .WithMetadata(new RequestSizeLimitAttribute(1024L * 1024 * 1024))
            .WithSummary("Imports a file (the request body; name it with ?fileName=): UHRI JSON, xlsx or CSV, UPR Info CSV, UPR matrix, or pasted concluding observations (?symbol=). ?dryRun=true writes nothing; ?skipInvalid=true imports the valid records and lists the others.");
        recommendations.MapPost("/follow-up", async (string country, FollowUpRequest body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new SelectForFollowUp(country, body.Ids ?? [], body.Deadline), ct)))
            .RequirePermission(Permission.RecommendationsWrite)
            .WithSummary("Marks the recommendations a committee selected for follow-up; the deadline follows the body's rule unless given.");
        recommendations.MapGet("/{id:guid}", async (string country, Guid id, CallerAccessor callers, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new GetRecommendation(country, id, await RestrictionAsync(callers, country, ct)), ct)))
            .RequirePermission(Permission.RecommendationsRead);
        recommendations.MapPut("/{id:guid}/assignment", async (string country, Guid id, AssignmentRequest body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new AssignRecommendation(country, id, body.Lead, body.Supporting ?? []), ct)))
            .RequirePermission(Permission.RecommendationsWrite);
        recommendations.MapPost("/{id:guid}/status", async (string country, Guid id, StatusRequest body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new SetRecommendationStatus(country, id, body.Status, body.On, body.Institution, body.Reason), ct)))
            .RequirePermission(Permission.RecommendationsWrite);
        recommendations.MapPost("/{id:guid}/themes", async (string country, Guid id, ThemesRequest body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new AddThemes(country, id, body.Themes ?? []), ct)))
            .RequirePermission(Permission.RecommendationsWrite);
        recommendations.MapGet("/{id:guid}/suggestions", async (string country, Guid id, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new SuggestForRecommendation(country, id), ct)))
            .RequirePermission(Permission.RecommendationsWrite)
            .WithSummary("Themes and a lead institution suggested from the most similar recommendations already assigned, with those recommendations: suggestions until someone accepts them.");
        recommendations.MapPost("/{id:guid}/progress", AddProgressAsync)
            .RequirePermission(Permission.ProgressWrite).DisableAntiforgery()
            .WithSummary("Adds a progress update (multipart form: on, institution, narrative, link (repeated), files).");
        recommendations.MapGet("/{id:guid}/evidence/{fileId:guid}", async (string country, Guid id, Guid fileId, CallerAccessor callers, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new GetEvidence(country, id, fileId, await RestrictionAsync(callers, country, ct)), ct);
                return result.IsSuccess
                    ? Results.File(result.Value.Content, result.Value.File.ContentType, result.Value.File.Label)
                    : ApiResults.Problem(result);
            })
            .RequirePermission(Permission.RecommendationsRead);
    }

    public static void MapClusterEndpoints(this RouteGroupBuilder country)
    {
        var clusters = country.MapGroup("/clusters").WithTags("Recommendations");
        clusters.MapGet("/", async (string country, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListClusters(country), ct)))
            .RequirePermission(Permission.RecommendationsRead);
        clusters.MapPut("/{code}", async (string country, string code, ClusterRequest body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new SaveCluster(country, code, body.Name, body.Description), ct)))
            .RequirePermission(Permission.RecommendationsWrite)
            .WithSummary("Creates or renames a cluster of recommendations (a group for a follow-up plan).");
        clusters.MapPost("/{code}/members", async (string country, string code, MembersRequest body, ISender sender, CancellationToken ct) =>
                ApiResults.Ok(await sender.Send(new ChangeClusterMembers(country, code, body.Add ?? [], body.Remove ?? []), ct)))
            .RequirePermission(Permission.RecommendationsWrite);
    }

    private static async Task<string?> RestrictionAsync(CallerAccessor callers, string country, CancellationToken ct) =>
        (await callers.GetAsync(ct))?.RestrictedTo(country);

    private static async Task<IResult> ImportAsync(
        string country, string? fileName, string? format, string? symbol, bool? dryRun, bool? skipInvalid, bool? allCountries,
        HttpRequest request, CallerAccessor callers, ISender sender, CancellationToken ct)
    {
        if (allCountries == true && (await callers.GetAsync(ct)) is not { NetworkAdministrator: true })
        {
            // Rows of other countries would be written where the caller may hold no role.
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "only a network administrator imports into every country (allCountries)");
        }

        RecommendationFormat? chosen = null;
        if (format is not null && format != "auto")
        {
            if (RecommendationFormatNames.Parse(format) is not { } parsed)
            {
                return ApiResults.Problem([new Error("format", $"'{format}' is not one of auto, {string.Join(", ", RecommendationFormatNames.All)}")]);
            }

            chosen = parsed;
        }

        var result = await sender.Send(new ImportRecommendations(country, request.Body, fileName ?? "upload", chosen, symbol, dryRun ?? false, skipInvalid ?? false, allCountries ?? false), ct);
        return ApiResults.Ok(result);
    }

    private static async Task<IResult> AddProgressAsync(string country, Guid id, HttpRequest request, CallerAccessor callers, ISender sender, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ApiResults.Problem([new Error("", "send a multipart form: on, institution, narrative, link (repeated), files")]);
        }

        var form = await request.ReadFormAsync(ct);
        DateOnly? on = null;
        if (form["on"].ToString() is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                return ApiResults.Problem([new Error("on", $"'{text}' is not a date (yyyy-MM-dd)")]);
            }

            on = date;
        }

        var evidence = form.Files.Select(f => new EvidenceUpload(f.FileName, f.ContentType, f.OpenReadStream())).ToList();
        try
        {
            var result = await sender.Send(new AddProgress(country, id, on, form["institution"].ToString() is { Length: > 0 } i ? i : null, form["narrative"].ToString(),
                form["link"].Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList(), evidence, await RestrictionAsync(callers, country, ct)), ct);
            return ApiResults.Ok(result);
        }
        finally
        {
            evidence.ForEach(e => e.Content.Dispose());
        }
    }
}
