using System.Globalization;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Cmw;

/// <summary>
/// The Committee on Migrant Workers. Facts and source tags are those of the project's domain reference, part B7 (the
/// tags resolve in its source list); facts it marks "from general knowledge, unverified" are flagged unverified.
/// </summary>
public sealed class CmwPlugin : ITreatyBodyPlugin
{
    private const string Unverified = "general knowledge (unverified)";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "cmw",
        Name: "Committee on Migrant Workers",
        Acronym: "CMW",
        Treaty: "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
        Kind: BodyKind.TreatyBody,
        Instruments: [new ReportingInstrument("ICRMW")],
        Structure: new ReportStructure(
            StructureKind.Articles,
            [
                new("part-1", "Part I", Articles(1, 6)),
                new("part-2", "Part II: Non-discrimination", ["7"]),
                new("part-3", "Part III: Rights of all migrant workers", Articles(8, 35)),
                new("part-4", "Part IV: Additional rights of documented workers", Articles(36, 56)),
                new("part-5", "Part V: Particular categories", Articles(57, 63)),
                new("part-6", "Part VI: Sound, equitable, humane and lawful conditions", Articles(64, 71)),
            ],
            Source: "Reports follow Parts I-VI (arts. 1-71) of the Convention: " + Unverified + "; HRI/GEN/2/Rev.6 holds the CMW guidelines for initial reports [R6]",
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.EntryIntoForceAfterDeposit, "P3M", "Convention, art. 87: about three months after deposit; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.InitialReportDueAfter, "P1Y", "Convention, art. 73 [R28]: within one year; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.PeriodicReportEvery, "P5Y", "Convention, art. 73 [R28]: every five years; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.PredictableReviewCycle, "P8Y", "Chairs' 34th meeting, A/77/228 (2022): eight-year cycle of full reviews [R19]; when CMW's calendar starts is " + Unverified),
            Rule.Boolean(RuleKeys.SimplifiedProcedureDefault, true, "A/77/228, para. 55(1)(d): the default for all committees [R11]; CMW uses lists of issues prior to reporting (CMW/C/MAR/QPR/2 [R28])"),
            Rule.Boolean(RuleKeys.SimplifiedProcedureOptOut, true, "A/77/228, para. 55(1)(d): states may opt for the traditional procedure [R11]"),
            Rule.Duration(RuleKeys.FollowUpDeadline, "P2Y", "OHCHR, Follow-up to concluding observations: within two years for CEDAW and CMW [R23]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.CommonCoreDocument), 42400, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.InitialReport), 31800, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.PeriodicReport), 21200, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.RepliesToListOfIssues), 10700, "GA res. 68/268: advisable limit [R1]"),
        ],
        symbols:
        [
            new(DocumentKind.ListOfIssuesPriorToReporting, "CMW/C/{ISO3}/QPR/{n}", "CMW/C/MAR/QPR/2 [R28]"),
            new(DocumentKind.RepliesToListOfIssues, "CMW/C/{ISO3}/RQ/{n}", "newer pattern seen for CEDAW, CED and CRC [R27][R26][R50]; for CMW " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CMW/C/{ISO3}/{n}/Add.1", "CMW/C/PRY/1/Add.1, listed next to the list of issues CMW/C/PRY/Q/1 and presumably the replies [R47]"),
            new(DocumentKind.PeriodicReport, "CMW/C/{ISO3}/{n}", "CMW/C/MAR/2 [R28]; CMW/C/PRY/1, CMW/C/PRY/2 [R47][R48]"),
            new(DocumentKind.ListOfIssues, "CMW/C/{ISO3}/Q/{n}", "CMW/C/PRY/Q/1 [R47]"),
            new(DocumentKind.FollowUpInformation, "CMW/C/{ISO3}/CO/{n}/Add.1", Unverified, Verified: false),
            new(DocumentKind.ConcludingObservations, "CMW/C/{ISO3}/CO/{n}", "CMW/C/PRY/CO/2 [R47]"),
            new(DocumentKind.SummaryRecord, "CMW/C/SR.{k}", "CMW/C/SR.515 [R28]"),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(CmwPlugin).Assembly);

    private static string[] Articles(int first, int last) =>
        [.. Enumerable.Range(first, last - first + 1).Select(n => n.ToString(CultureInfo.InvariantCulture))];
}
