using Nmirf.Plugins.Abstractions;

namespace Nmirf.Drafting.Reports;

/// <summary>
/// A small, complete report model that every field of a template can be tried on: templates are validated by
/// rendering them with it before they are saved. Its text is placeholder text, not a real country's data.
/// </summary>
public static class SampleReport
{
    public static ReportModel Create(BodyDescriptor? body, string document, string language, DateOnly today, IReadOnlyList<RecommendationInfo>? recommendations = null)
    {
        var progress = new List<ProgressInfo>
        {
            new(today.AddMonths(-6), "ministry-of-justice", "A bill was drafted and sent to parliament.", ["https://example.org/bill"], ["Bill (PDF)"]),
        };
        var list = recommendations?.ToList() ?? [
            new RecommendationInfo(Guid.Empty, "XX/C/SMP/CO/1", "12", "The State party should review article 6 of the Penal Code.", "recommendation", "in-progress", null, "ministry-of-justice", ["ministry-of-interior"], ["Justice"], ["16"], [], true, today.AddYears(1), null, progress),
            new RecommendationInfo(Guid.Empty, "XX/C/SMP/CO/1", "14(b)", "The State party should collect data disaggregated by sex and age.", "recommendation", "not-started", null, null, [], ["Statistics"], [], [], false, null, null, []),
        ];
        var structure = body?.Structure ?? new ReportStructure(StructureKind.Sections, [new ReportPart("section-a", "Methodology", [])], "sample", false);
        var parts = ReportModelBuilder.Place(structure, list, out var unplaced);
        return new ReportModel(
            new DocumentInfo(document, language, "XX/C/SMP/2", 21200, today),
            new CountryInfo("SMP", "Sample Country", [language]),
            new MechanismInfo("National Mechanism for Reporting and Follow-up", "NMRF", "inter-ministerial", "decree", "Decree No. 1", today.AddYears(-3), null,
                [new InstitutionInfo("ministry-of-justice", "Ministry of Justice", "MoJ", "ministry", "member"), new InstitutionInfo("ministry-of-interior", "Ministry of the Interior", null, "ministry", "member")]),
            new BodyInfo(body?.Id ?? "xx", body?.Name ?? "Sample Committee", body?.Acronym ?? "XX", body?.Treaty ?? "Sample Convention", "treaty-body", structure.Kind.ToString().ToLowerInvariant(), structure.Source, parts),
            new CycleInfo("2", 2, 2, "XX/C/SMP/2", "standard", today.AddMonths(6), today.AddYears(-4), today, "XX/C/SMP/Q/2", null, null),
            new PreviousReview("XX/C/SMP/CO/1", today.AddYears(-4), "1", list, unplaced),
            [new QuestionInfo("1", "Please provide information on the measures taken to review the Penal Code.", progress)],
            list.Where(r => r.FollowUp).ToList(),
            [new TaskAnswerInfo("collect-data", "Contribution of the Ministry of Justice", "Ministry of Justice", today.AddMonths(-1), [new AnswerField("summary", "Contribution text.")])],
            [new ConsultationInfo("ministry-of-justice", "Ministry of Justice", 2, 1, today.AddMonths(-1))],
            new Statistics(list.Count, 0, 0, 1, 1, 0, 0, [new CountItem("ministry-of-justice", 1)], [new CountItem("Justice", 1)]));
    }
}
