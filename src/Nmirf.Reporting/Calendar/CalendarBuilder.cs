using Nmirf.BuildingBlocks.Bodies;
using Nmirf.Mandates.Contracts;
using Nmirf.Plugins.Abstractions;
using Nmirf.Reporting.Cycles;
using Nmirf.Reporting.Model;
using Nmirf.Reporting.Symbols;

namespace Nmirf.Reporting.Calendar;

/// <summary>
/// Computes what a country owes (the reports not yet submitted) from its ratifications, the bodies' rules and the
/// cycles recorded so far; what already happened is in the cycles. Each obligation says which rule produced its due date. A due date the committee set (the cycle's next due date)
/// overrides the computed one; reports overdue together are shown as one obligation covering their range, since
/// committees accept combined reports.
/// </summary>
internal static class CalendarBuilder
{
    public static ReportingCalendar Build(string country, IReadOnlyList<RatificationDto> ratifications, IEnumerable<Body> bodies, IReadOnlyList<ReportingCycle> cycles, DateOnly today)
    {
        var obligations = new List<Obligation>();
        var notes = new List<string>();
        foreach (var body in bodies)
        {
            var mine = cycles.Where(c => c.Body == body.Id).ToList();
            if (body.Descriptor.Kind == BodyKind.PeerReview)
            {
                PeerReview(body, mine, today, obligations, notes);
                continue;
            }

            foreach (var instrument in body.Descriptor.Instruments)
            {
                var ratification = ratifications.FirstOrDefault(r => r.Instrument == instrument.Code && r.Action != RatificationAction.Signature);
                if (ratification is null)
                {
                    continue;
                }

                Instrument(body, instrument, ratification, mine.Where(c => c.Instrument == instrument.Code).OrderBy(c => c.ReportFrom).ToList(), today, obligations, notes);
            }
        }

        return new ReportingCalendar(
            country,
            today,
            obligations.OrderBy(o => o.DueOn).ThenBy(o => o.Body, StringComparer.Ordinal).ToList(),
            notes);
    }

    private static void Instrument(Body body, ReportingInstrument instrument, RatificationDto ratification, List<ReportingCycle> cycles, DateOnly today, List<Obligation> obligations, List<string> notes)
    {
        Rule? Find(string key) => body.Rules.Find(instrument.RulePrefix + key) ?? (instrument.RulePrefix.Length > 0 ? null : body.Rules.Find(key));

        // When the instrument entered into force for the state: recorded, or estimated from the deposit date.
        var estimated = ratification.DatePrecision is DatePrecision.Year or DatePrecision.Month;
        string inForceWhy;
        DateOnly inForce;
        if (ratification.EntryIntoForce is { } recorded)
        {
            inForce = recorded;
            inForceWhy = $"entered into force for the state on {recorded:yyyy-MM-dd}";
        }
        else if ((body.Rules.Find(instrument.RulePrefix + RuleKeys.EntryIntoForceAfterDeposit) ?? body.Rules.Find(RuleKeys.EntryIntoForceAfterDeposit)) is { } delay)
        {
            inForce = delay.AsPeriod().AddTo(ratification.Date!.Value);
            estimated = true;
            inForceWhy = $"entry into force estimated as {Describe(ratification)} + {delay.AsPeriod().Describe()} ({delay.Source})";
        }
        else
        {
            inForce = ratification.Date!.Value;
            estimated = true;
            inForceWhy = $"entry into force not recorded; taken as {Describe(ratification)}";
        }

        if (ratification.DatePrecision is DatePrecision.Year or DatePrecision.Month)
        {
            inForceWhy += $"; the {ratification.Action?.ToString().ToLowerInvariant()} date is known only to the {ratification.DatePrecision.ToString()!.ToLowerInvariant()}";
        }

        if (Find(RuleKeys.InitialReportDueAfter) is not { } initialRule)
        {
            notes.Add($"{body.Id}: no rule gives when the initial report under {instrument.Code} is due; nothing computed for it");
            return;
        }

        var initialDue = initialRule.AsPeriod().AddTo(inForce);
        var initialWhy = $"initial report due {initialRule.AsPeriod().Describe()} after entry into force ({initialRule.Source}); {inForceWhy}";

        var last = cycles.LastOrDefault();
        FollowUp(body, last, Find, today, obligations);

        var every = instrument.PeriodicReports ? (Find(RuleKeys.PeriodicReportEvery) ?? Find(RuleKeys.PredictableReviewCycle)) : null;
        if (last is null)
        {
            // Nothing recorded: the initial report, with the periodic reports that fell due since, as one obligation.
            notes.Add($"{body.Id}: no reporting cycle recorded under {instrument.Code}; obligations count from its entry into force until past cycles are recorded");
            Outstanding(body, instrument, 1, initialDue, initialWhy, every, today, estimated, obligations);
            return;
        }

        if (last.NextDueOn is { } set)
        {
            var kind = instrument.PeriodicReports ? DocumentKind.PeriodicReport : DocumentKind.AdditionalInformation;
            var why = $"set by the committee in its concluding observations on report {last.Report}{(last.ConcludingObservationsSymbol is { } co ? $" ({co})" : "")}";
            if (kind == DocumentKind.PeriodicReport)
            {
                Outstanding(body, instrument, last.ReportTo + 1, set, why, every, today, false, obligations);
            }
            else
            {
                obligations.Add(Owed(body, instrument, kind, null, set, why, today, false));
            }

            return;
        }

        if (every is null)
        {
            return;
        }

        // The committee did not set the next date (or it is not recorded): the periodicity after the date the last
        // report was due, or, when that is not recorded either, after the last review.
        var (lastDate, basis) = last switch
        {
            { DueOn: { } due } => (due, $"report {last.Report} was due on {due:yyyy-MM-dd}"),
            { ConcludingObservationsOn: { } adopted } => (adopted, $"the concluding observations on report {last.Report} of {adopted:yyyy-MM-dd}"),
            { DialogueOn: { } dialogue } => (dialogue, $"the dialogue on report {last.Report} of {dialogue:yyyy-MM-dd}"),
            { SubmittedOn: { } submitted } => (submitted, $"the submission of report {last.Report} on {submitted:yyyy-MM-dd}"),
            _ => ((DateOnly?)null, ""),
        };
        if (lastDate is null)
        {
            notes.Add($"{body.Id}: the cycle of report {last.Report} has no dates; record its due date, dialogue or concluding observations (or the next due date the committee set) to compute the next report");
            return;
        }

        var nextWhy = $"due {every.AsPeriod().Describe()} after {basis} ({every.Source})"
            + (last.DueOn is null ? "; the date the committee set for it is not recorded" : "");
        Outstanding(body, instrument, last.ReportTo + 1, every.AsPeriod().AddTo(lastDate.Value), nextWhy, every, today, last.DueOn is null, obligations);
    }

