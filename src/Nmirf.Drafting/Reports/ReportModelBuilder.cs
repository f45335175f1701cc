using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediator;
using Nmirf.BuildingBlocks.Bodies;
using Nmirf.BuildingBlocks.Errors;
using Nmirf.Mandates.Contracts;
using Nmirf.Mandates.Countries;
using Nmirf.Mandates.Institutions;
using Nmirf.Mandates.Mechanisms;
using Nmirf.Mandates.Ratifications;
using Nmirf.Plugins.Abstractions;
using Nmirf.Recommendations.Contracts;
using Nmirf.Recommendations.Use;
using Nmirf.Reporting.Calendar;
using Nmirf.Reporting.Cycles;
using Nmirf.Reporting.Symbols;
using Nmirf.Workflows.Contracts;
using Nmirf.Workflows.Cycles;
using Nmirf.Workflows.Tasks;

namespace Nmirf.Drafting.Reports;

/// <summary>What a draft is asked for.</summary>
/// <param name="Cycle">A cycle's workflow run or a recorded reporting cycle; when null, the country's running cycle for the body, else the next report the calendar says is owed.</param>
public sealed record DraftSubject(string Country, string Body, DocumentKind Document, Guid? Cycle, string Language);

/// <summary>
/// Gathers the report model from the other modules through their public requests: the mandate, the body, the cycle,
/// the previous recommendations with their progress, the cycle's task answers and the consultation record.
/// </summary>
internal sealed partial class ReportModelBuilder(ISender sender, IBodyCatalog bodies, DocumentSymbols symbols, TimeProvider clock)
{
    public async Task<Result<ReportModel>> BuildAsync(DraftSubject subject, CancellationToken cancellationToken)
    {
        var country = await sender.Send(new GetCountry(subject.Country), cancellationToken);
        if (!country.IsSuccess)
        {
            return Result<ReportModel>.Failure(country.Errors);
        }

        if (bodies.Find(subject.Body) is not { } body)
        {
            return Error.NotFound("body", $"no loaded plugin '{subject.Body}'; the bodies are {string.Join(", ", bodies.Bodies.Select(b => b.Id))}.");
        }

        if (body.Descriptor.Kind != BodyKind.PeerReview)
        {
            var ratified = await RatifiedInstrumentAsync(subject.Country, body, cancellationToken);
            if (!ratified.IsSuccess)
            {
                return Result<ReportModel>.Failure(ratified.Errors);
            }
        }

        var recorded = await sender.Send(new ListCycles(subject.Country, subject.Body), cancellationToken);
        var main = MainInstrument(body);
        var cycles = recorded.IsSuccess ? recorded.Value.Where(c => c.Instrument is null || c.Instrument == main).ToList() : [];
        var cycle = await ResolveCycleAsync(subject, body, cycles, cancellationToken);
        if (!cycle.IsSuccess)
        {
            return Result<ReportModel>.Failure(cycle.Errors);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (current, run) = cycle.Value;
        // Follow-up information answers the concluding observations on the current report; every other document the
        // observations on the report before it.
        var previous = PreviousCycle(cycles, current, inclusive: subject.Document == DocumentKind.FollowUpInformation);
        var reportNumber = ReportNumber.TryParse(current.Report, out var parsedReport) ? parsedReport : (ReportNumber?)null;

        var institutions = (await sender.Send(new ListInstitutions(subject.Country), cancellationToken)) is { IsSuccess: true } list ? list.Value : [];
        var names = institutions.Where(i => i.Code is not null).ToDictionary(i => i.Code!, i => i.Name ?? i.Code!, StringComparer.Ordinal);
        var mechanism = (await sender.Send(new GetMechanism(subject.Country), cancellationToken)) is { IsSuccess: true } m ? m.Value : null;

        var recommendations = await PreviousRecommendationsAsync(subject, body, previous, reportNumber, cancellationToken);
        var placed = Place(body.Descriptor.Structure, recommendations, out var unplaced);
        var questions = current.ListOfIssuesSymbol is { } loi ? await QuestionsAsync(subject.Country, loi, cancellationToken) : [];
        var tasks = run is null ? [] : await TasksAsync(subject.Country, run.Id, cancellationToken);

        var symbol = current.Symbol is { } known && subject.Document is DocumentKind.PeriodicReport or DocumentKind.InitialReport
            ? known
            : symbols.Generate(subject.Body, subject.Document, subject.Country, reportNumber, year: today.Year) is { IsSuccess: true } generated ? generated.Value : null;
        var limit = body.Rules.Find(RuleKeys.WordLimit(subject.Document)) is { Type: RuleType.Number } rule ? rule.AsNumber() : (int?)null;

        return new ReportModel(
            new DocumentInfo(DocumentKinds.Kebab(subject.Document), subject.Language, symbol, limit, today),
            new CountryInfo(country.Value.Code!, country.Value.Name ?? country.Value.Code!, country.Value.WorkingLanguages),
            new MechanismInfo(
                mechanism?.Name, mechanism?.Acronym, Kebab(mechanism?.Type), Kebab(mechanism?.LegalBasis?.Kind), mechanism?.LegalBasis?.Reference,
                mechanism?.LegalBasis?.AdoptedOn, mechanism?.LegalBasis?.Url,
                institutions.Select(i => new InstitutionInfo(i.Code ?? "", i.Name ?? i.Code ?? "", i.Acronym, Kebab(i.Kind), Kebab(i.Role))).ToList()),
            new BodyInfo(body.Id, body.Descriptor.Name, body.Descriptor.Acronym, body.Descriptor.Treaty, Kebab(body.Descriptor.Kind)!,
                Kebab(body.Descriptor.Structure.Kind)!, body.Descriptor.Structure.Source, placed),
            new CycleInfo(current.Report, reportNumber?.From, reportNumber?.To, current.Symbol, Kebab(current.Procedure), current.DueOn,
                previous?.ConcludingObservationsOn ?? previous?.DialogueEndOn ?? previous?.DialogueOn, today, current.ListOfIssuesSymbol, current.DialogueOn, run?.Id),
            new PreviousReview(previous?.ConcludingObservationsSymbol ?? recommendations.FirstOrDefault()?.Symbol, previous?.ConcludingObservationsOn, previous?.Report, recommendations, unplaced),
            questions,
            recommendations.Where(r => r.FollowUp).ToList(),
            Answers(tasks, names),
            Consultation(tasks, names),
            Count(recommendations));
    }

    private async Task<Result<bool>> RatifiedInstrumentAsync(string country, Body body, CancellationToken cancellationToken)
    {
        var ratifications = await sender.Send(new ListRatifications(country), cancellationToken);
        if (!ratifications.IsSuccess)
        {
            return Result<bool>.Failure(ratifications.Errors);
        }

        var codes = body.Descriptor.Instruments.Select(i => i.Code).ToList();
        return ratifications.Value.Any(r => codes.Contains(r.Instrument ?? "") && r.Action is not null and not RatificationAction.Signature)
            ? true
            : new Error("body", $"{country} has not ratified or acceded to {string.Join(" or ", codes)}, so it does not report to {body.Descriptor.Acronym} ({body.Id}); record the ratification in the mandate first.");
    }

    /// <summary>The cycle of the draft, as a reporting-cycle record, with its workflow run when there is one.</summary>
    private async Task<Result<(ReportingCycleDto Cycle, CycleRunDto? Run)>> ResolveCycleAsync(DraftSubject subject, Body body, List<ReportingCycleDto> cycles, CancellationToken cancellationToken)
    {
        if (subject.Cycle is { } id)
        {
            if (await sender.Send(new GetCycleRun(id, subject.Country), cancellationToken) is { IsSuccess: true } found)
            {
                return found.Value.Body != subject.Body
                    ? new Error("cycle", $"cycle {id} is a {found.Value.Body} cycle, not {subject.Body}.")
                    : (await FromRunAsync(subject.Country, found.Value, cancellationToken), found.Value);
            }

            var recorded = await sender.Send(new GetCycle(subject.Country, id), cancellationToken);
            if (!recorded.IsSuccess)
            {
                return Error.NotFound("cycle", $"no cycle {id} in {subject.Country}: neither a cycle run (nmirf cycle list) nor a recorded reporting cycle (nmirf cycles list).");
            }

            return recorded.Value.Body != subject.Body
                ? new Error("cycle", $"reporting cycle {id} is a {recorded.Value.Body} cycle, not {subject.Body}.")
                : (recorded.Value, null);
        }

        var runs = await sender.Send(new ListCycleRuns(subject.Country, subject.Body, RunState.Running), cancellationToken);
        if (runs is { IsSuccess: true } && runs.Value.OrderByDescending(r => r.StartedAt).FirstOrDefault() is { } latest)
        {
            return (await FromRunAsync(subject.Country, latest, cancellationToken), latest);
        }

        // No running cycle: the report the calendar says is owed (the document asked for first, else the report),
        // else the one after the last recorded cycle.
        var calendar = await sender.Send(new GetCalendar(subject.Country), cancellationToken);
        var owed = calendar.IsSuccess
            ? calendar.Value.Obligations.Where(o => o.Body == subject.Body && (o.Instrument is null || o.Instrument == MainInstrument(body)))
                .OrderBy(o => o.Document == subject.Document ? 0 : o.Document is DocumentKind.PeriodicReport or DocumentKind.InitialReport or DocumentKind.UprNationalReport ? 1 : 2)
                .ThenBy(o => o.DueOn).FirstOrDefault()
            : null;
        if (owed is not null)
        {
            return (new ReportingCycleDto { Body = subject.Body, Report = owed.Report, DueOn = owed.DueOn, Symbol = owed.Document == subject.Document ? owed.Symbol : null }, null);
        }

        var last = cycles.Select(c => ReportNumber.TryParse(c.Report, out var n) ? n.To : 0).DefaultIfEmpty(0).Max();
        return (new ReportingCycleDto { Body = subject.Body, Report = (last + 1).ToString(CultureInfo.InvariantCulture) }, null);
    }

    /// <summary>The body's main treaty: the cycles of its protocols (CRC's OPAC, OPSC) are not the report's.</summary>
    private static string? MainInstrument(Body body) => body.Descriptor.Instruments.Count > 0 ? body.Descriptor.Instruments[0].Code : null;

    private async Task<ReportingCycleDto> FromRunAsync(string country, CycleRunDto run, CancellationToken cancellationToken)
    {
        if (run.ReportingCycle is { } id && await sender.Send(new GetCycle(country, id), cancellationToken) is { IsSuccess: true } recorded)
        {
            return recorded.Value with { DueOn = recorded.Value.DueOn ?? run.DueOn };
        }

        return new ReportingCycleDto { Body = run.Body, Report = run.Report, DueOn = run.DueOn };
    }

    /// <summary>The last recorded cycle before the current one that ended in concluding observations (or a UPR outcome).</summary>
    private static ReportingCycleDto? PreviousCycle(IReadOnlyList<ReportingCycleDto> cycles, ReportingCycleDto current, bool inclusive)
    {
        var before = ReportNumber.TryParse(current.Report, out var number) ? (inclusive ? number.To + 1 : number.From) : int.MaxValue;
        return cycles
            .Where(c => (inclusive || c.Id != current.Id) && c.ConcludingObservationsSymbol is not null)
            .Select(c => (Cycle: c, Number: ReportNumber.TryParse(c.Report, out var n) ? n.To : 0))
            .Where(c => c.Number < before)
            .OrderByDescending(c => c.Number)
            .Select(c => c.Cycle)
            .FirstOrDefault();
    }

    private async Task<List<RecommendationInfo>> PreviousRecommendationsAsync(DraftSubject subject, Body body, ReportingCycleDto? previous, ReportNumber? current, CancellationToken cancellationToken)
    {
        RecommendationFilter filter;
        if (body.Descriptor.Kind == BodyKind.PeerReview)
        {
            int? cycle = current is { } c ? c.From - 1 : (previous is not null && ReportNumber.TryParse(previous.Report, out var p) ? p.To : null);
            filter = new RecommendationFilter { Body = subject.Body, UprCycle = cycle };
        }
        else
        {
            filter = new RecommendationFilter { Body = subject.Body, Symbol = previous?.ConcludingObservationsSymbol };
        }

        var views = new List<RecommendationView>();
        await foreach (var view in await sender.Send(new StreamRecommendations(subject.Country, filter), cancellationToken))
        {
            views.Add(view);
        }

        if (filter.Symbol is null && body.Descriptor.Kind != BodyKind.PeerReview && views.Count > 0)
        {
            // No concluding observations recorded: the body's most recent document of recommendations stands in.
            var latest = views.Where(v => v.Symbol is not null).OrderByDescending(v => v.PublicationDate).ThenByDescending(v => v.Symbol, StringComparer.Ordinal).FirstOrDefault()?.Symbol;
            views = views.Where(v => v.Symbol == latest).ToList();
        }

        var progress = await sender.Send(new ListProgress(subject.Country, views.Select(v => v.Id).ToList()), cancellationToken);
        return views
            .OrderBy(v => v.Symbol, StringComparer.Ordinal).ThenBy(v => ParagraphKey(v.Paragraph), StringComparer.Ordinal)
            .Select(v => new RecommendationInfo(
                v.Id, v.Symbol, v.Paragraph, v.Text, Kebab(v.Type)!, Kebab(v.Status)!, Kebab(v.Response), v.LeadInstitution, v.SupportingInstitutions,
                v.Themes, v.SdgGoals, v.RecommendingStates, v.FollowUp, v.FollowUpDeadline, null,
                progress.TryGetValue(v.Id, out var updates) ? updates.Select(ToProgress).ToList() : []))
            .ToList();
    }

    private async Task<List<QuestionInfo>> QuestionsAsync(string country, string symbol, CancellationToken cancellationToken)
    {
        var views = new List<RecommendationView>();
        await foreach (var view in await sender.Send(new StreamRecommendations(country, new RecommendationFilter { Symbol = symbol }), cancellationToken))
        {
            views.Add(view);
        }

        var progress = await sender.Send(new ListProgress(country, views.Select(v => v.Id).ToList()), cancellationToken);
        return views.OrderBy(v => ParagraphKey(v.Paragraph), StringComparer.Ordinal)
            .Select(v => new QuestionInfo(v.Paragraph ?? "", v.Text, progress.TryGetValue(v.Id, out var updates) ? updates.Select(ToProgress).ToList() : []))
            .ToList();
    }

    private async Task<IReadOnlyList<TaskDto>> TasksAsync(string country, Guid run, CancellationToken cancellationToken)
    {
        var tasks = await sender.Send(new ListTasks(country, Run: run, Take: 1000), cancellationToken);
        return tasks.IsSuccess ? tasks.Value : [];
    }

    private static ProgressInfo ToProgress(ProgressView p) => new(p.On, p.Institution, p.Narrative, p.Links, p.Evidence.Select(e => e.Label).ToList());

    /// <summary>Paragraph numbers in reading order: <c>9</c> before <c>10</c>, <c>23(a)</c> after <c>23</c>, <c>140.7</c> after <c>140.6</c>.</summary>
    private static string ParagraphKey(string? paragraph) =>
        paragraph is null ? "~" : Digits().Replace(paragraph, m => m.Value.PadLeft(6, '0'));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>
    /// Places each recommendation in the part of the report whose article its text cites first ("article 6",
    /// "art. 14", "articles 2 and 26"; French, Spanish and Portuguese forms too). A recommendation that cites no
    /// article of a part stays unplaced; templates answer those after the parts. Sections (the UPR) place nothing.
    /// </summary>
    internal static List<PartInfo> Place(ReportStructure structure, List<RecommendationInfo> recommendations, out List<RecommendationInfo> unplaced)
    {
        var byArticle = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < structure.Parts.Count; i++)
        {
            foreach (var article in structure.Parts[i].Articles)
            {
                byArticle.TryAdd(ArticleNumber().Match(article).Value, i);
            }
        }

        var parts = structure.Parts.Select(_ => new List<RecommendationInfo>()).ToList();
        unplaced = [];
        for (var r = 0; r < recommendations.Count; r++)
        {
            var recommendation = recommendations[r];
            var cited = structure.Kind == StructureKind.Sections ? null : CitedArticles(recommendation.Text).FirstOrDefault(byArticle.ContainsKey);
            if (cited is null)
            {
                unplaced.Add(recommendation);
                continue;
            }

            var placedRecommendation = recommendation with { PlacedBy = $"article {cited}" };
            recommendations[r] = placedRecommendation;
            parts[byArticle[cited]].Add(placedRecommendation);
        }

        return structure.Parts.Select((p, i) => new PartInfo(p.Id, p.Title, p.Articles, parts[i])).ToList();
    }

