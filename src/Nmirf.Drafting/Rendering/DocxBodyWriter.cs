using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
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
/// Walks a draft's Markdown tree once, in document order, and writes the report's Word content: paragraphs, headings,
/// lists, tables, and footnotes into the footnotes part. Consecutive text of the same formatting becomes one run.
/// </summary>
internal sealed class DocxBodyWriter(MainDocumentPart main, FootnotesPart footnotesPart, Footnotes footnotes, Numbering numbering, int textWidth)
{
    /// <summary>Where a table column's text weight is clamped, so that a long cell does not starve the others.</summary>
    private const int MinColumnWeight = 4;

    private const int MaxColumnWeight = 40;

    private readonly Dictionary<MarkdownFootnote, int> footnoteNumbers = [];
    private readonly List<MarkdownFootnote> footnoteQueue = [];
    private readonly StringBuilder pending = new();
    private InlineFormat pendingFormat;
    private OpenXmlCompositeElement runTarget = null!;
    private OpenXmlPartContainer linkOwner = main;
    private bool writingFootnotes;
    private int nextOrderedNumbering = DocxStyles.FirstOrderedNumbering;
    private int links;

    [Flags]
    private enum InlineFormat
    {
        None = 0,
        Bold = 1,
        Italic = 2,
        Code = 4,
        Link = 8,
    }

    /// <summary>How the blocks at one place of the tree are written.</summary>
    /// <param name="Style">The paragraph style of plain paragraphs here.</param>
    /// <param name="Indent">A left indent in twips, or 0 for the style's own.</param>
    /// <param name="Alignment">A table column's alignment, or null for the style's own.</param>
    /// <param name="Format">Formatting every run here carries (bold in a table's header row).</param>
    /// <param name="QuoteDepth">How many quotes enclose the blocks.</param>
    private readonly record struct Scope(string Style, int Indent, JustificationValues? Alignment, InlineFormat Format, int QuoteDepth);

    public int NumberedParagraphs { get; private set; }

    public void Write(MarkdownDocument document, Body body)
    {
        linkOwner = main;
        WriteBlocks(document, body, new Scope(DocxStyles.Normal, 0, null, InlineFormat.None, 0));

        // The notes are written after the body, in the order of their first reference, which is Word's numbering order.
        writingFootnotes = true;
        linkOwner = footnotesPart;
        for (var i = 0; i < footnoteQueue.Count; i++)
        {
            footnotes.AppendChild(WordFootnote(footnoteQueue[i], i + 1));
        }
    }

    public static Text NewText(string text)
    {
        var element = new Text(text);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            element.Space = SpaceProcessingModeValues.Preserve;
        }

