using System.Buffers;
using System.Globalization;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using FootnoteGroup = Markdig.Extensions.Footnotes.FootnoteGroup;
using FootnoteLink = Markdig.Extensions.Footnotes.FootnoteLink;
using MarkdownFootnote = Markdig.Extensions.Footnotes.Footnote;
using MarkdownTable = Markdig.Extensions.Tables.Table;
using MarkdownTableCell = Markdig.Extensions.Tables.TableCell;
using MarkdownTableRow = Markdig.Extensions.Tables.TableRow;
using TableColumnAlign = Markdig.Extensions.Tables.TableColumnAlign;

namespace Nmirf.Drafting.Rendering;

/// <summary>
/// Writes a draft as one self-contained, printable HTML5 page: the cover, then the report with its paragraph numbers
/// written out, and the notes at the end. The page loads nothing (an inline style sheet, no scripts, no images) and
/// the tree is walked here rather than by Markdig's HTML renderer so that nothing from the template reaches the page
/// unescaped: raw HTML is shown as text and only web and e-mail links are links.
/// </summary>
internal static class HtmlWriter
{
    public static string Write(MarkdownDocument document, DraftCover cover)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(cover);

        var writer = new Writer(new StringBuilder(4096 + (document.Span.Length * 5 / 4)));
        writer.WritePage(document, cover, CoverWording.For(cover.Language));
        return writer.ToString();
    }

    private sealed class Writer(StringBuilder html)
    {
        /// <summary>What is escaped in text and attributes, and the control characters that are dropped.</summary>
        private static readonly SearchValues<char> Special = SearchValues.Create(
            "&<>\"'\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
            + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

        private int paragraphNumber;

        public override string ToString() => html.ToString();

        public void WritePage(MarkdownDocument document, DraftCover cover, CoverWording wording)
        {
            html.Append("<!DOCTYPE html>\n<html lang=\"");
            Escape(wording.LanguageTag);
            html.Append("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"Nmirf\">\n<title>");
            Escape(cover.Symbol is null ? cover.Title : cover.Symbol + " \u2013 " + cover.Title);
            html.Append("</title>\n<style>\n");
            WriteStyleSheet(cover.Symbol);
            html.Append("</style>\n</head>\n<body>\n");

            WriteCover(cover, wording);

            html.Append("<main>\n");
            FootnoteGroup? notes = null;
            foreach (var block in document)
            {
                if (block is FootnoteGroup group)
                {
                    notes = group;
                    continue;
                }

                WriteBlock(block);
            }

            html.Append("</main>\n");
            if (notes is { Count: > 0 })
            {
                WriteNotes(notes);
            }

            html.Append("</body>\n</html>\n");
        }

        private void WriteStyleSheet(string? symbol)
        {
            html.Append("@page { size: A4; margin: 2.5cm 2cm; ");
            if (symbol is not null)
            {
                html.Append("@top-right { content: \"");
                EscapeCss(symbol);
                html.Append("\"; font: bold 8.5pt \"Times New Roman\", Times, serif; } ");
            }

            html.Append(
                """
                @bottom-center { content: counter(page); font: 8.5pt "Times New Roman", Times, serif; } }
                @page :first { @top-right { content: none; } }
                html { font: 10pt/1.25 "Times New Roman", Times, serif; color: #000; background: #fff; }
                body { max-width: 17cm; margin: 2em auto; padding: 0 1em; }
                .cover { break-after: page; page-break-after: always; margin-bottom: 4em; }
                .cover p { margin: 0 0 6pt; }
                .cover .symbol { text-align: right; font-weight: bold; font-size: 14pt; margin-bottom: 12pt; }
                .cover .distribution p { text-align: right; margin: 0; }
                .cover .body-name { font-weight: bold; font-size: 14pt; margin-top: 30pt; }
                .cover .treaty, .cover .country { font-size: 12pt; }
                .cover .title { font-weight: bold; font-size: 17pt; margin: 24pt 0 18pt; }
                .cover .status { font-weight: bold; font-style: italic; font-size: 12pt; margin-top: 24pt; }
                main p, .footnotes p { margin: 0 0 6pt; text-align: justify; }
                p.para { padding-left: 1cm; text-indent: -1cm; }
                p.para > .num { display: inline-block; width: 1cm; text-indent: 0; }
                h1, h2, h3, h4, h5, h6 { font-weight: bold; margin: 18pt 0 12pt; break-after: avoid; page-break-after: avoid; }
                h1 { font-size: 14pt; } h2 { font-size: 12pt; } h3, h4, h5, h6 { font-size: 10pt; } h4, h5, h6 { font-style: italic; }
                blockquote { margin: 0 1cm 6pt 2cm; }
                ul, ol { margin: 0 0 6pt 2cm; padding-left: 0.5cm; }
                li > ul, li > ol { margin-left: 0.5cm; }
                li > p { margin: 0 0 3pt; }
                table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; }
                thead { display: table-header-group; }
                tr { break-inside: avoid; page-break-inside: avoid; }
                th, td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; }
                th { font-weight: bold; }
                .left { text-align: left; } .center { text-align: center; } .right { text-align: right; }
                pre, code { font-family: "Courier New", Courier, monospace; font-size: 9pt; }
                pre { margin: 0 0 6pt 1cm; white-space: pre-wrap; }
                .raw { white-space: pre-wrap; }
                a { color: #0563c1; }
                sup.fnref { line-height: 0; }
                .footnotes { font-size: 8.5pt; margin-top: 24pt; }
                .footnotes hr { width: 5cm; margin: 0 0 6pt; border: 0; border-top: 0.5pt solid #000; }
                .footnotes ol { margin-left: 0; }
                @media print { body { max-width: none; margin: 0; padding: 0; } a { color: inherit; text-decoration: none; } .back { display: none; } }

                """);
        }

        private void WriteCover(DraftCover cover, CoverWording wording)
        {
            html.Append("<header class=\"cover\">\n");
            if (cover.Symbol is not null)
            {
                Element("p", "symbol", cover.Symbol);
            }

            html.Append("<div class=\"distribution\">\n");
            Element("p", null, wording.Distribution);
            Element("p", null, wording.FormatDate(cover.Date));
            Element("p", null, wording.Original);
            html.Append("</div>\n");
            Element("p", "body-name", cover.Body);
            Element("p", "treaty", cover.Treaty);
            Element("p", "title", cover.Title);
            Element("p", "country", cover.Country);
            Element("p", "status", cover.Status);
            html.Append("</header>\n");
        }

        private void Element(string tag, string? cssClass, string text)
        {
            html.Append('<').Append(tag);
            if (cssClass is not null)
            {
                html.Append(" class=\"").Append(cssClass).Append('"');
            }

            html.Append('>');
            Escape(text);
            html.Append("</").Append(tag).Append(">\n");
        }

        private void WriteBlocks(ContainerBlock container)
        {
            foreach (var block in container)
            {
                WriteBlock(block);
            }
        }

        private void WriteBlock(Block block)
        {
            switch (block)
            {
                case FootnoteGroup or LinkReferenceDefinitionGroup or LinkReferenceDefinition or BlankLineBlock:
                    break;
                case ParagraphBlock paragraph:
                    if (DraftMarkdown.IsNumbered(paragraph))
                    {
                        html.Append("<p class=\"para\"><span class=\"num\">")
                            .Append((++paragraphNumber).ToString(CultureInfo.InvariantCulture))
                            .Append(".</span> ");
                    }
                    else
                    {
                        html.Append("<p>");
                    }

                    WriteInlines(paragraph.Inline);
                    html.Append("</p>\n");
                    break;
                case HeadingBlock heading:
                    var level = Math.Clamp(heading.Level, 1, 6).ToString(CultureInfo.InvariantCulture);
                    html.Append("<h").Append(level).Append('>');
                    WriteInlines(heading.Inline);
                    html.Append("</h").Append(level).Append(">\n");
                    break;
                case ThematicBreakBlock:
                    html.Append("<hr>\n");
                    break;
                case QuoteBlock quote:
                    html.Append("<blockquote>\n");
                    WriteBlocks(quote);
                    html.Append("</blockquote>\n");
                    break;
                case ListBlock list:
                    WriteList(list);
                    break;
                case MarkdownTable table:
                    WriteTable(table);
                    break;
                case HtmlBlock raw:
                    // Raw HTML is shown as the text it is, never passed through.
                    html.Append("<p class=\"raw\">");
                    WriteLines(raw);
                    html.Append("</p>\n");
                    break;
                case CodeBlock code:
                    html.Append("<pre><code>");
                    WriteLines(code);
                    html.Append("</code></pre>\n");
                    break;
                case LeafBlock leaf:
                    html.Append("<p>");
                    WriteInlines(leaf.Inline);
                    html.Append("</p>\n");
                    break;
                case ContainerBlock container:
                    WriteBlocks(container);
                    break;
            }
        }

        private void WriteLines(LeafBlock block)
        {
            var lines = block.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0)
                {
                    html.Append('\n');
                }

                Escape(lines.Lines[i].Slice.AsSpan());
            }
        }

        private void WriteList(ListBlock list)
        {
            if (list.IsOrdered)
            {
                html.Append("<ol");
                if (int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start != 1)
                {
                    html.Append(" start=\"").Append(start.ToString(CultureInfo.InvariantCulture)).Append('"');
                }

                html.Append(">\n");
            }
            else
            {
                html.Append("<ul>\n");
            }

            foreach (var child in list)
            {
                html.Append("<li>");
                if (child is ContainerBlock item)
                {
                    var first = true;
                    foreach (var block in item)
                    {
                        // A tight list's paragraphs are the item's text itself, as CommonMark renders them.
                        if (block is ParagraphBlock paragraph && !list.IsLoose)
                        {
                            if (!first)
                            {
                                html.Append("<br>");
                            }

                            WriteInlines(paragraph.Inline);
                        }
                        else
                        {
                            html.Append('\n');
                            WriteBlock(block);
                        }

                        first = false;
                    }
                }

                html.Append("</li>\n");
            }

            html.Append(list.IsOrdered ? "</ol>\n" : "</ul>\n");
        }

        private void WriteTable(MarkdownTable table)
        {
            html.Append("<table>\n");
            var inHead = false;
            var inBody = false;
            foreach (var block in table)
            {
                if (block is not MarkdownTableRow row)
                {
                    continue;
                }

                if (row.IsHeader && !inHead && !inBody)
                {
                    html.Append("<thead>\n");
                    inHead = true;
                }
                else if (!row.IsHeader && !inBody)
                {
                    html.Append(inHead ? "</thead>\n<tbody>\n" : "<tbody>\n");
                    inHead = false;
                    inBody = true;
                }

                var cellTag = row.IsHeader ? "th" : "td";
                html.Append("<tr>");
                for (var column = 0; column < row.Count; column++)
                {
                    html.Append('<').Append(cellTag);
                    var alignment = column < table.ColumnDefinitions.Count ? table.ColumnDefinitions[column].Alignment : null;
                    switch (alignment)
                    {
                        case TableColumnAlign.Center:
                            html.Append(" class=\"center\"");
                            break;
                        case TableColumnAlign.Right:
                            html.Append(" class=\"right\"");
                            break;
                        case TableColumnAlign.Left:
                            html.Append(" class=\"left\"");
                            break;
                    }

                    html.Append('>');
                    if (row[column] is MarkdownTableCell cell)
                    {
                        WriteCell(cell);
                    }

                    html.Append("</").Append(cellTag).Append('>');
                }

                html.Append("</tr>\n");
            }

            html.Append(inHead ? "</thead>\n" : inBody ? "</tbody>\n" : string.Empty);
            html.Append("</table>\n");
        }

        private void WriteCell(MarkdownTableCell cell)
        {
            var first = true;
            foreach (var block in cell)
            {
                if (!first)
                {
                    html.Append("<br>");
                }

                if (block is LeafBlock leaf)
                {
                    WriteInlines(leaf.Inline);
                }
                else
                {
                    WriteBlock(block);
                }

                first = false;
            }
        }

        private void WriteNotes(FootnoteGroup notes)
        {
            html.Append("<section class=\"footnotes\">\n<hr>\n<ol>\n");
            foreach (var block in notes)
            {
                if (block is not MarkdownFootnote note)
                {
                    continue;
                }

                html.Append("<li id=\"fn-").Append(note.Order.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
                WriteBlocks(note);
                html.Append("</li>\n");
            }

            html.Append("</ol>\n</section>\n");
        }

        private void WriteInlines(ContainerInline? container)
        {
            if (container is null)
            {
                return;
            }

            for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                WriteInline(inline);
            }
        }

        private void WriteInline(Inline inline)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Escape(literal.Content.AsSpan());
                    break;
                case EmphasisInline emphasis:
                    var tag = emphasis.DelimiterCount >= 2 ? "strong" : "em";
                    html.Append('<').Append(tag).Append('>');
                    WriteInlines(emphasis);
                    html.Append("</").Append(tag).Append('>');
                    break;
                case CodeInline code:
                    html.Append("<code>");
                    Escape(code.Content);
                    html.Append("</code>");
                    break;
                case LineBreakInline lineBreak:
                    html.Append(lineBreak.IsHard ? "<br>\n" : "\n");
                    break;
                case FootnoteLink { IsBackLink: true } backLink:
                    html.Append(" <a class=\"back\" href=\"#fnref-")
                        .Append(backLink.Index.ToString(CultureInfo.InvariantCulture))
                        .Append("\" aria-label=\"Back to the text\">\u21A9\uFE0E</a>");
                    break;
                case FootnoteLink reference:
                    var order = reference.Footnote.Order.ToString(CultureInfo.InvariantCulture);
                    html.Append("<sup class=\"fnref\"><a id=\"fnref-")
                        .Append(reference.Index.ToString(CultureInfo.InvariantCulture))
                        .Append("\" href=\"#fn-").Append(order).Append("\">")
                        .Append(order).Append("</a></sup>");
                    break;
                case AutolinkInline autolink:
                    WriteLink(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, title: null, content: null, autolink.Url);
                    break;
                case LinkInline { IsImage: true } image:
                    // Nothing is loaded from elsewhere: an image's description stands in for it.
                    WriteInlines(image);
                    break;
                case LinkInline link:
                    WriteLink(link.Url, link.Title, link, text: null);
                    break;
                case HtmlInline raw:
                    Escape(raw.Tag);
                    break;
                case HtmlEntityInline entity:
                    Escape(entity.Transcoded.AsSpan());
                    break;
                case DelimiterInline delimiter:
                    Escape(delimiter.ToLiteral());
                    WriteInlines(delimiter);
                    break;
                case ContainerInline nested:
                    WriteInlines(nested);
                    break;
            }
        }

        private void WriteLink(string? url, string? title, ContainerInline? content, string? text)
        {
            var target = DraftLinks.SafeTarget(url);
            if (target is not null)
            {
                html.Append("<a href=\"");
                Escape(target.AbsoluteUri);
                html.Append('"');
                if (!string.IsNullOrEmpty(title))
                {
                    html.Append(" title=\"");
                    Escape(title);
                    html.Append('"');
                }

                html.Append('>');
            }

            if (content is not null)
            {
                WriteInlines(content);
            }
            else
            {
                Escape(text);
            }

            if (target is not null)
            {
                html.Append("</a>");
            }
        }

        private void Escape(ReadOnlySpan<char> text)
        {
            while (!text.IsEmpty)
            {
                var at = text.IndexOfAny(Special);
                if (at < 0)
                {
                    html.Append(text);
                    return;
                }

                html.Append(text[..at]);
                switch (text[at])
                {
                    case '&':
                        html.Append("&amp;");
                        break;
                    case '<':
                        html.Append("&lt;");
                        break;
                    case '>':
                        html.Append("&gt;");
                        break;
                    case '"':
                        html.Append("&quot;");
                        break;
                    case '\'':
                        html.Append("&#39;");
                        break;
                }

                text = text[(at + 1)..];
            }
        }

        /// <summary>Text inside a CSS string of the inline style sheet: everything but letters, digits and a few safe marks as a CSS escape, so it can neither end the string nor the style element.</summary>
        private void EscapeCss(string text)
        {
            foreach (var c in text)
            {
                if (char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ' ' or '(' or ')' or ',')
                {
                    html.Append(c);
                }
                else if (!char.IsControl(c) && !char.IsSurrogate(c))
                {
                    html.Append('\\').Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(' ');
                }
            }
        }
    }
}
