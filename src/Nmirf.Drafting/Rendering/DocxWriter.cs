using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;

namespace Nmirf.Drafting.Rendering;

/// <summary>
/// Writes a draft as a Word document a UN reader expects: a cover page (symbol, distribution, date, body, treaty,
/// title, country, status) in a section of its own, then the report with Word heading styles, the report's
/// paragraphs numbered by one Word numbering sequence, lists, tables, real footnotes, the symbol in the running header
/// and the page number in the footer. A4, Times New Roman 10 pt.
/// </summary>
internal static class DocxWriter
{
    public const string Creator = "Nmirf";

    /// <summary>A4 in twips.</summary>
    private const int PageWidth = 11906;

    private const int PageHeight = 16838;

    private const int SideMargin = 2 * DocxStyles.Centimetre;

    /// <summary>The width between the margins, which tables are spread over.</summary>
    public const int TextWidth = PageWidth - (2 * SideMargin);

    public static void Write(MarkdownDocument document, DraftCover cover, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(cover);
        ArgumentNullException.ThrowIfNull(output);

        // The package is built in memory, where System.IO.Packaging can seek, then copied: the destination may be a
        // response body or another stream that can only be written forwards.
        using var buffer = new MemoryStream();
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            Build(package, document, cover);
        }

        buffer.WriteTo(output);
    }

    private static void Build(WordprocessingDocument package, MarkdownDocument document, DraftCover cover)
    {
        var wording = CoverWording.For(cover.Language);
        var main = package.AddMainDocumentPart();

        // Relationship ids are named rather than random, so that the same draft gives the same parts.

        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = DocxStyles.Create(wording.LanguageTag);
        main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = CreateSettings();

        var coverFooter = main.AddNewPart<FooterPart>("rIdCoverFooter");
        coverFooter.Footer = PageNumberFooter();
        var bodyFooter = main.AddNewPart<FooterPart>("rIdFooter");
        bodyFooter.Footer = PageNumberFooter();
        string? headerId = null;
        if (cover.Symbol is not null)
        {
            var header = main.AddNewPart<HeaderPart>("rIdHeader");
            header.Header = new Header(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Header }),
                new Run(new Text(DraftText.ForXml(cover.Symbol)))));
            headerId = main.GetIdOfPart(header);
        }

        var numberingPart = main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering");
        var numbering = DocxStyles.CreateNumbering();
        var footnotesPart = main.AddNewPart<FootnotesPart>("rIdFootnotes");
        var footnotes = new Footnotes(
            SpecialFootnote(-1, FootnoteEndnoteValues.Separator, new SeparatorMark()),
            SpecialFootnote(0, FootnoteEndnoteValues.ContinuationSeparator, new ContinuationSeparatorMark()));

        var body = new Body();
        WriteCover(body, cover, wording, Section(main.GetIdOfPart(coverFooter), headerId: null));

        var writer = new DocxBodyWriter(main, footnotesPart, footnotes, numbering, TextWidth);
        writer.Write(document, body);
        body.AppendChild(Section(main.GetIdOfPart(bodyFooter), headerId));

        numberingPart.Numbering = numbering;
        footnotesPart.Footnotes = footnotes;
        main.Document = new Document(body);

        var properties = package.PackageProperties;
        properties.Title = DraftText.ForXml(cover.Title);
        properties.Subject = cover.Symbol is null ? null : DraftText.ForXml(cover.Symbol);
        properties.Creator = Creator;
        properties.Language = wording.LanguageTag;
        properties.Created = cover.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    }

    /// <summary>
    /// The cover, ending with its own section break: the cover section has no running header (the symbol is already
    /// at the top of the page), the report's section carries it.
    /// </summary>
    private static void WriteCover(Body body, DraftCover cover, CoverWording wording, SectionProperties coverSection)
    {
        if (cover.Symbol is not null)
        {
            body.AppendChild(CoverParagraph(DocxStyles.CoverSymbol, cover.Symbol));
        }

        body.Append(
            CoverParagraph(DocxStyles.CoverMeta, wording.Distribution),
            CoverParagraph(DocxStyles.CoverMeta, wording.FormatDate(cover.Date)),
            CoverParagraph(DocxStyles.CoverMeta, wording.Original),
            CoverParagraph(DocxStyles.CoverBody, cover.Body),
            CoverParagraph(DocxStyles.CoverLine, cover.Treaty),
            CoverParagraph(DocxStyles.Title, cover.Title),
            CoverParagraph(DocxStyles.CoverLine, cover.Country));

        var status = CoverParagraph(DocxStyles.CoverStatus, cover.Status);
        status.ParagraphProperties!.SectionProperties = coverSection;
        body.AppendChild(status);
    }

    private static Paragraph CoverParagraph(string style, string text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        if (!string.IsNullOrEmpty(text))
        {
            paragraph.AppendChild(new Run(DocxBodyWriter.NewText(DraftText.ForXml(text))));
        }

        return paragraph;
    }

    private static SectionProperties Section(string footerId, string? headerId)
    {
        var section = new SectionProperties();
        if (headerId is not null)
        {
            section.AppendChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId });
        }

        section.Append(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new SectionType { Val = SectionMarkValues.NextPage },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = 1418,
                Bottom = 1418,
                Left = SideMargin,
                Right = SideMargin,
                Header = 709,
                Footer = 567,
                Gutter = 0,
            });
        return section;
    }

    private static Footer PageNumberFooter() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Footer }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE \\* MERGEFORMAT " }));

    private static Footnote SpecialFootnote(int id, FootnoteEndnoteValues type, OpenXmlElement mark) => new(
        new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new Run(mark)))
    {
        Type = type,
        Id = id,
    };

    private static Settings CreateSettings() => new(
        new DefaultTabStop { Val = DocxStyles.Centimetre },
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        // Word writes the separator footnotes' ids here; some readers look for them nowhere else.
        new FootnoteDocumentWideProperties(new FootnoteSpecialReference { Id = -1 }, new FootnoteSpecialReference { Id = 0 }),
        new Compatibility(new CompatibilitySetting
        {
            // Without it Word opens the draft in compatibility mode.
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }));
}