        return element;
    }

    private void WriteBlocks(ContainerBlock container, OpenXmlCompositeElement target, Scope scope)
    {
        foreach (var block in container)
        {
            WriteBlock(block, target, scope);
        }
    }

    private void WriteBlock(Block block, OpenXmlCompositeElement target, Scope scope)
    {
        switch (block)
        {
            // Footnotes are written where they are referenced; reference definitions and rules print nothing.
            case FootnoteGroup or LinkReferenceDefinitionGroup or LinkReferenceDefinition or ThematicBreakBlock or BlankLineBlock:
                break;
            case ParagraphBlock paragraph:
                WriteParagraph(paragraph, target, scope);
                break;
            case HeadingBlock heading:
                var headingParagraph = NewParagraph(scope with { Style = DocxStyles.HeadingStyle(heading.Level), Indent = 0, Alignment = null });
                WriteInlines(headingParagraph, heading.Inline, scope.Format);
                target.AppendChild(headingParagraph);
                break;
            case QuoteBlock quote:
                var depth = scope.QuoteDepth + 1;
                WriteBlocks(quote, target, scope with
                {
                    Style = DocxStyles.Quote,
                    QuoteDepth = depth,
                    Indent = depth > 1 ? (depth + 1) * DocxStyles.Centimetre : scope.Indent,
                });
                break;
            case ListBlock list:
                WriteList(list, target, scope, level: 0);
                break;
            case MarkdownTable table:
                WriteTable(table, target, scope);
                break;
            case CodeBlock code:
                WriteLines(code, target, scope with { Style = DocxStyles.Code, Alignment = null });
                break;
            case HtmlBlock html:
                // Raw HTML is shown as the text it is, never interpreted.
                WriteLines(html, target, scope);
                break;
            case LeafBlock leaf:
                var other = NewParagraph(scope);
                if (leaf.Inline is not null)
                {
                    WriteInlines(other, leaf.Inline, scope.Format);
                }

                target.AppendChild(other);
                break;
            case ContainerBlock container:
                WriteBlocks(container, target, scope);
                break;
        }
    }

    private void WriteParagraph(ParagraphBlock block, OpenXmlCompositeElement target, Scope scope)
    {
        Paragraph paragraph;
        if (DraftMarkdown.IsNumbered(block))
        {
            paragraph = NewParagraph(scope, DocxStyles.ParagraphNumbering, level: 0);
            NumberedParagraphs++;
        }
        else
        {
            paragraph = NewParagraph(scope);
        }

        WriteInlines(paragraph, block.Inline, scope.Format);
        target.AppendChild(paragraph);
    }

    private void WriteList(ListBlock list, OpenXmlCompositeElement target, Scope scope, int level)
    {
        var numberingId = list.IsOrdered ? NewOrderedNumbering(list, level) : DocxStyles.BulletNumbering;
        var itemScope = scope with { Style = DocxStyles.ListParagraph, Alignment = null };
        foreach (var child in list)
        {
            if (child is not ListItemBlock item)
            {
                WriteBlock(child, target, itemScope);
                continue;
            }

            // The item's first paragraph carries the number or bullet; what follows in the item is indented under it.
            var continuation = itemScope with { Indent = DocxStyles.ListIndent(level) };
            var numbered = false;
            foreach (var block in item)
            {
                if (!numbered)
                {
                    numbered = true;
                    var first = NewParagraph(itemScope, numberingId, level);
                    if (block is ParagraphBlock paragraph)
                    {
                        WriteInlines(first, paragraph.Inline, scope.Format);
                        target.AppendChild(first);
                        continue;
                    }

                    target.AppendChild(first);
                }

                if (block is ListBlock nested)
                {
                    WriteList(nested, target, scope, Math.Min(level + 1, DocxStyles.MaxListLevel));
                }
                else
                {
                    WriteBlock(block, target, continuation);
                }
            }

            if (!numbered)
            {
                target.AppendChild(NewParagraph(itemScope, numberingId, level));
            }
        }
    }

    /// <summary>A numbering instance of its own for an ordered list, so that it starts at the number the Markdown gives.</summary>
    private int NewOrderedNumbering(ListBlock list, int level)
    {
        var start = int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : 1;
        var id = nextOrderedNumbering++;
        numbering.AppendChild(new NumberingInstance(
            new AbstractNumId { Val = DocxStyles.OrderedAbstract },
            new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level })
        {
            NumberID = id,
        });
        return id;
    }

    private void WriteTable(MarkdownTable table, OpenXmlCompositeElement target, Scope scope)
    {
        var columns = table.ColumnDefinitions.Count;
        foreach (var row in table)
        {
            if (row is MarkdownTableRow tableRow)
            {
                columns = Math.Max(columns, tableRow.Count);
            }
        }

        if (columns == 0)
        {
            return;
        }

        var widths = ColumnWidths(table, columns);
        var grid = new TableGrid();
        foreach (var width in widths)
        {
            grid.AppendChild(new GridColumn { Width = width.ToString(CultureInfo.InvariantCulture) });
        }

        var wordTable = new Table(
            new TableProperties(
                new TableWidth { Width = textWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            grid);

        foreach (var block in table)
        {
            if (block is not MarkdownTableRow row)
            {
                continue;
            }

            var wordRow = new TableRow();
            if (row.IsHeader)
            {
                // Repeated at the top of every page the table runs onto.
                wordRow.AppendChild(new TableRowProperties(new TableHeader()));
            }

            for (var column = 0; column < columns; column++)
            {
                var cell = new TableCell(new TableCellProperties(
                    new TableCellWidth { Width = widths[column].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
                var cellScope = new Scope(
                    DocxStyles.TableText,
                    Indent: 0,
                    Alignment: column < table.ColumnDefinitions.Count ? Justify(table.ColumnDefinitions[column].Alignment) : null,
                    Format: row.IsHeader ? InlineFormat.Bold : InlineFormat.None,
                    scope.QuoteDepth);
                if (column < row.Count && row[column] is MarkdownTableCell markdownCell)
                {
                    WriteBlocks(markdownCell, cell, cellScope);
                }

                // A cell holds at least one paragraph and ends with one.
                if (cell.LastChild is not Paragraph)
                {
                    cell.AppendChild(NewParagraph(cellScope));
                }

                wordRow.AppendChild(cell);
            }

            wordTable.AppendChild(wordRow);
        }

        // Word merges two tables that touch into one.
        if (target.LastChild is Table)
        {
            target.AppendChild(new Paragraph());
        }

        target.AppendChild(wordTable);
    }

    /// <summary>The columns' widths in twips, spread over the text width in proportion to their longest cell.</summary>
    private int[] ColumnWidths(MarkdownTable table, int columns)
    {
        var weights = new int[columns];
        foreach (var block in table)
        {
            if (block is not MarkdownTableRow row)
            {
                continue;
            }

            for (var column = 0; column < row.Count && column < columns; column++)
            {
                weights[column] = Math.Max(weights[column], TextLength(row[column]));
            }
        }

        var total = 0;
        for (var column = 0; column < columns; column++)
        {
            weights[column] = Math.Clamp(weights[column], MinColumnWeight, MaxColumnWeight);
            total += weights[column];
        }

        var widths = new int[columns];
        var used = 0;
        for (var column = 0; column < columns; column++)
        {
            widths[column] = column == columns - 1 ? textWidth - used : textWidth * weights[column] / total;
            used += widths[column];
        }

        return widths;
    }

    private static int TextLength(Block block) => block switch
    {
        LeafBlock { Inline: { } inline } => TextLength(inline),
        ContainerBlock container => container.Sum(child => TextLength(child)),
        _ => 0,
    };

    private static int TextLength(ContainerInline container)
    {
        var length = 0;
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            length += inline switch
            {
                LiteralInline literal => literal.Content.Length,
                CodeInline code => code.Content.Length,
                ContainerInline nested => TextLength(nested),
                _ => 1,
            };
        }

        return length;
    }

    private static JustificationValues? Justify(TableColumnAlign? alignment) => alignment switch
    {
        TableColumnAlign.Center => JustificationValues.Center,
        TableColumnAlign.Right => JustificationValues.Right,
        TableColumnAlign.Left => JustificationValues.Left,
        _ => null,
    };

    /// <summary>Code and raw HTML: one paragraph, its lines kept apart by line breaks and its spaces kept.</summary>
    private static void WriteLines(LeafBlock block, OpenXmlCompositeElement target, Scope scope)
    {
        var paragraph = NewParagraph(scope);
        var lines = block.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                paragraph.AppendChild(new Run(new Break()));
            }

            var line = lines.Lines[i].Slice.ToString();
            if (line.Length > 0)
            {
                paragraph.AppendChild(new Run(NewText(DraftText.ForXml(line.Replace("\t", "    ", StringComparison.Ordinal)))));
            }
        }

        target.AppendChild(paragraph);
    }

    private static Paragraph NewParagraph(Scope scope, int? numberingId = null, int level = 0)
    {
        var paragraph = new Paragraph();
        if (scope.Style == DocxStyles.Normal && numberingId is null && scope.Indent == 0 && scope.Alignment is null)
        {
            return paragraph;
        }

        var properties = new ParagraphProperties();
        if (scope.Style != DocxStyles.Normal)
        {
            properties.ParagraphStyleId = new ParagraphStyleId { Val = scope.Style };
        }

        if (numberingId is { } id)
        {
            properties.NumberingProperties = new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = id });
        }

        if (scope.Indent > 0)
        {
            properties.Indentation = new Indentation { Left = scope.Indent.ToString(CultureInfo.InvariantCulture) };
        }

        if (scope.Alignment is { } alignment)
        {
            properties.Justification = new Justification { Val = alignment };
        }

        paragraph.ParagraphProperties = properties;
        return paragraph;
    }

    private void WriteInlines(OpenXmlCompositeElement paragraph, ContainerInline? inlines, InlineFormat format)
    {
        runTarget = paragraph;
        if (inlines is not null)
        {
            WriteInlineChildren(inlines, format);
        }

        Flush();
    }

    private void WriteInlineChildren(ContainerInline container, InlineFormat format)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Append(literal.Content.AsSpan(), format);
                    break;
                case EmphasisInline emphasis:
                    WriteInlineChildren(emphasis, format | (emphasis.DelimiterCount >= 2 ? InlineFormat.Bold : InlineFormat.Italic));
                    break;
                case CodeInline code:
                    Append(code.Content, format | InlineFormat.Code);
                    break;
                case LineBreakInline lineBreak when lineBreak.IsHard:
                    Flush();
                    runTarget.AppendChild(NewRun(format, new Break()));
                    break;
                case LineBreakInline:
                    Append(" ", format);
                    break;
                case FootnoteLink footnoteLink:
                    // The back links Markdig appends to a note's text belong to HTML only.
                    if (!footnoteLink.IsBackLink)
                    {
                        WriteFootnoteReference(footnoteLink.Footnote, format);
                    }

                    break;
                case AutolinkInline autolink:
                    WriteLink(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, content: null, autolink.Url, format);
                    break;
                case LinkInline { IsImage: true } image:
                    // Images are not embedded: their description stands in.
                    WriteInlineChildren(image, format);
                    break;
                case LinkInline link:
                    WriteLink(link.Url, link, text: null, format);
                    break;
                case HtmlInline html:
                    Append(html.Tag.ReplaceLineEndings(" "), format);
                    break;
                case HtmlEntityInline entity:
                    Append(entity.Transcoded.AsSpan(), format);
                    break;
                case DelimiterInline delimiter:
                    Append(delimiter.ToLiteral(), format);
                    WriteInlineChildren(delimiter, format);
                    break;
                case ContainerInline nested:
                    WriteInlineChildren(nested, format);
                    break;
            }
        }
    }

    /// <summary>A hyperlink for a web or e-mail address; any other target leaves its text plain.</summary>
    private void WriteLink(string? url, ContainerInline? content, string? text, InlineFormat format)
    {
        var target = DraftLinks.SafeTarget(url);
        if (target is null)
        {
            if (content is not null)
            {
                WriteInlineChildren(content, format);
            }
            else
            {
                Append(text, format);
            }

            return;
        }

        Flush();
        var relationship = linkOwner.AddHyperlinkRelationship(target, isExternal: true, "rIdLink" + (++links).ToString(CultureInfo.InvariantCulture));
        var hyperlink = new Hyperlink { Id = relationship.Id, History = true };
        var outer = runTarget;
        runTarget = hyperlink;
        if (content is not null)
        {
            WriteInlineChildren(content, format | InlineFormat.Link);
        }
        else
        {
            Append(text, format | InlineFormat.Link);
        }

        Flush();
        runTarget = outer;
        outer.AppendChild(hyperlink);
    }

    /// <summary>
    /// The first reference to a note makes the Word footnote; a later one refers to its number with a NOTEREF field,
    /// as Word's own cross-references do, so that the note is printed once.
    /// </summary>
    private void WriteFootnoteReference(MarkdownFootnote footnote, InlineFormat format)
    {
        Flush();
        if (footnoteNumbers.TryGetValue(footnote, out var number))
        {
            var numberText = number.ToString(CultureInfo.InvariantCulture);
            if (writingFootnotes)
            {
                runTarget.AppendChild(ReferenceRun(new Text(numberText)));
                return;
            }

            runTarget.AppendChild(new SimpleField(ReferenceRun(new Text(numberText)))
            {
                Instruction = $" NOTEREF {BookmarkName(number)} \\f \\h ",
            });
            return;
        }

        if (writingFootnotes)
        {
            // A note referenced only from another note: Word has no footnotes inside footnotes, so its label stands in.
            Append(footnote.Label?.TrimStart('^'), format);
            return;
        }

        number = footnoteNumbers.Count + 1;
        footnoteNumbers.Add(footnote, number);
        footnoteQueue.Add(footnote);
        var reference = ReferenceRun(new FootnoteReference { Id = number });
        if (footnote.Links.Count > 1)
        {
            var bookmarkId = number.ToString(CultureInfo.InvariantCulture);
            runTarget.Append(new BookmarkStart { Id = bookmarkId, Name = BookmarkName(number) }, reference, new BookmarkEnd { Id = bookmarkId });
        }
        else
        {
            runTarget.AppendChild(reference);
        }
    }

    /// <summary>A hidden bookmark (leading underscore), as Word names those of its cross-references.</summary>
    private static string BookmarkName(int number) => "_RefFootnote" + number.ToString(CultureInfo.InvariantCulture);

    private static Run ReferenceRun(OpenXmlElement content) => new(
        new RunProperties(new RunStyle { Val = DocxStyles.FootnoteReference }),
        content);

    private Footnote WordFootnote(MarkdownFootnote source, int id)
    {
        var note = new Footnote { Id = id };
        var scope = new Scope(DocxStyles.FootnoteText, 0, null, InlineFormat.None, 0);
        var count = source.Count;
        for (var i = 0; i < count; i++)
        {
            var block = source[i];

            // Markdig adds a paragraph for its back links when a note does not end with one; it has nothing to print.
            if (i > 0 && i == count - 1 && block is ParagraphBlock paragraph && HoldsOnlyBackLinks(paragraph))
            {
                continue;
            }

            WriteBlock(block, note, scope);
        }

        var mark = ReferenceRun(new FootnoteReferenceMark());
        var space = new Run(NewText(" "));
        if (note.FirstChild is Paragraph first)
        {
            var at = first.ParagraphProperties is null ? 0 : 1;
            first.InsertAt(mark, at);
            first.InsertAt(space, at + 1);
        }
        else
        {
            var opening = NewParagraph(scope);
            opening.Append(mark, space);
            note.PrependChild(opening);
        }

        if (note.LastChild is not Paragraph)
        {
            note.AppendChild(NewParagraph(scope));
        }

        return note;
    }

    private static bool HoldsOnlyBackLinks(ParagraphBlock paragraph)
    {
        if (paragraph.Inline is null)
        {
            return true;
        }

        for (var inline = paragraph.Inline.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is not FootnoteLink { IsBackLink: true })
            {
                return false;
            }
        }

        return true;
    }

    private void Append(ReadOnlySpan<char> text, InlineFormat format)
    {
        if (text.IsEmpty)
        {
            return;
        }

        if (pending.Length > 0 && format != pendingFormat)
        {
            Flush();
        }

        pendingFormat = format;
        DraftText.AppendForXml(pending, text);
    }

    private void Flush()
    {
        if (pending.Length == 0)
        {
            return;
        }

        runTarget.AppendChild(NewRun(pendingFormat, NewText(pending.ToString())));
        pending.Clear();
    }

    private static Run NewRun(InlineFormat format, OpenXmlElement content)
    {
        var run = new Run();
        if (format != InlineFormat.None)
        {
            var properties = new RunProperties();
            if ((format & InlineFormat.Link) != 0)
            {
                properties.RunStyle = new RunStyle { Val = DocxStyles.Hyperlink };
            }
            else if ((format & InlineFormat.Code) != 0)
            {
                properties.RunStyle = new RunStyle { Val = DocxStyles.CodeChar };
            }

            if ((format & InlineFormat.Bold) != 0)
            {
                properties.Bold = new Bold();
                properties.BoldComplexScript = new BoldComplexScript();
            }

            if ((format & InlineFormat.Italic) != 0)
            {
                properties.Italic = new Italic();
                properties.ItalicComplexScript = new ItalicComplexScript();
            }

            run.RunProperties = properties;
        }

        run.AppendChild(content);
        return run;
    }
}
