using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Cescr;

/// <summary>
/// The Committee on Economic, Social and Cultural Rights. Facts and source tags are those of the project's domain
/// reference, part B2 (the tags resolve in its source list); facts it marks "from general knowledge, unverified" are
/// flagged unverified.
/// </summary>
public sealed class CescrPlugin : ITreatyBodyPlugin
{
    private const string Unverified = "general knowledge (unverified)";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "cescr",
        Name: "Committee on Economic, Social and Cultural Rights",
        Acronym: "CESCR",
        Treaty: "International Covenant on Economic, Social and Cultural Rights",
        Kind: BodyKind.TreatyBody,
        Instruments: [new ReportingInstrument("ICESCR")],
        Structure: new ReportStructure(
            StructureKind.Articles,
            [
                new("art-1", "Self-determination", ["1"]),
                new("art-2", "General obligations", ["2"]),
                new("art-3", "Equal rights of men and women", ["3"]),
                new("art-4", "Limitations of rights", ["4"]),
                new("art-5", "Prohibition of abuse of rights", ["5"]),
                new("art-6", "Right to work", ["6"]),
                new("art-7", "Just and favourable conditions of work", ["7"]),
                new("art-8", "Trade union rights", ["8"]),
                new("art-9", "Social security", ["9"]),
                new("art-10", "Protection of the family, mothers and children", ["10"]),
                new("art-11", "Adequate standard of living", ["11"]),
                new("art-12", "Physical and mental health", ["12"]),
                new("art-13", "Education", ["13"]),
                new("art-14", "Free compulsory primary education", ["14"]),
                new("art-15", "Cultural life and scientific progress", ["15"]),
            ],
            Source: "Guidelines E/C.12/2008/2 [R1]; reports follow the Covenant by article, Part I (art. 1), Part II (arts. 2-5) and Part III (arts. 6-15): " + Unverified,
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.EntryIntoForceAfterDeposit, "P3M", "Covenant, art. 27: three months after deposit; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.InitialReportDueAfter, "P2Y", "Covenant, arts. 16-17: reports 'in stages' under an ECOSOC programme; within two years in current practice is " + Unverified, verified: false),
            Rule.Duration(RuleKeys.PeriodicReportEvery, "P5Y", "Covenant, arts. 16-17: reports 'in stages' under an ECOSOC programme; every five years in current practice is " + Unverified, verified: false),
            Rule.Duration(RuleKeys.PredictableReviewCycle, "P8Y", "Chairs' 34th meeting, A/77/228 (2022): eight-year cycle of full reviews [R19]; CESCR reported a delay of its predictable review cycle [R15]; when its calendar starts is " + Unverified),
            Rule.Boolean(RuleKeys.SimplifiedProcedureDefault, true, "A/77/228, para. 55(1)(d): the default for all committees [R11]; CESCR's 2024 report still lists the procedure as a pilot phase [R15]"),
            Rule.Boolean(RuleKeys.SimplifiedProcedureOptOut, true, "A/77/228, para. 55(1)(d): states may opt for the traditional procedure [R11]"),
            Rule.Duration(RuleKeys.FollowUpDeadline, "P24M", "24 months: " + Unverified, verified: false),
            Rule.Text(RuleKeys.FollowUpRecommendations, "3", "CESCR informal meeting with states (October 2022): 'usually selected three recommendations' [R61]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.CommonCoreDocument), 42400, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.InitialReport), 31800, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.PeriodicReport), 21200, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.RepliesToListOfIssues), 10700, "GA res. 68/268: advisable limit [R1]"),
        ],
        symbols:
        [
            new(DocumentKind.PeriodicReport, "E/C.12/{ISO3}/{n}", "E/C.12/PRY/3, E/C.12/FIN/5 [R46]"),
            new(DocumentKind.ListOfIssuesPriorToReporting, "E/C.12/{ISO3}/QPR/{n}", "pattern seen for CMW (CMW/C/MAR/QPR/2 [R28]); for CESCR " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "E/C.12/{ISO3}/RQ/{n}", "newer pattern seen for CEDAW, CED and CRC [R27][R26][R50]; for CESCR " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "E/C.12/{ISO3}/Q/{n}/Add.1", "E/C.12/NAM/Q/1/Add.1 [R49]"),
            new(DocumentKind.ListOfIssues, "E/C.12/{ISO3}/Q/{n}", "the list the replies E/C.12/NAM/Q/1/Add.1 [R49] are added to; the list itself was not seen: " + Unverified, Verified: false),
            new(DocumentKind.FollowUpInformation, "E/C.12/{ISO3}/CO/{n}/Add.1", Unverified, Verified: false),
            new(DocumentKind.ConcludingObservations, "E/C.12/{ISO3}/CO/{n}", "E/C.12/MAR/CO/3 [R34]; E/C.12/MCO/CO/2-3 [R67]"),
            new(DocumentKind.PeriodicReport, "E/1990/5/Add.{k}", "E/1990/5/Add.70: Latvia's initial report, before country codes [R46]", Legacy: true),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(CescrPlugin).Assembly);
}
