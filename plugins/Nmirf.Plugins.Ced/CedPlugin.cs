using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Ced;

/// <summary>
/// The Committee on Enforced Disappearances. Facts and source tags are those of the project's domain reference, part
/// B9 (the tags resolve in its source list); facts it marks "from general knowledge, unverified" are flagged
/// unverified. The Convention asks for one report under article 29(1) and no periodic reports; the Committee then
/// requests additional information under article 29(4), which has a rule of its own.
/// </summary>
public sealed class CedPlugin : ITreatyBodyPlugin
{
    /// <summary>Text: how often the Committee requests additional information, as the periods it chooses between.</summary>
    public const string AdditionalInformationEvery = "additional-information.every";

    private const string Unverified = "general knowledge (unverified)";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "ced",
        Name: "Committee on Enforced Disappearances",
        Acronym: "CED",
        Treaty: "International Convention for the Protection of All Persons from Enforced Disappearance",
        Kind: BodyKind.TreatyBody,
        Instruments: [new ReportingInstrument("ICPPED", PeriodicReports: false)],
        Structure: new ReportStructure(
            StructureKind.Articles,
            [
                new("arts-1-7", "Articles 1 to 7", ["1", "2", "3", "4", "5", "6", "7"]),
                new("arts-8-15", "Articles 8 to 15", ["8", "9", "10", "11", "12", "13", "14", "15"]),
                new("arts-16-23", "Articles 16 to 23", ["16", "17", "18", "19", "20", "21", "22", "23"]),
                new("arts-24-25", "Articles 24 and 25", ["24", "25"]),
            ],
            Source: "CED/C/2 (2012), guidelines on the form and content of reports under article 29 [R80]; the grouping of articles is " + Unverified,
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.EntryIntoForceAfterDeposit, "P30D", "Convention, art. 39(2): the thirtieth day after deposit; " + Unverified, verified: false),
            Rule.Duration(RuleKeys.InitialReportDueAfter, "P2Y", "Convention, art. 29(1): within two years of entry into force for the State [R65][R80]"),
            Rule.Text(AdditionalInformationEvery, "P2Y|P4Y|P8Y", "Chairs' 34th meeting, A/77/228 (2022): every two, four or eight years depending on the level of implementation [R19]; Convention, art. 29(4) [R65]"),
            Rule.Boolean(RuleKeys.SimplifiedProcedureDefault, false, "A/77/228, para. 55(1)(d): CED does not have this process [R11]"),
            Rule.Duration(RuleKeys.FollowUpDeadline, "P1Y", "CED/C/22/4: selected recommendations, within one year [R35]; OHCHR, Follow-up to concluding observations [R23]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.CommonCoreDocument), 42400, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.InitialReport), 31800, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.PeriodicReport), 21200, "GA res. 68/268 [R1]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.RepliesToListOfIssues), 10700, "GA res. 68/268: advisable limit [R1]"),
        ],
        symbols:
        [
            new(DocumentKind.PeriodicReport, "CED/C/{ISO3}/{n}", "pattern seen for CAT, CEDAW and CMW (CAT/C/MAR/4 [R30], CEDAW/C/MAR/5-6 [R27], CMW/C/MAR/2 [R28]); for CED " + Unverified, Verified: false),
            new(DocumentKind.RepliesToListOfIssues, "CED/C/{ISO3}/RQ/{n}", "CED/C/MAR/RQ/1 [R26]"),
            new(DocumentKind.ListOfIssues, "CED/C/{ISO3}/Q/{n}", "CED/C/MAR/Q/1 [R26]"),
            new(DocumentKind.FollowUpInformation, "CED/C/{ISO3}/CO/{n}/Add.1", Unverified, Verified: false),
            new(DocumentKind.ConcludingObservations, "CED/C/{ISO3}/CO/{n}", "pattern seen for the other committees (CAT/C/MAR/CO/4 [R33], CRC/C/MAR/CO/3-4 [R31]); CED/C/MAR/CO/1 (2024) is inferred from it, not seen [R133]", Verified: false),
            new(DocumentKind.FollowUpAssessment, "CED/C/{ISO3}/FAI/{n}", "CED/C/MEX/FAI/1: follow-up observations on additional information [R36]"),
            new(DocumentKind.FollowUpAssessment, "CED/C/{session}/{k}", "CED/C/22/4: the Committee's follow-up report [R35]"),
            new(DocumentKind.SummaryRecord, "CED/C/SR.{k}", "pattern seen for CEDAW, CAT, CMW and CERD (CEDAW/C/SR.1892 [R27], CAT/C/SR.1025 [R30], CMW/C/SR.515 [R28], CERD/C/SR.2032 [R37]); for CED " + Unverified, Verified: false),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(CedPlugin).Assembly);
}
