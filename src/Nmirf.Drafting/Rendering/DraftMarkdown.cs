using Markdig;
using Markdig.Syntax;

namespace Nmirf.Drafting.Rendering;

/// <summary>
/// The Markdown a template writes: CommonMark with pipe tables and footnotes. A draft is parsed once; the Markdown,
/// HTML and DOCX outputs and the word count all walk the same tree.
/// </summary>
internal static class DraftMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseFootnotes()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// Whether a block is one of the report's numbered paragraphs, as UN documents number them: every paragraph at
    /// the top level of the document, one sequence from the first to the last; paragraphs inside quotes, lists,
    /// tables and footnotes are not numbered.
    /// </summary>
    public static bool IsNumbered(Block block) => block is ParagraphBlock && block.Parent is MarkdownDocument;
}

/// <summary>What a draft's cover (and its running header) says.</summary>
/// <param name="Symbol">The UN document symbol, such as <c>CCPR/C/MAR/7</c>, or null when it cannot be known yet.</param>
/// <param name="Title">The document's title, such as <c>Seventh periodic report submitted by Morocco under article 40 of the Covenant</c>.</param>
/// <param name="Body">The body's name, such as <c>Human Rights Committee</c>.</param>
/// <param name="Treaty">The treaty, or for the UPR the Council's review.</param>
/// <param name="Country">The country's name.</param>
/// <param name="Language">The draft's language, ISO 639-1 (<c>en</c>, <c>fr</c>, <c>es</c>, <c>pt</c>).</param>
/// <param name="Date">The day the draft was generated.</param>
/// <param name="Status">What the draft is, shown on the cover (<c>Draft</c>, <c>Projet</c>, ...).</param>
public sealed record DraftCover(string? Symbol, string Title, string Body, string Treaty, string Country, string Language, DateOnly Date, string Status);
