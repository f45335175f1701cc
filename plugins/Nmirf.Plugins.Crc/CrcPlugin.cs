using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Crc;

/// <summary>
/// The Committee on the Rights of the Child, for the Convention and its protocols on children in armed conflict
/// (OPAC) and on the sale of children (OPSC), each of which has an initial report of its own and is then reported on
/// in the Convention's periodic reports. Facts and source tags are those of the project's domain reference, part B6
/// (the tags resolve in its source list); facts it marks "from general knowledge, unverified" are flagged unverified.
/// CRC has no written follow-up procedure, so it declares no follow-up rules.
/// </summary>
public sealed class CrcPlugin : ITreatyBodyPlugin
{
    private const string Unverified = "general knowledge (unverified)";
    private const string Opac = "opac.";
    private const string Opsc = "opsc.";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "crc",
        Name: "Committee on the Rights of the Child",
        Acronym: "CRC",
        Treaty: "Convention on the Rights of the Child",
        Kind: BodyKind.TreatyBody,
        Instruments:
        [
            new ReportingInstrument("CRC"),
            new ReportingInstrument("CRC-OPAC", Opac, PeriodicReports: false),
            new ReportingInstrument("CRC-OPSC", Opsc, PeriodicReports: false),
        ],
        Structure: new ReportStructure(
            StructureKind.Clusters,
            [
                new("cluster-1", "General measures of implementation", ["4", "42", "44(6)"]),
                new("cluster-2", "Definition of the child", ["1"]),
                new("cluster-3", "General principles", ["2", "3", "6", "12"]),
                new("cluster-4", "Civil rights and freedoms", ["7", "8", "13", "14", "15", "16", "17"]),
                new("cluster-5", "Violence against children", ["19", "24(3)", "28(2)", "34", "37(a)", "39"]),
                new("cluster-6", "Family environment and alternative care", ["5", "9", "10", "11", "18(1)", "18(2)", "20", "21", "25", "27(4)"]),
                new("cluster-7", "Disability, basic health and welfare", ["6", "18(3)", "23", "24", "26", "27(1)", "27(2)", "27(3)", "33"]),
                new("cluster-8", "Education, leisure and cultural activities", ["28", "29", "30", "31"]),
                new("cluster-9", "Special protection measures", ["22", "30", "32", "33", "35", "36", "37(b)", "37(c)", "37(d)", "38", "39", "40"]),
            ],
            Source: "Clusters of rights of the CRC guidelines: cluster I, arts. 4, 42, 44(6) [R75]; clusters II-IX and their articles: " + Unverified,
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.EntryIntoForceAfterDeposit, "P30D", "Convention, art. 49: the thirtieth day after deposit; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.InitialReportDueAfter, "P2Y", "Convention, art. 44: within two years of entry into force; CRC/C/58/Rev.3 [R74]"),
            Rule.Duration(RuleKeys.PeriodicReportEvery, "P5Y", "Convention, art. 44: every five years; CRC/C/58/Rev.3 [R74]"),
            Rule.Duration(Opac + RuleKeys.InitialReportDueAfter, "P2Y", "OPAC: initial report within two years of the Protocol's entry into force, then in the art. 44 reports; CRC/C/58/Rev.3 [R74]"),
            Rule.Duration(Opsc + RuleKeys.InitialReportDueAfter, "P2Y", "OPSC: initial report within two years of the Protocol's entry into force, then in the art. 44 reports; CRC/C/58/Rev.3 [R74]"),
            Rule.Duration(RuleKeys.PredictableReviewCycle, "P8Y", "Chairs' 34th meeting, A/77/228 (2022): eight-year cycle of full reviews [R19]; CRC concluding observations from 2023 defer the next due date to it [R58]; when CRC's calendar starts is " + Unverified),
            Rule.Boolean(RuleKeys.SimplifiedProcedureDefault, true, "A/77/228, para. 55(1)(d): the default for all committees [R11]"),
            Rule.Boolean(RuleKeys.SimplifiedProcedureOptOut, true, "A/77/228, para. 55(1)(d): states may opt for the traditional procedure [R11]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.CommonCoreDocument), 42400, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.InitialReport), 31800, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.PeriodicReport), 21200, "GA res. 68/268 [R1]; repeated in CRC concluding observations from 2023 [R58]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.RepliesToListOfIssues), 10700, "GA res. 68/268: advisable limit [R1]"),
        ],
        symbols:
        [
            new(DocumentKind.PeriodicReport, "CRC/C/{ISO3}/{n}", "CRC/C/MAR/3-4 [R31]"),
            new(DocumentKind.PeriodicReport, "CRC/C/OPAC/{ISO3}/{n}", "CRC/C/OPAC/MAR/1 [R38]"),
            new(DocumentKind.PeriodicReport, "CRC/C/OPSC/{ISO3}/{n}", "pattern seen for OPAC (CRC/C/OPAC/MAR/1 [R38]); for OPSC " + Unverified, Verified: false),
            new(DocumentKind.ListOfIssuesPriorToReporting, "CRC/C/{ISO3}/QPR/{n}", "pattern seen for CMW (CMW/C/MAR/QPR/2 [R28]); for CRC " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CRC/C/{ISO3}/RQ/{n}", "CRC/C/AUT/RQ/5-6 [R50]"),
            new(DocumentKind.RepliesToListOfIssues, "CRC/C/{ISO3}/Q/{n}/Add.1", "CRC/C/MAR/Q/3-4/Add.1 [R31]"),
            new(DocumentKind.ListOfIssues, "CRC/C/{ISO3}/Q/{n}", "CRC/C/MAR/Q/3-4 [R32]"),
            new(DocumentKind.ListOfIssues, "CRC/C/Q/{ISO3}/{n}", "CRC/C/Q/MAR/2 [R54], also copied as CRC/C/Q/MOR/2 [R57]: an older order, not always with ISO codes"),
            new(DocumentKind.ConcludingObservations, "CRC/C/{ISO3}/CO/{n}", "CRC/C/MAR/CO/3-4 [R31]"),
            new(DocumentKind.ConcludingObservations, "CRC/C/OPAC/{ISO3}/CO/{n}", "CRC/C/OPAC/MAR/CO/1 [R38]"),
            new(DocumentKind.ConcludingObservations, "CRC/C/OPSC/{ISO3}/CO/{n}", "CRC/C/OPSC/MAR/CO/1 [R39]"),
            new(DocumentKind.SummaryRecord, "CRC/C/SR.{k}", "pattern seen for CEDAW, CAT, CMW and CERD (CEDAW/C/SR.1892 [R27], CAT/C/SR.1025 [R30], CMW/C/SR.515 [R28], CERD/C/SR.2032 [R37]); for CRC " + Unverified, Verified: false),
            new(DocumentKind.ConcludingObservations, "CRC/C/15/Add.{k}", "CRC/C/15/Add.60: concluding observations before country codes [R55]", Legacy: true),
            new(DocumentKind.PeriodicReport, "CRC/C/{k}/Add.{k}", "CRC/C/93/Add.3: Morocco's second report, before country codes [R54]", Legacy: true),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(CrcPlugin).Assembly);
}
