using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Nmirf.Plugins.Abstractions;
using Nmirf.Reporting.Cycles;

namespace Nmirf.Reporting.Calendar;

/// <summary>The reporting calendar as iCalendar (RFC 5545): one all-day event per obligation, which any calendar client opens.</summary>
public static class CalendarExport
{
    public static string ToICalendar(ReportingCalendar calendar, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var ical = new Ical.Net.Calendar { ProductId = "-//Nmirf//Reporting calendar//EN" };
        ical.AddProperty("X-WR-CALNAME", $"Reporting obligations of {calendar.Country}");
        foreach (var obligation in calendar.Obligations)
        {
            var what = $"{obligation.Body.ToUpperInvariant()}: {Describe(obligation)}";
            ical.Events.Add(new CalendarEvent
            {
                Uid = $"{calendar.Country}-{obligation.Body}-{obligation.Instrument ?? "all"}-{DocumentKinds.Kebab(obligation.Document)}-{obligation.Report ?? "none"}@nmirf".ToLowerInvariant(),
                Summary = $"{what} ({calendar.Country}) - {Status(obligation)}",
                Description = obligation.Rule + (obligation.Estimated ? " (estimated)" : "") + (obligation.Symbol is { } symbol ? $" Symbol: {symbol}." : ""),
                DtStart = new CalDateTime(obligation.DueOn),
                DtStamp = new CalDateTime(stamp.UtcDateTime),
                Categories = [obligation.Body.ToUpperInvariant(), obligation.Status.ToString()],
            });
        }

        return new CalendarSerializer().SerializeToString(ical) ?? "";
    }

    /// <summary>An obligation in words, such as <c>periodic report 5-6</c>.</summary>
    public static string Describe(Obligation obligation) =>
        DocumentKinds.Kebab(obligation.Document).Replace('-', ' ').Replace("follow up", "follow-up", StringComparison.Ordinal).Replace("upr ", "UPR ", StringComparison.Ordinal)
        + (obligation.Report is { } report ? $" {report}" : "");

    private static string Status(Obligation obligation) => obligation.Status switch
    {
        ObligationStatus.Overdue => $"overdue by {obligation.DaysOverdue} days",
        ObligationStatus.Due => "due",
        ObligationStatus.Voluntary => "voluntary",
        _ => obligation.Status.ToString().ToLowerInvariant(),
    };
}
