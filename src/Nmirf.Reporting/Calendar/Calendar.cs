using Mediator;
using Microsoft.EntityFrameworkCore;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Ratifications;
using Nmirf.Reporting.Cycles;

namespace Nmirf.Reporting.Calendar;

/// <summary>A country's reporting calendar today: every report owed, with its due date and the rule behind it.</summary>
public sealed record GetCalendar(string Country) : IQuery<Result<ReportingCalendar>>;

internal sealed class CalendarHandler(ReportingDbContext db, IBodyCatalog bodies, ISender sender, TimeProvider clock) : IQueryHandler<GetCalendar, Result<ReportingCalendar>>
{
    public async ValueTask<Result<ReportingCalendar>> Handle(GetCalendar query, CancellationToken cancellationToken)
    {
        var ratifications = await sender.Send(new ListRatifications(query.Country), cancellationToken);
        if (!ratifications.IsSuccess)
        {
            return Result<ReportingCalendar>.Failure(ratifications.Errors);
        }

        var cycles = await db.Cycles.AsNoTracking().Where(c => c.CountryCode == query.Country).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return CalendarBuilder.Build(query.Country, ratifications.Value, bodies.Bodies, cycles, today);
    }
}
