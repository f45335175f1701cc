namespace Nmirf.Plugins.Abstractions;

/// <summary>The kinds of UN document in a reporting cycle.</summary>
public enum DocumentKind
{
    /// <summary>The part of a state's report shared by all treaty bodies (<c>HRI/CORE/...</c>).</summary>
    CommonCoreDocument,

    /// <summary>A state's first report under a treaty (number 1 of the report symbol pattern, alone or combined with later ones).</summary>
    InitialReport,

    /// <summary>
    /// A state's report: a symbol pattern of this kind names the initial report (number 1) and the periodic ones.
    /// The replies to a list of issues prior to reporting take this symbol too: they are the report.
    /// </summary>
    PeriodicReport,

    /// <summary>The committee's questions on a submitted report (symbol <c>Q</c>).</summary>
    ListOfIssues,

    /// <summary>The committee's questions before the report, under the simplified procedure (symbol <c>QPR</c>).</summary>
    ListOfIssuesPriorToReporting,

    /// <summary>The state's written replies to a list of issues (<c>RQ</c>, or <c>Q/n/Add.1</c> in older documents).</summary>
    RepliesToListOfIssues,

    /// <summary>The committee's findings and recommendations after the dialogue (symbol <c>CO</c>).</summary>
    ConcludingObservations,

    /// <summary>The state's information on the recommendations selected for follow-up.</summary>
    FollowUpInformation,

    /// <summary>The committee's assessment of follow-up information.</summary>
    FollowUpAssessment,

    /// <summary>Additional information a committee requests, as CED does under article 29(4).</summary>
    AdditionalInformation,

    /// <summary>The record of a committee meeting (<c>SR.</c>).</summary>
    SummaryRecord,

    /// <summary>The state's national report to the UPR (<c>A/HRC/WG.6/{session}/{ISO3}/1</c>).</summary>
    UprNationalReport,

    /// <summary>OHCHR's compilation of UN information for the UPR (<c>.../2</c>).</summary>
    UprCompilation,

    /// <summary>OHCHR's summary of stakeholders' information for the UPR (<c>.../3</c>).</summary>
    UprStakeholdersSummary,

    /// <summary>The report of the UPR Working Group on the state (<c>A/HRC/{session}/{k}</c>).</summary>
    UprWorkingGroupReport,

    /// <summary>The state's views on the recommendations it received (<c>A/HRC/{session}/{k}/Add.1</c>).</summary>
    UprAddendum,

    /// <summary>The state's voluntary report halfway through a UPR cycle.</summary>
    UprMidTermReport,
}

/// <summary>Names of document kinds as rule keys, files and the API spell them.</summary>
public static class DocumentKinds
{
    /// <summary>The kind in kebab case: <c>ConcludingObservations</c> is <c>concluding-observations</c>.</summary>
    public static string Kebab(DocumentKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>The kind named <paramref name="kebab"/>, or null.</summary>
    public static DocumentKind? Parse(string kebab) =>
        Enum.GetValues<DocumentKind>().Select(k => (DocumentKind?)k).FirstOrDefault(k => Kebab(k!.Value) == kebab);
}

/// <summary>
/// A pattern of a body's document symbols, with placeholders <c>{ISO3}</c> (country code), <c>{n}</c> (report
/// number or range, such as <c>5-6</c>), <c>{session}</c> (a session number), <c>{k}</c> (a document number) and
/// <c>{year}</c>. Example: <c>CEDAW/C/{ISO3}/CO/{n}</c>.
/// </summary>
/// <param name="Kind">The kind of document the pattern names.</param>
/// <param name="Pattern">The pattern.</param>
/// <param name="Source">Where the pattern was seen.</param>
/// <param name="Verified">False when no document of the pattern was seen in a checked source.</param>
/// <param name="Legacy">True for the older symbols without a country code, which are parsed but never generated.</param>
public sealed record SymbolPattern(DocumentKind Kind, string Pattern, string Source, bool Verified = true, bool Legacy = false);
