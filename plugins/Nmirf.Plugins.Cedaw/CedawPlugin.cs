using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Cedaw;

/// <summary>
/// The Committee on the Elimination of Discrimination against Women. Facts and source tags are those of the project's
/// domain reference, part B4 (the tags resolve in its source list); facts it marks "from general knowledge, unverified"
/// are flagged unverified.
/// </summary>
public sealed class CedawPlugin : ITreatyBodyPlugin
{
    private const string Unverified = "general knowledge (unverified)";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "cedaw",
        Name: "Committee on the Elimination of Discrimination against Women",
        Acronym: "CEDAW",
        Treaty: "Convention on the Elimination of All Forms of Discrimination against Women",
        Kind: BodyKind.TreatyBody,
        Instruments: [new ReportingInstrument("CEDAW")],
        Structure: new ReportStructure(
            StructureKind.Articles,
            [
                new("art-1", "Definition of discrimination against women", ["1"]),
                new("art-2", "Policy measures", ["2"]),
                new("art-3", "Development and advancement of women", ["3"]),
                new("art-4", "Temporary special measures", ["4"]),
                new("art-5", "Stereotypes", ["5"]),
                new("art-6", "Trafficking and exploitation of prostitution", ["6"]),
                new("art-7", "Political and public life", ["7"]),
                new("art-8", "International representation", ["8"]),
                new("art-9", "Nationality", ["9"]),
                new("art-10", "Education", ["10"]),
                new("art-11", "Employment", ["11"]),
                new("art-12", "Health", ["12"]),
                new("art-13", "Economic and social life", ["13"]),
                new("art-14", "Rural women", ["14"]),
                new("art-15", "Equality before the law", ["15"]),
                new("art-16", "Marriage and family", ["16"]),
            ],
            Source: "Guidance note CEDAW/C/74/3/Rev.1 (2022) [R1]; reports follow Parts I-IV of the Convention by article, Part I (arts. 1-6), Part II (arts. 7-9), Part III (arts. 10-14) and Part IV (arts. 15-16): " + Unverified,
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.EntryIntoForceAfterDeposit, "P30D", "Convention, art. 27: the thirtieth day after deposit; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.InitialReportDueAfter, "P1Y", "Convention, art. 18: within one year after the entry into force; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.PeriodicReportEvery, "P4Y", "Convention, art. 18: at least every four years and whenever the Committee so requests; " + Unverified + "; press coverage of Morocco's 2022 review: reviews 'should normally take place every 4 years' [R71]", verified: false),
            Rule.Duration(RuleKeys.PredictableReviewCycle, "P8Y", "Chairs' 34th meeting, A/77/228 (2022): eight-year cycle of full reviews [R19]; when CEDAW's calendar starts is " + Unverified),
            Rule.Boolean(RuleKeys.SimplifiedProcedureDefault, true, "A/77/228, para. 55(1)(d): the default for all committees [R11]"),
            Rule.Boolean(RuleKeys.SimplifiedProcedureOptOut, true, "A/77/228, para. 55(1)(d): states may opt for the traditional procedure [R11]"),
            Rule.Duration(RuleKeys.FollowUpDeadline, "P2Y", "OHCHR, Follow-up to concluding observations: within two years for CEDAW [R23]"),
            Rule.Text(RuleKeys.FollowUpRecommendations, "2-4", Unverified, verified: false),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.CommonCoreDocument), 42400, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.InitialReport), 31800, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.PeriodicReport), 21200, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.RepliesToListOfIssues), 10700, "GA res. 68/268: advisable limit [R1]"),
        ],
        symbols:
        [
            new(DocumentKind.PeriodicReport, "CEDAW/C/{ISO3}/{n}", "CEDAW/C/MAR/5-6 [R27]"),
            new(DocumentKind.ListOfIssuesPriorToReporting, "CEDAW/C/{ISO3}/QPR/{n}", "pattern seen for CMW (CMW/C/MAR/QPR/2 [R28]); for CEDAW " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CEDAW/C/{ISO3}/RQ/{n}", "CEDAW/C/MAR/RQ/5-6 [R27]"),
            new(DocumentKind.RepliesToListOfIssues, "CEDAW/C/{ISO3}/Q/{n}/Add.1", "older pattern seen for CRC, CAT, CESCR and CCPR [R31][R30][R49][R45]; for CEDAW " + Unverified, Verified: false),
            new(DocumentKind.ListOfIssues, "CEDAW/C/{ISO3}/Q/{n}", "CEDAW/C/MAR/Q/5-6 [R27]"),
            new(DocumentKind.FollowUpInformation, "CEDAW/C/{ISO3}/CO/{n}/Add.1", Unverified, Verified: false),
            new(DocumentKind.ConcludingObservations, "CEDAW/C/{ISO3}/CO/{n}", "CEDAW/C/MAR/CO/5-6 [R27]"),
            new(DocumentKind.SummaryRecord, "CEDAW/C/SR.{k}", "CEDAW/C/SR.1892 [R27]"),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(CedawPlugin).Assembly);
}
