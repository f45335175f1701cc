using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Ccpr;

/// <summary>
/// The Human Rights Committee. Facts and source tags are those of the project's domain reference, part B3 (the tags
/// resolve in its source list); facts it marks "from general knowledge, unverified" are flagged unverified. The
/// Covenant sets no periodicity after the initial report, so the body declares no <c>periodic-report.every</c> rule.
/// </summary>
public sealed class CcprPlugin : ITreatyBodyPlugin
{
    private const string Unverified = "general knowledge (unverified)";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "ccpr",
        Name: "Human Rights Committee",
        Acronym: "CCPR",
        Treaty: "International Covenant on Civil and Political Rights",
        Kind: BodyKind.TreatyBody,
        Instruments: [new ReportingInstrument("ICCPR")],
        Structure: new ReportStructure(
            StructureKind.Articles,
            [
                new("art-1", "Self-determination", ["1"]),
                new("art-2", "Respect for and protection of rights, remedies", ["2"]),
                new("art-3", "Equal rights of men and women", ["3"]),
                new("art-4", "Derogation in public emergencies", ["4"]),
                new("art-5", "Prohibition of abuse of rights", ["5"]),
                new("art-6", "Right to life", ["6"]),
                new("art-7", "Prohibition of torture", ["7"]),
                new("art-8", "Prohibition of slavery and forced labour", ["8"]),
                new("art-9", "Liberty and security of person", ["9"]),
                new("art-10", "Treatment of persons deprived of liberty", ["10"]),
                new("art-11", "No imprisonment for failure to fulfil a contract", ["11"]),
                new("art-12", "Freedom of movement", ["12"]),
                new("art-13", "Expulsion of aliens", ["13"]),
                new("art-14", "Fair trial", ["14"]),
                new("art-15", "No retroactive criminal law", ["15"]),
                new("art-16", "Recognition as a person before the law", ["16"]),
                new("art-17", "Privacy, family, home and correspondence", ["17"]),
                new("art-18", "Freedom of thought, conscience and religion", ["18"]),
                new("art-19", "Freedom of opinion and expression", ["19"]),
                new("art-20", "Prohibition of war propaganda and incitement to hatred", ["20"]),
                new("art-21", "Peaceful assembly", ["21"]),
                new("art-22", "Freedom of association", ["22"]),
                new("art-23", "Protection of the family", ["23"]),
                new("art-24", "Rights of the child", ["24"]),
                new("art-25", "Participation in public affairs", ["25"]),
                new("art-26", "Equality before the law and non-discrimination", ["26"]),
                new("art-27", "Rights of minorities", ["27"]),
            ],
            Source: "Guidelines CCPR/C/2009/1 [R1]; the 1999 guidelines asked for article-by-article initial reports [R70]; the substantive rights are articles 1-27, Part I (art. 1), Part II (arts. 2-5) and Part III (arts. 6-27): " + Unverified,
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.EntryIntoForceAfterDeposit, "P3M", "Covenant, art. 49: three months after deposit; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.InitialReportDueAfter, "P1Y", "Covenant, art. 40(1): within one year of the entry into force, then whenever the Committee so requests; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.PredictableReviewCycle, "P8Y", "CCPR decision of 2019: a predictable review cycle based on an eight-year cycle from 2020 [R14][R16]; rule 66 of the rules of procedure lets the Committee set periodicity and due dates [R69]"),
            Rule.Boolean(RuleKeys.SimplifiedProcedureDefault, true, "CCPR made the procedure permanent at its 123rd session (July 2018), at most 25 questions a list, and the default, also for initial reports, from 2020 [R14]; A/77/228, para. 55(1)(d) [R11]"),
            Rule.Boolean(RuleKeys.SimplifiedProcedureOptOut, true, "CCPR's opt-out model of 2019 [R14]; A/77/228, para. 55(1)(d): states may opt for the traditional procedure [R11]"),
            Rule.Duration(RuleKeys.FollowUpDeadline, "P1Y", "OHCHR, Follow-up to concluding observations: within one year [R23]; CCPR/C/95/3 (2009) [R62]; under the eight-year cycle the Committee evaluates follow-up in year 6, about three years after the review [R16]"),
            Rule.Text(RuleKeys.FollowUpRecommendations, "3-4", "CCPR/C/95/3 (2009): three to four paragraphs [R62]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.CommonCoreDocument), 42400, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.InitialReport), 31800, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.PeriodicReport), 21200, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.RepliesToListOfIssues), 10700, "GA res. 68/268: advisable limit [R1]"),
        ],
        symbols:
        [
            new(DocumentKind.PeriodicReport, "CCPR/C/{ISO3}/{n}", "CCPR/C/SVK/4 [R45]; the replies to a list of issues prior to reporting are the 'focused State report' [R16]"),
            new(DocumentKind.ListOfIssuesPriorToReporting, "CCPR/C/{ISO3}/QPR/{n}", "pattern seen for CMW (CMW/C/MAR/QPR/2 [R28]); for CCPR " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CCPR/C/{ISO3}/RQ/{n}", "newer pattern seen for CEDAW, CED and CRC [R27][R26][R50]; for CCPR " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CCPR/C/{ISO3}/Q/{n}/Add.1", "CCPR/C/SVK/Q/4/Add.1 [R45]"),
            new(DocumentKind.ListOfIssues, "CCPR/C/{ISO3}/Q/{n}", "CCPR/C/SVK/Q/4 [R45]; CCPR/C/ETH/Q/2 [R16]"),
            new(DocumentKind.FollowUpInformation, "CCPR/C/{ISO3}/CO/{n}/Add.1", Unverified, Verified: false),
            new(DocumentKind.ConcludingObservations, "CCPR/C/{ISO3}/CO/{n}", "pattern seen for CAT, CEDAW, CERD, CRC and CESCR [R33][R27][R29][R31][R34]; for CCPR " + Unverified, Verified: false),
            new(DocumentKind.FollowUpAssessment, "CCPR/C/{session}/3/Add.{k}", "CCPR/C/128/3/Add.1-4 [R17]"),
            new(DocumentKind.SummaryRecord, "CCPR/C/SR.{k}", "pattern seen for CEDAW, CAT, CMW and CERD [R27][R30][R28][R37]; for CCPR " + Unverified, Verified: false),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(CcprPlugin).Assembly);
}