    /// <summary>The report <paramref name="number"/> due on <paramref name="due"/>, combined with those that fell due after it, up to today.</summary>
    private static void Outstanding(Body body, ReportingInstrument instrument, int number, DateOnly due, string why, Rule? every, DateOnly today, bool estimated, List<Obligation> obligations)
    {
        var to = number;
        if (due < today && every is not null)
        {
            for (var next = every.AsPeriod().AddTo(due); next <= today; next = every.AsPeriod().AddTo(next))
            {
                to++;
            }
        }

        var report = new ReportNumber(number, to);
        var kind = report.From == 1 ? DocumentKind.InitialReport : DocumentKind.PeriodicReport;
        if (to > number)
        {
            why += $"; reports {number + 1} to {to} fell due since (every {every!.AsPeriod().Describe()}) and may be combined";
        }

        obligations.Add(Owed(body, instrument, kind, report.ToString(), due, why, today, estimated));
    }

    private static void FollowUp(Body body, ReportingCycle? last, Func<string, Rule?> find, DateOnly today, List<Obligation> obligations)
    {
        if (last?.ConcludingObservationsOn is not { } adopted || last.FollowUpSubmittedOn is not null)
        {
            return;
        }

        if (last.FollowUpDueOn is { } set)
        {
            obligations.Add(Owed(body, null, DocumentKind.FollowUpInformation, last.Report.ToString(), set, "set by the committee in its concluding observations", today, false));
        }
        else if (find(RuleKeys.FollowUpDeadline) is { } deadline)
        {
            var why = $"follow-up information due {deadline.AsPeriod().Describe()} after the concluding observations of {adopted:yyyy-MM-dd} ({deadline.Source}); record its submission on the cycle once sent";
            obligations.Add(Owed(body, null, DocumentKind.FollowUpInformation, last.Report.ToString(), deadline.AsPeriod().AddTo(adopted), why, today, !deadline.Verified));
        }
    }

    private static void PeerReview(Body body, List<ReportingCycle> cycles, DateOnly today, List<Obligation> obligations, List<string> notes)
    {
        var last = cycles.Where(c => c.DialogueOn is not null).MaxBy(c => c.DialogueOn);
        if (last is null || body.Rules.Find(RuleKeys.ReviewCycleLength) is not { } length)
        {
            notes.Add($"{body.Id}: record the state's last review to see when the next one falls");
            return;
        }

        var cycleLength = length.AsPeriod();
        var nextReview = cycleLength.AddTo(last.DialogueOn!.Value);
        var midTerm = cycleLength.Half().AddTo(last.DialogueOn.Value);
        if (midTerm > today)
        {
            obligations.Add(new Obligation(body.Id, null, DocumentKind.UprMidTermReport, last.Report.ToString(), midTerm, ObligationStatus.Voluntary, null,
                $"voluntary mid-term report, halfway between the review of {last.DialogueOn:yyyy-MM-dd} and the next ({length.Source})", true, null, null));
        }

        obligations.Add(Owed(body, null, DocumentKind.UprNationalReport, (last.ReportTo + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), nextReview,
            $"next review expected one cycle ({cycleLength.Describe()}, {length.Source}) after the review of {last.DialogueOn:yyyy-MM-dd}; the national report is due before it, on a date OHCHR sets",
            today, true));
    }

    private static Obligation Owed(Body body, ReportingInstrument? instrument, DocumentKind kind, string? report, DateOnly due, string why, DateOnly today, bool estimated) =>
        new(body.Id, instrument?.Code, kind, report, due,
            due < today ? ObligationStatus.Overdue : ObligationStatus.Due,
            due < today ? today.DayNumber - due.DayNumber : null,
            why, estimated, null, null);

    private static string Describe(RatificationDto ratification) =>
        $"the {ratification.Action?.ToString().ToLowerInvariant()} of {ratification.Date:yyyy-MM-dd}";
}
