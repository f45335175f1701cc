using System.Text;
using Mediator;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Host.Security;
using Nmirf.Plugins.Abstractions;
using Nmirf.Reporting.Calendar;
using Nmirf.Reporting.Cycles;
using Nmirf.Reporting.Symbols;

namespace Nmirf.Host.Api;

/// <summary>Document symbols, reporting cycles and the reporting calendar.</summary>
internal static class ReportingEndpoints
{
    public const string CalendarMediaType = "text/calendar";

    public static void MapReportingEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder country)
    {
        var symbols = app.MapGroup("/symbols").WithTags("Document symbols").RequireSignedIn();
        symbols.MapGet("/parse", async (string? symbol, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new ParseSymbol(symbol ?? ""), ct)))
            .WithSummary("What a UN document symbol says: body, country, document kind, report number or range; legacy symbols are marked.");
        symbols.MapGet("/generate", async (string? body, string? kind, string? country, string? report, int? session, int? number, int? year, ISender sender, CancellationToken ct) =>
            {
                if (DocumentKinds.Parse(kind ?? "") is not { } documentKind)
                {
                    return ApiResults.Problem([new Error("kind", $"'{kind}' is not a document kind; use one of {string.Join(", ", Enum.GetValues<DocumentKind>().Select(DocumentKinds.Kebab))}")]);
                }

                var result = await sender.Send(new GenerateSymbol(body, documentKind, country, report, session, number, year), ct);
                return result.IsSuccess ? TypedResults.Ok(new { Symbol = result.Value }) : ApiResults.Problem(result);
            })
            .WithSummary("The symbol of a document, from the body's preferred pattern.");

        country.MapGet("/calendar", async (string country, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new GetCalendar(country), ct)))
            .RequirePermission(Permission.CalendarRead)
            .WithTags("Reporting calendar").WithSummary("Every report owed, with its due date, status and the rule behind it.");
        country.MapGet("/calendar.ics", async (string country, ISender sender, TimeProvider clock, CancellationToken ct) =>
            {
                var result = await sender.Send(new GetCalendar(country), ct);
                return result.IsSuccess
                    ? TypedResults.Text(CalendarExport.ToICalendar(result.Value, clock.GetUtcNow()), CalendarMediaType, Encoding.UTF8)
                    : ApiResults.Problem(result);
            })
            .RequirePermission(Permission.CalendarRead)
            .WithTags("Reporting calendar").WithSummary("The reporting calendar as iCalendar, for any calendar client.");

        var cycles = country.MapGroup("/cycles").WithTags("Reporting cycles");
        cycles.MapGet("/", async (string country, string? body, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new ListCycles(country, body), ct)))
            .RequirePermission(Permission.CyclesRead);
        cycles.MapPost("/", async (string country, ReportingCycleDto cycle, ISender sender, CancellationToken ct) =>
            ApiResults.Created(await sender.Send(new RecordCycle(country, cycle), ct), c => $"/countries/{country}/cycles/{c.Id}")).RequirePermission(Permission.CyclesWrite);
        cycles.MapGet("/{id:guid}", async (string country, Guid id, ISender sender, CancellationToken ct) => ApiResults.Ok(await sender.Send(new GetCycle(country, id), ct)))
            .RequirePermission(Permission.CyclesRead);
        cycles.MapPut("/{id:guid}", async (string country, Guid id, ReportingCycleDto cycle, ISender sender, CancellationToken ct) =>
            ApiResults.Ok(await sender.Send(new UpdateCycle(country, id, cycle), ct))).RequirePermission(Permission.CyclesWrite);
        cycles.MapDelete("/{id:guid}", async (string country, Guid id, ISender sender, CancellationToken ct) =>
            ApiResults.NoContent(await sender.Send(new DeleteCycle(country, id), ct))).RequirePermission(Permission.CyclesWrite);
    }
}
