using System.Globalization;
using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Crpd;

/// <summary>
/// The Committee on the Rights of Persons with Disabilities. Facts and source tags are those of the project's domain
/// reference, part B8 (the tags resolve in its source list); facts it marks "from general knowledge, unverified" are
/// flagged unverified. The Committee's follow-up procedure was discontinued in September 2016 [R64], so it declares
/// no follow-up deadline.
/// </summary>
public sealed class CrpdPlugin : ITreatyBodyPlugin
{
    private const string Unverified = "general knowledge (unverified)";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "crpd",
        Name: "Committee on the Rights of Persons with Disabilities",
        Acronym: "CRPD",
        Treaty: "Convention on the Rights of Persons with Disabilities",
        Kind: BodyKind.TreatyBody,
        Instruments: [new ReportingInstrument("CRPD")],
        Structure: new ReportStructure(
            StructureKind.Articles,
            [
                new("arts-1-4", "Purpose, definitions, general principles and general obligations", Articles(1, 4)),
                new("art-5", "Equality and non-discrimination", ["5"]),
                new("arts-6-7", "Women and children with disabilities", ["6", "7"]),
                new("art-8", "Awareness-raising", ["8"]),
                new("art-9", "Accessibility", ["9"]),
                new("arts-10-30", "Specific rights", Articles(10, 30)),
                new("arts-31-33", "Statistics, international cooperation, national implementation and monitoring", Articles(31, 33)),
            ],
            Source: "Reports follow the guidelines' groups of articles 1-33: " + Unverified,
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.EntryIntoForceAfterDeposit, "P30D", "Convention, art. 45: the thirtieth day after deposit; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.InitialReportDueAfter, "P2Y", "Convention, art. 35: within two years; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.PeriodicReportEvery, "P4Y", "Convention, art. 35: at least every four years and on request; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.PredictableReviewCycle, "P8Y", "Chairs' 34th meeting, A/77/228 (2022): eight-year cycle of full reviews [R19]; when CRPD's calendar starts is " + Unverified),
            Rule.Boolean(RuleKeys.SimplifiedProcedureDefault, true, "A/77/228, para. 55(1)(d): the default for all committees [R11]"),
            Rule.Boolean(RuleKeys.SimplifiedProcedureOptOut, true, "A/77/228, para. 55(1)(d): states may opt for the traditional procedure [R11]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.CommonCoreDocument), 42400, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.InitialReport), 31800, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.PeriodicReport), 21200, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.RepliesToListOfIssues), 10700, "GA res. 68/268: advisable limit [R1]"),
        ],
        symbols:
        [
            new(DocumentKind.PeriodicReport, "CRPD/C/{ISO3}/{n}", "pattern seen for CAT, CEDAW and CMW (CAT/C/MAR/4 [R30], CEDAW/C/MAR/5-6 [R27], CMW/C/MAR/2 [R28]); for CRPD " + Unverified, Verified: false),
            new(DocumentKind.ListOfIssuesPriorToReporting, "CRPD/C/{ISO3}/QPR/{n}", "pattern seen for CMW (CMW/C/MAR/QPR/2 [R28]); for CRPD " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CRPD/C/{ISO3}/RQ/{n}", "newer pattern seen for CEDAW, CED and CRC [R27][R26][R50]; for CRPD " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CRPD/C/{ISO3}/Q/{n}/Add.1", "older pattern seen for CRC, CAT, CESCR and CCPR [R31][R30][R49][R45]; for CRPD " + Unverified, Verified: false),
            new(DocumentKind.ListOfIssues, "CRPD/C/{ISO3}/Q/{n}", "pattern seen for CAT, CRC, CEDAW, CED and CCPR [R30][R32][R27][R26][R45]; for CRPD " + Unverified, Verified: false),
            new(DocumentKind.ConcludingObservations, "CRPD/C/{ISO3}/CO/{n}", "CRPD/C/MAR/CO/1 (Morocco, 2017): " + Unverified, Verified: false),
            new(DocumentKind.SummaryRecord, "CRPD/C/SR.{k}", "pattern seen for CEDAW, CAT, CMW and CERD (CEDAW/C/SR.1892 [R27], CAT/C/SR.1025 [R30], CMW/C/SR.515 [R28], CERD/C/SR.2032 [R37]); for CRPD " + Unverified, Verified: false),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(CrpdPlugin).Assembly);

    private static string[] Articles(int first, int last) =>
        [.. Enumerable.Range(first, last - first + 1).Select(n => n.ToString(CultureInfo.InvariantCulture))];
}
