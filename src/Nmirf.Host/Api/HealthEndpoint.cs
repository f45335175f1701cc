using Nmirf.BuildingBlocks.Persistence;

namespace Nmirf.Host.Api;

/// <summary><c>GET /health</c>: whether the database answers and every module's migrations are applied.</summary>
internal static class HealthEndpoint
{
    public sealed record HealthReport(string Status, DatabaseHealth Database);

    public sealed record DatabaseHealth(string Provider, bool Reachable, IReadOnlyList<ModuleDatabaseStatus> Modules, string? Error);

    public static void MapHealthEndpoint(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (DatabaseMigrator migrator, DatabaseOptions options, ILoggerFactory loggers, CancellationToken ct) =>
            {
                try
                {
                    var modules = await migrator.GetStatusAsync(ct);
                    var healthy = modules.All(m => m.PendingMigrations.Count == 0);
                    var report = new HealthReport(healthy ? "healthy" : "degraded", new DatabaseHealth(options.Provider.ToString(), true, modules, null));
                    return healthy ? Results.Ok(report) : Results.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
                }
#pragma warning disable CA1031 // Any failure to reach the database is the answer this endpoint exists to give.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    loggers.CreateLogger("Nmirf.Health").LogWarning(exception, "The database is unreachable.");
                    var report = new HealthReport("unhealthy", new DatabaseHealth(options.Provider.ToString(), false, [], "the database cannot be reached; see the server log"));
                    return Results.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .AllowAnonymous()
            .WithTags("Health")
            .WithSummary("Database state: provider, reachability, applied and pending migrations per module.");
}
