using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Nmirf.Drafting.WordCount;

/// <summary>One section's share of a draft's words.</summary>
public sealed record SectionWords(string Heading, int Words);

/// <summary>
/// A draft's words against its limit: what counts, what does not (footnotes or annexes, where the document's rule
/// leaves them out), the limit and the excess, and the largest sections to cut.
/// </summary>
public sealed record WordCheck(
    int Counted,
    int? Limit,
    int Excess,
    int BodyWords,
    int FootnoteWords,
    bool FootnotesCounted,
    int AnnexWords,
    bool AnnexesCounted,
    IReadOnlyList<SectionWords> LargestSections,
    string Method)
{
    public bool OverLimit => Excess > 0;
}

/// <summary>
/// Counts words as a word processor does and the UN's limits are applied: each run of characters between spaces
/// that holds a letter or a digit is a word (so "23(b)" and "2026" count, a lone dash does not). Headings, paragraphs,
/// lists, quotes and tables count; footnotes and annexes count unless the document's rule leaves them out.
/// </summary>
internal static class WordCounter
{
    public const string Method = "words are runs of characters between spaces that contain a letter or a digit, as a word processor counts them; headings, tables and lists count";

    private static readonly string[] AnnexWords = ["annex", "annexe", "anexo", "annexes", "anexos"];

    public static WordCheck Check(MarkdownDocument document, int? limit, bool countFootnotes, bool countAnnexes, int largest = 5)
    {
        var sections = new List<(string Heading, int Words)>();
        var current = "(before the first heading)";
        var currentWords = 0;
        var body = 0;
        var annex = 0;
        var inAnnex = false;
        var footnotes = 0;

        foreach (var block in document)
        {
            if (block is FootnoteGroup group)
            {
                footnotes += CountBlock(group);
                continue;
            }

            if (block is HeadingBlock heading && heading.Level <= 2)
            {
                if (currentWords > 0)
                {
                    sections.Add((current, currentWords));
                }

                current = InlineText(heading.Inline).Trim();
                currentWords = 0;
                if (heading.Level == 1)
                {
                    var first = current.Split(' ', 2)[0].TrimEnd('.', ':').ToLowerInvariant();
                    inAnnex = AnnexWords.Contains(first);
                }
            }

            var words = CountBlock(block);
            currentWords += words;
            if (inAnnex)
            {
                annex += words;
            }
            else
            {
                body += words;
            }
        }

        if (currentWords > 0)
        {
            sections.Add((current, currentWords));
        }

        var counted = body + (countFootnotes ? footnotes : 0) + (countAnnexes ? annex : 0);
        return new WordCheck(
            counted, limit, limit is { } l ? Math.Max(0, counted - l) : 0, body, footnotes, countFootnotes, annex, countAnnexes,
            sections.OrderByDescending(s => s.Words).Take(largest).Select(s => new SectionWords(s.Heading, s.Words)).ToList(),
            Method);
    }

    /// <summary>The words of a text.</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        var words = 0;
        var inWord = false;
        var hasContent = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (inWord && hasContent)
                {
                    words++;
                }

                inWord = false;
                hasContent = false;
                continue;
            }

            inWord = true;
            hasContent |= char.IsLetterOrDigit(c);
        }

        return inWord && hasContent ? words + 1 : words;
    }

    private static int CountBlock(Block block) => block switch
    {
        LeafBlock { Inline: { } inline } => Count(InlineText(inline)),
        CodeBlock code => Count(code.Lines.ToString()),
        Table table => table.Sum(CountBlock),
        ContainerBlock container => container.Sum(CountBlock),
        _ => 0,
    };

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var text = new System.Text.StringBuilder();
        Append(inline, text);
        return text.ToString();
    }

    private static void Append(Inline inline, System.Text.StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case FootnoteLink:
                // The reference mark is not a word of the text.
                break;
            case HtmlInline html:
                text.Append(html.Tag);
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                {
                    Append(child, text);
                }

                break;
        }
    }
}
