using Nmirf.Plugins.Abstractions;

namespace Nmirf.Plugins.Upr;

/// <summary>
/// The Universal Periodic Review of the Human Rights Council: every state reviewed by its peers in cycles of fixed
/// length, not a treaty body, so no instrument creates the obligation. Facts and source tags are those of the
/// project's domain reference, part C (the tags resolve in its source list); facts it marks "from general knowledge,
/// unverified" are flagged unverified.
/// </summary>
public sealed class UprPlugin : ITreatyBodyPlugin
{
    private const string Unverified = "general knowledge (unverified)";

    public BodyDescriptor Descriptor { get; } = new(
        Id: "upr",
        Name: "Universal Periodic Review",
        Acronym: "UPR",
        Treaty: "General Assembly resolution 60/251; Human Rights Council resolution 5/1",
        Kind: BodyKind.PeerReview,
        Instruments: [],
        Structure: new ReportStructure(
            StructureKind.Sections,
            [
                new("section-a", "Description of the methodology and the broad consultation process followed", []),
                new("section-b", "Developments since the previous review in the background of the State and its framework, particularly the normative and institutional framework for the promotion and protection of human rights", []),
                new("section-c", "Promotion and protection of human rights on the ground", []),
                new("section-d", "Presentation by the State of the follow-up to the previous review", []),
                new("section-e", "Achievements, best practices, challenges and constraints", []),
                new("section-f", "Key national priorities, initiatives and commitments", []),
                new("section-g", "Expectations in terms of capacity-building and requests for technical assistance", []),
            ],
            Source: "HRC decision 17/119, section II, general guidelines for the national report: headings A, B and D [R86][R99]; the wording of C, E, F and G is " + Unverified,
            Verified: false));

    public ReportingRules Rules { get; } = new(
        [
            Rule.Duration(RuleKeys.ReviewCycleLength, "P4Y6M", "UPR Info, UPR agenda: each cycle lasts four and a half years [R87]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.UprNationalReport), 10700, "OHCHR guidance note for the third cycle: annexes and endnotes do not count [R4]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.UprWorkingGroupReport), 10700, "HRC President's statement, July 2012: raised from 9,630 words [R5]"),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.UprCompilation), 5350, "OHCHR compilation of UN information: " + Unverified, verified: false),
            Rule.Number(RuleKeys.WordLimit(DocumentKind.UprStakeholdersSummary), 5350, "OHCHR summary of stakeholders' information: " + Unverified, verified: false),
        ],
        symbols:
        [
            new(DocumentKind.UprNationalReport, "A/HRC/WG.6/{session}/{ISO3}/1", "A/HRC/WG.6/27/MAR/1 [R40]; A/HRC/WG.6/13/MAR/1 [R41]; A/HRC/WG.6/19/PRT/1 [R42]"),
            new(DocumentKind.UprCompilation, "A/HRC/WG.6/{session}/{ISO3}/2", "A/HRC/WG.6/27/MAR/2 [R40]; A/HRC/WG.6/19/PRT/2 [R42]"),
            new(DocumentKind.UprStakeholdersSummary, "A/HRC/WG.6/{session}/{ISO3}/3", "A/HRC/WG.6/27/MAR/3 [R40]; A/HRC/WG.6/19/PRT/3 [R42]"),
            new(DocumentKind.UprAddendum, "A/HRC/{session}/{k}/Add.1", Unverified, Verified: false),
            new(DocumentKind.UprWorkingGroupReport, "A/HRC/{session}/{k}", "A/HRC/21/3 [R41]; A/HRC/36/6 [R40]; A/HRC/27/7 [R42]"),
        ],
        cycles:
        [
            new(1, new DateOnly(2008, 4, 1), null, 1, 12, "April 2008 to 2011, Working Group sessions 1-12 [R87][R91]", Verified: true),
            new(2, new DateOnly(2012, 5, 1), new DateOnly(2016, 11, 11), 13, 26, "May 2012 to the final session, 31 October-11 November 2016 [R41][R92]", Verified: true),
            new(3, new DateOnly(2017, 5, 1), new DateOnly(2022, 2, 3), 27, 40, "May 2017 to the final session, 24 January-3 February 2022, extended by COVID-19 postponements [R40][R93][R94]", Verified: true),
            new(4, new DateOnly(2022, 11, 7), null, 41, null, "From session 41, 7-18 November 2022, to January/February 2027 [R90][R95]", Verified: true),
            new(5, new DateOnly(2027, 1, 1), null, null, null, "Expected from about 2027 (the start is the year's first day, not a known date): " + Unverified, Verified: false),
        ]);

    public IReadOnlyList<WorkflowTemplate> Workflows { get; } = WorkflowTemplate.FromEmbeddedResources(typeof(UprPlugin).Assembly);
}