    private static IEnumerable<string> CitedArticles(string text)
    {
        foreach (Match match in ArticleReference().Matches(text))
        {
            foreach (Match number in ArticleNumber().Matches(match.Groups["list"].Value))
            {
                yield return number.Value;
            }
        }
    }

    [GeneratedRegex(@"\b(?:articles?|arts?\.|artículos?|artigos?)\s+(?<list>\d+(?:\s*\([a-z0-9]+\))*(?:\s*(?:,|and|et|y|e|-|–)\s*\d+(?:\s*\([a-z0-9]+\))*)*)", RegexOptions.IgnoreCase)]
    private static partial Regex ArticleReference();

    [GeneratedRegex(@"\d+")]
    private static partial Regex ArticleNumber();

    private static List<TaskAnswerInfo> Answers(IReadOnlyList<TaskDto> tasks, Dictionary<string, string> names) =>
        tasks.Where(t => t.State == TaskState.Completed && t.Answers is { ValueKind: JsonValueKind.Object })
            .OrderBy(t => t.CompletedAt)
            .Select(t => new TaskAnswerInfo(
                t.Step, t.Title, t.Institution is { } code ? names.GetValueOrDefault(code, code) : null,
                t.CompletedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null,
                t.Answers!.Value.EnumerateObject().Select(p => new AnswerField(p.Name, Text(p.Value))).ToList()))
            .ToList();

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Array => string.Join("; ", value.EnumerateArray().Select(Text)),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    private static List<ConsultationInfo> Consultation(IReadOnlyList<TaskDto> tasks, Dictionary<string, string> names) =>
        tasks.Where(t => t.Institution is not null)
            .GroupBy(t => t.Institution!, StringComparer.Ordinal)
            .Select(g => new ConsultationInfo(
                g.Key, names.GetValueOrDefault(g.Key), g.Count(), g.Count(t => t.State == TaskState.Completed),
                g.Where(t => t.CompletedAt is not null).Select(t => (DateOnly?)DateOnly.FromDateTime(t.CompletedAt!.Value.UtcDateTime)).Max()))
            .OrderBy(c => c.InstitutionName ?? c.Institution, StringComparer.CurrentCulture)
            .ToList();

    private static Statistics Count(List<RecommendationInfo> recommendations)
    {
        int Of(ImplementationStatus status) => recommendations.Count(r => r.Status == Kebab(status));
        return new Statistics(
            recommendations.Count,
            Of(ImplementationStatus.Implemented), Of(ImplementationStatus.PartiallyImplemented), Of(ImplementationStatus.InProgress),
            Of(ImplementationStatus.NotStarted), Of(ImplementationStatus.NotImplemented), Of(ImplementationStatus.NoLongerApplicable),
            recommendations.Where(r => r.Lead is not null).GroupBy(r => r.Lead!).Select(g => new CountItem(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList(),
            recommendations.SelectMany(r => r.Themes).GroupBy(t => t).Select(g => new CountItem(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList());
    }

    private static string? Kebab<T>(T? value)
        where T : struct, Enum => value is { } v ? JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()) : null;

    private static string? Kebab<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
