using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Cat;

/// <summary>
/// The Committee against Torture. Facts and source tags are those of the project's domain reference, part B5 (the
/// tags resolve in its source list); facts it marks "from general knowledge, unverified" are flagged unverified.
/// </summary>
public sealed class CatPlugin : ITreatyBodyPlugin
{
    private const string Unverified = "general knowledge (unverified)";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "cat",
        Name: "Committee against Torture",
        Acronym: "CAT",
        Treaty: "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
        Kind: BodyKind.TreatyBody,
        Instruments: [new ReportingInstrument("CAT")],
        Structure: new ReportStructure(
            StructureKind.Articles,
            [
                new("art-1", "Definition of torture", ["1"]),
                new("art-2", "Effective measures to prevent torture", ["2"]),
                new("art-3", "Non-refoulement", ["3"]),
                new("art-4", "Torture as an offence under criminal law", ["4"]),
                new("art-5", "Jurisdiction", ["5"]),
                new("art-6", "Custody and preliminary inquiry", ["6"]),
                new("art-7", "Prosecution or extradition", ["7"]),
                new("art-8", "Extradition", ["8"]),
                new("art-9", "Mutual judicial assistance", ["9"]),
                new("art-10", "Education and information", ["10"]),
                new("art-11", "Review of interrogation rules and custody", ["11"]),
                new("art-12", "Prompt and impartial investigation", ["12"]),
                new("art-13", "Right to complain", ["13"]),
                new("art-14", "Redress and compensation", ["14"]),
                new("art-15", "Statements made under torture", ["15"]),
                new("art-16", "Other cruel, inhuman or degrading treatment or punishment", ["16"]),
            ],
            Source: "Reports follow articles 1-16 (Part I) of the Convention: " + Unverified,
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.EntryIntoForceAfterDeposit, "P30D", "Convention, art. 27(2): the thirtieth day after deposit; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.InitialReportDueAfter, "P1Y", "Convention, art. 19(1): within one year after the entry into force [R72][R12]"),
            Rule.Duration(RuleKeys.PeriodicReportEvery, "P4Y", "Convention, art. 19(1): supplementary reports every four years [R72][R12]"),
            Rule.Duration(RuleKeys.PredictableReviewCycle, "P8Y", "Chairs' 34th meeting, A/77/228 (2022): eight-year cycle of full reviews [R19]; when CAT's calendar starts is " + Unverified),
            Rule.Boolean(RuleKeys.SimplifiedProcedureDefault, true, "A/77/228, para. 55(1)(d): the default for all committees [R11]; CAT pioneered it in May 2007 [R12]"),
            Rule.Boolean(RuleKeys.SimplifiedProcedureOptOut, true, "A/77/228, para. 55(1)(d): states may opt for the traditional procedure [R11]"),
            Rule.Duration(RuleKeys.FollowUpDeadline, "P1Y", "OHCHR, Follow-up to concluding observations: within one year [R63][R23]"),
            Rule.Text(RuleKeys.FollowUpRecommendations, "3-5", "CAT practice since its 30th session (2003): 'normally between three and five issues' [R63]; 3-4 in recent practice is " + Unverified),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.CommonCoreDocument), 42400, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.InitialReport), 31800, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.PeriodicReport), 21200, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.RepliesToListOfIssues), 10700, "GA res. 68/268: advisable limit [R1]"),
        ],
        symbols:
        [
            new(DocumentKind.PeriodicReport, "CAT/C/{ISO3}/{n}", "CAT/C/MAR/4 [R30]"),
            new(DocumentKind.ListOfIssuesPriorToReporting, "CAT/C/{ISO3}/QPR/{n}", "pattern seen for CMW (CMW/C/MAR/QPR/2 [R28]); for CAT " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CAT/C/{ISO3}/RQ/{n}", "newer pattern seen for CEDAW, CED and CRC [R27][R26][R50]; for CAT " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CAT/C/{ISO3}/Q/{n}/Add.1", "CAT/C/MAR/Q/4/Add.1 [R30]"),
            new(DocumentKind.ListOfIssues, "CAT/C/{ISO3}/Q/{n}", "CAT/C/MAR/Q/4 [R30]"),
            new(DocumentKind.FollowUpInformation, "CAT/C/{ISO3}/CO/{n}/Add.1", Unverified, Verified: false),
            new(DocumentKind.ConcludingObservations, "CAT/C/{ISO3}/CO/{n}", "CAT/C/MAR/CO/4 [R33]; CAT/C/BEN/CO/3 [R51]"),
            new(DocumentKind.SummaryRecord, "CAT/C/SR.{k}", "CAT/C/SR.1025 [R30]"),
            new(DocumentKind.PeriodicReport, "CAT/C/{k}/Add.{k}", "CAT/C/66/Add.1, CAT/C/24/Add.2: reports before country codes [R52][R53]", Legacy: true),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(CatPlugin).Assembly);
}
