using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Cerd;

/// <summary>
/// The Committee on the Elimination of Racial Discrimination. Facts and source tags are those of the project's domain
/// reference, part B1 (the tags resolve in its source list); facts it marks "from general knowledge, unverified" are
/// flagged unverified.
/// </summary>
public sealed class CerdPlugin : ITreatyBodyPlugin
{
    private const string Unverified = "general knowledge (unverified)";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "cerd",
        Name: "Committee on the Elimination of Racial Discrimination",
        Acronym: "CERD",
        Treaty: "International Convention on the Elimination of All Forms of Racial Discrimination",
        Kind: BodyKind.TreatyBody,
        Instruments: [new ReportingInstrument("ICERD")],
        Structure: new ReportStructure(
            StructureKind.Articles,
            [
                new("art-1", "Definition of racial discrimination", ["1"]),
                new("art-2", "Policy of eliminating racial discrimination", ["2"]),
                new("art-3", "Segregation and apartheid", ["3"]),
                new("art-4", "Racist propaganda and organisations", ["4"]),
                new("art-5", "Equality in the enjoyment of rights", ["5"]),
                new("art-6", "Protection and remedies", ["6"]),
                new("art-7", "Teaching, education, culture and information", ["7"]),
            ],
            Source: "Treaty-specific guidelines CERD/C/2007/1 [R1]; reports follow articles 1-7 (Part I) of the Convention: " + Unverified,
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.EntryIntoForceAfterDeposit, "P30D", "Convention, art. 19: the thirtieth day after deposit; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.InitialReportDueAfter, "P1Y", "Convention, art. 9(1): within one year after the entry into force; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.PeriodicReportEvery, "P2Y", "Convention, art. 9(1): every two years and whenever the Committee so requests; " + Unverified + "; combined reports are accepted in practice (CERD/C/MAR/19-21 [R29])", verified: false),
            Rule.Duration(RuleKeys.PredictableReviewCycle, "P8Y", "Chairs' 34th meeting, A/77/228 (2022): eight-year cycle of full reviews [R19]; when CERD's calendar starts is " + Unverified),
            Rule.Boolean(RuleKeys.SimplifiedProcedureDefault, true, "A/77/228, para. 55(1)(d): the default for all committees [R11]; whether CERD uses lists of issues prior to reporting in practice is " + Unverified),
            Rule.Boolean(RuleKeys.SimplifiedProcedureOptOut, true, "A/77/228, para. 55(1)(d): states may opt for the traditional procedure [R11]"),
            Rule.Duration(RuleKeys.FollowUpDeadline, "P1Y", "OHCHR, Follow-up to concluding observations: within one year [R23]; follow-up guidelines CERD/C/68/Misc.5/Rev.1 [R1]"),
            Rule.Text(RuleKeys.FollowUpRecommendations, "2-4", "OHCHR: 'a small number' of recommendations [R23]; 2-4 as usual practice is " + Unverified, verified: false),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.CommonCoreDocument), 42400, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.InitialReport), 31800, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.PeriodicReport), 21200, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.RepliesToListOfIssues), 10700, "GA res. 68/268: advisable limit [R1]"),
        ],
        symbols:
        [
            new(DocumentKind.PeriodicReport, "CERD/C/{ISO3}/{n}", "CERD/C/MAR/19-21, combined 19th-21st reports [R29]"),
            new(DocumentKind.ListOfIssuesPriorToReporting, "CERD/C/{ISO3}/QPR/{n}", "pattern seen for CMW (CMW/C/MAR/QPR/2 [R28]); for CERD " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CERD/C/{ISO3}/RQ/{n}", "newer pattern seen for CEDAW, CED and CRC [R27][R26][R50]; for CERD " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CERD/C/{ISO3}/Q/{n}/Add.1", "older pattern seen for CRC, CAT, CESCR and CCPR [R31][R30][R49][R45]; for CERD " + Unverified, Verified: false),
            new(DocumentKind.ListOfIssues, "CERD/C/{ISO3}/Q/{n}", "pattern seen for CAT, CRC, CEDAW, CED and CCPR [R30][R32][R27][R26][R45]; for CERD " + Unverified, Verified: false),
            new(DocumentKind.FollowUpInformation, "CERD/C/{ISO3}/CO/{n}/Add.1", Unverified, Verified: false),
            new(DocumentKind.ConcludingObservations, "CERD/C/{ISO3}/CO/{n}", "CERD/C/MAR/CO/19-21 [R29]"),
            new(DocumentKind.SummaryRecord, "CERD/C/SR.{k}", "CERD/C/SR.2032 [R37]"),
            new(DocumentKind.PeriodicReport, "CERD/C/{k}/Add.{k}", "CERD/C/430/Add.1: Morocco's 14th-16th reports, before country codes [R37]", Legacy: true),
            new(DocumentKind.ConcludingObservations, "CERD/C/{k}/CO/{k}", "CERD/C/62/CO/5: Morocco's concluding observations (2003), before country codes [R56]", Legacy: true),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(CerdPlugin).Assembly);
}
