using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using Nmirf.Drafting.Rendering;

namespace Nmirf.Drafting.Tests.Rendering;

public class DocxWriterTests
{
    [Fact]
    public void Write_EveryConstruct_PassesTheSdkValidator()
    {
        using var package = Render(RenderingSamples.Everything);

        AssertValid(package, new OpenXmlValidator());
        AssertValid(package, new OpenXmlValidator(FileFormatVersions.Microsoft365));
    }

    [Fact]
    public void Write_Headings_UseWordHeadingStylesWithOutlineLevels()
    {
        using var package = Render(RenderingSamples.Everything);
        var main = package.MainDocumentPart!;

        var headingStyles = Paragraphs(main)
            .Select(StyleOf)
            .Where(style => style?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(["Heading1", "Heading2", "Heading3", "Heading4", "Heading4"], headingStyles);

        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        for (var level = 1; level <= 4; level++)
        {
            var style = styles["Heading" + level];
            Assert.Equal("heading " + level, style.StyleName!.Val!.Value);
            Assert.Equal(level - 1, style.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        }

        Assert.Equal("Times New Roman", main.StyleDefinitionsPart.Styles.DocDefaults!.Descendants<RunFonts>().Single().Ascii!.Value);
    }

    [Fact]
    public void Write_TopLevelParagraphs_AreNumberedByOneWordSequence()
    {
        var document = RenderingSamples.Parse(RenderingSamples.Everything);
        Assert.Equal(RenderingSamples.NumberedParagraphs, document.Descendants<ParagraphBlock>().Count(DraftMarkdown.IsNumbered));

        using var package = Render(document);
        var main = package.MainDocumentPart!;
        var numbered = Paragraphs(main).Where(p => NumberingId(p) == DocxStyles.ParagraphNumbering).ToList();

        Assert.Equal(RenderingSamples.NumberedParagraphs, numbered.Count);
        Assert.All(numbered, p => Assert.Equal(0, p.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value));
        Assert.StartsWith("The State party submits", numbered[0].InnerText, StringComparison.Ordinal);
        Assert.Equal("Filler paragraph 30 of the body.", numbered[^1].InnerText);

        // The definition is real Word numbering: "%1." with a hanging indent.
        var numbering = main.NumberingDefinitionsPart!.Numbering!;
        var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == DocxStyles.ParagraphNumbering);
        var level = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == instance.AbstractNumId!.Val!.Value).Elements<Level>().Single();
        Assert.Equal("%1.", level.LevelText!.Val!.Value);
        Assert.Equal(NumberFormatValues.Decimal, level.NumberingFormat!.Val!.Value);
        Assert.NotNull(level.PreviousParagraphProperties!.Indentation!.Hanging);
    }

    [Fact]
    public void Write_QuotesListsTablesAndNotes_AreNotNumbered()
    {
        using var package = Render(RenderingSamples.Everything);
        var main = package.MainDocumentPart!;

        var quotes = Paragraphs(main).Where(p => StyleOf(p) == DocxStyles.Quote).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, p => Assert.Null(NumberingId(p)));

        var listItems = Paragraphs(main).Where(p => StyleOf(p) == DocxStyles.ListParagraph).ToList();
        Assert.Equal(7, listItems.Count);
        Assert.All(listItems, p => Assert.NotEqual(DocxStyles.ParagraphNumbering, NumberingId(p)));

        var table = main.Document!.Body!.Elements<Table>().Single();
        Assert.All(table.Descendants<Paragraph>(), p => Assert.Null(NumberingId(p)));
        Assert.All(main.FootnotesPart!.Footnotes!.Descendants<Paragraph>(), p => Assert.Null(NumberingId(p)));
    }

    [Fact]
    public void Write_NestedLists_UseBulletAndOrderedDefinitionsAtTheirLevel()
    {
        using var package = Render(RenderingSamples.Everything);
        var main = package.MainDocumentPart!;
        var items = Paragraphs(main).Where(p => StyleOf(p) == DocxStyles.ListParagraph)
            .Select(p => (Text: p.InnerText, p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value, Level: p.ParagraphProperties.NumberingProperties.NumberingLevelReference!.Val!.Value))
            .ToList();

        Assert.Equal(("First bullet", DocxStyles.BulletNumbering, 0), items[0]);
        Assert.Equal(("Nested bullet", DocxStyles.BulletNumbering, 1), items[2]);
        Assert.Equal("Nested ordered item", items[3].Text);
        Assert.Equal(2, items[3].Level);
        Assert.Equal(("Third bullet", DocxStyles.BulletNumbering, 0), items[4]);

        // The ordered list that starts at 3 has a numbering instance of its own that starts there.
        var third = items.Single(i => i.Text == "Third ordered item");
        Assert.Equal(third.Value, items.Single(i => i.Text == "Fourth ordered item").Value);
        var instance = main.NumberingDefinitionsPart!.Numbering!.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == third.Value);
        Assert.Equal(DocxStyles.OrderedAbstract, instance.AbstractNumId!.Val!.Value);
        Assert.Equal(3, instance.Elements<LevelOverride>().Single().StartOverrideNumberingValue!.Val!.Value);
    }

    [Fact]
    public void Write_InlineFormatting_BecomesRunProperties()
    {
        using var package = Render(RenderingSamples.Everything);
        var runs = package.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();

        Assert.NotNull(runs.Single(r => r.InnerText == "seventh").RunProperties!.Italic);
        Assert.NotNull(runs.Single(r => r.InnerText == "strong").RunProperties!.Bold);
        Assert.Equal(DocxStyles.CodeChar, runs.Single(r => r.InnerText == "code").RunProperties!.RunStyle!.Val!.Value);
        Assert.Contains(runs, r => r.GetFirstChild<Break>() is not null);
        Assert.Contains(runs, r => r.InnerText.Contains("Le Comité note avec préoccupation", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.InnerText.Contains("تلتزم الدولة الطرف", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Links_OnlyWebAndMailAddressesBecomeHyperlinks()
    {
        using var package = Render(RenderingSamples.Everything);
        var main = package.MainDocumentPart!;
        var hyperlinks = main.Document!.Body!.Descendants<Hyperlink>().ToList();

        Assert.Equal(["link", "mailto:focal.point@example.org"], hyperlinks.Select(h => h.InnerText));
        Assert.All(hyperlinks, h => Assert.Equal(DocxStyles.Hyperlink, h.Descendants<RunStyle>().First().Val!.Value));
        var targets = main.HyperlinkRelationships.Select(r => r.Uri.ToString()).ToList();
        Assert.Equal(["https://www.ohchr.org/en/treaty-bodies", "mailto:focal.point@example.org"], targets);

        var unsafeParagraph = Paragraphs(main).Single(p => p.InnerText.StartsWith("This paragraph has", StringComparison.Ordinal));
        Assert.DoesNotContain(unsafeParagraph.Descendants<Hyperlink>(), h => h.InnerText is "unsafe link" or "relative one");
        Assert.Contains("unsafe link", unsafeParagraph.InnerText, StringComparison.Ordinal);

        // A note's link belongs to the footnotes part.
        Assert.Equal("https://undocs.org/CCPR/C/MAR/7", main.FootnotesPart!.HyperlinkRelationships.Single().Uri.ToString());
    }

    [Fact]
    public void Write_RawHtml_IsWrittenAsLiteralText()
    {
        using var package = Render(RenderingSamples.Everything);
        var text = package.MainDocumentPart!.Document!.Body!.InnerText;

        Assert.Contains("<script>alert('block')</script>", text, StringComparison.Ordinal);
        Assert.Contains("Inline <script>alert('inline')</script> raw HTML", text, StringComparison.Ordinal);
        Assert.Contains("code <b>block</b>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Footnotes_AreWordFootnotesReferencedFromTheText()
    {
        using var package = Render(RenderingSamples.Everything);
        var main = package.MainDocumentPart!;
        var notes = main.FootnotesPart!.Footnotes!.Elements<Footnote>().ToList();

        Assert.Equal([-1L, 0L, 1L, 2L], notes.Select(n => n.Id!.Value));
        Assert.Equal(FootnoteEndnoteValues.Separator, notes[0].Type!.Value);
        Assert.Equal(FootnoteEndnoteValues.ContinuationSeparator, notes[1].Type!.Value);
        Assert.Contains("The first note", notes[2].InnerText, StringComparison.Ordinal);
        Assert.Contains("Une deuxième note", notes[3].InnerText, StringComparison.Ordinal);
        Assert.NotNull(notes[2].Descendants<FootnoteReferenceMark>().SingleOrDefault());

        var body = main.Document!.Body!;
        var references = body.Descendants<FootnoteReference>().ToList();
        Assert.Equal([1L, 2L], references.Select(r => r.Id!.Value));
        Assert.All(references, r => Assert.Equal(DocxStyles.FootnoteReference, ((Run)r.Parent!).RunProperties!.RunStyle!.Val!.Value));

        // The second reference to each note points to its number instead of printing the note twice.
        var noteReferences = body.Descendants<SimpleField>().Where(f => f.Instruction!.Value!.Contains("NOTEREF", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, noteReferences.Count);
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToList();
        Assert.All(noteReferences, f => Assert.Contains(bookmarks, b => f.Instruction!.Value!.Contains(b!, StringComparison.Ordinal)));

        // The notes' Markdown definitions are not body text.
        Assert.DoesNotContain("The first note", body.InnerText, StringComparison.Ordinal);
        var superscript = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == DocxStyles.FootnoteReference);
        Assert.Equal(VerticalPositionValues.Superscript, superscript.StyleRunProperties!.VerticalTextAlignment!.Val!.Value);
    }

    [Fact]
    public void Write_Table_HasARepeatedBoldHeaderRowBordersAndWidthsOverThePage()
    {
        using var package = Render(RenderingSamples.Everything);
        var table = package.MainDocumentPart!.Document!.Body!.Elements<Table>().Single();

        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, widths.Count);
        Assert.Equal(DocxWriter.TextWidth, widths.Sum());
        Assert.NotNull(table.GetFirstChild<TableProperties>()!.TableBorders);

        var rows = table.Elements<TableRow>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Null(rows[1].TableRowProperties);
        Assert.All(rows[0].Descendants<Run>(), r => Assert.NotNull(r.RunProperties?.Bold));
        Assert.Equal(["Article", "Status", "Year"], rows[0].Elements<TableCell>().Select(c => c.InnerText));
        Assert.Equal(JustificationValues.Center, rows[1].Elements<TableCell>().ElementAt(1).Descendants<Justification>().Single().Val!.Value);
    }

    [Fact]
    public void Write_PageFurniture_FooterPageNumberHeaderSymbolA4()
    {
        using var package = Render(RenderingSamples.Everything);
        var main = package.MainDocumentPart!;

        Assert.Equal(2, main.FooterParts.Count());
        Assert.All(main.FooterParts, f => Assert.Contains(
            f.Footer!.Descendants<SimpleField>(),
            field => field.Instruction!.Value!.Trim().StartsWith("PAGE", StringComparison.Ordinal)));
        Assert.Equal(RenderingSamples.Symbol, main.HeaderParts.Single().Header!.InnerText);

        var sections = main.Document!.Body!.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        Assert.Empty(sections[0].Elements<HeaderReference>());
        Assert.Single(sections[1].Elements<HeaderReference>());
        Assert.All(sections, s => Assert.Equal(11906U, s.GetFirstChild<PageSize>()!.Width!.Value));
        Assert.Same(sections[^1], main.Document.Body.LastChild);
    }

    [Fact]
    public void Write_Cover_ComesFirstAndEndsTheFirstSection()
    {
        using var package = Render(RenderingSamples.Everything);
        var main = package.MainDocumentPart!;
        var paragraphs = Paragraphs(main).ToList();

        Assert.Equal(
            [RenderingSamples.Symbol, "Distr.: General", "12 March 2025", "Original: English", "Human Rights Committee",
                "International Covenant on Civil and Political Rights", RenderingSamples.Cover().Title, "Morocco", "Draft"],
            paragraphs.Take(9).Select(p => p.InnerText));
        Assert.Equal(DocxStyles.Title, StyleOf(paragraphs[6]));
        Assert.NotNull(paragraphs[8].ParagraphProperties!.SectionProperties);
        Assert.Equal("I. Introduction", paragraphs[9].InnerText);
    }

    [Fact]
    public void Write_FrenchWithoutSymbol_LocalisesTheCoverAndOmitsTheSymbol()
    {
        using var package = Render(RenderingSamples.Everything, RenderingSamples.Cover("fr", symbol: null));
        var main = package.MainDocumentPart!;

        Assert.Equal(
            ["Distr. générale", "12 mars 2025", "Original : français"],
            Paragraphs(main).Take(3).Select(p => p.InnerText));
        Assert.Empty(main.HeaderParts);
        Assert.Equal("fr-FR", main.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<Languages>().Single().Val!.Value);
        AssertValid(package, new OpenXmlValidator());
    }

    [Theory]
    [InlineData("es", "Distr. general", "12 de marzo de 2025")]
    [InlineData("pt", "Distr. geral", "12 de março de 2025")]
    [InlineData("en", "Distr.: General", "12 March 2025")]
    public void Write_Language_SetsTheCoverWordsAndTheDocumentLanguage(string language, string distribution, string date)
    {
        using var package = Render("Text.", RenderingSamples.Cover(language));
        var main = package.MainDocumentPart!;
        var paragraphs = Paragraphs(main).ToList();

        Assert.Equal(distribution, paragraphs[1].InnerText);
        Assert.Equal(date, paragraphs[2].InnerText);
        Assert.StartsWith(language + "-", main.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<Languages>().Single().Val!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CoreProperties_CarryTitleAndCreator()
    {
        using var package = Render("Text.");

        Assert.Equal(RenderingSamples.Cover().Title, package.PackageProperties.Title);
        Assert.Equal("Nmirf", package.PackageProperties.Creator);
        Assert.Equal("en-GB", package.PackageProperties.Language);
    }

    [Fact]
    public void Write_ControlCharactersAndLoneSurrogates_AreDroppedAndTheDocumentStaysValid()
    {
        using var package = Render("Bad \u0001char\u000B and a lone \uD800 surrogate, an emoji \U0001F600 kept.\n", RenderingSamples.Cover() with { Title = "Title\u0007" });
        var text = Paragraphs(package.MainDocumentPart!).Last().InnerText;

        Assert.Equal("Bad char and a lone  surrogate, an emoji \U0001F600 kept.", text);
        Assert.Equal("Title", package.PackageProperties.Title);
        AssertValid(package, new OpenXmlValidator());
    }

    [Fact]
    public void Write_UnusualAddresses_BecomeValidHyperlinksOrPlainText()
    {
        const string Markdown = """
            Links: <https://example.org/résumé?a=1&b=2#part>, [mail](mailto:focal.point@example.org?subject=Rapport%20p%C3%A9riodique),
            [upper](HTTPS://EXAMPLE.ORG/X), [data](data:text/html;base64,PHNjcmlwdD4=), [file](file:///etc/passwd),
            [vb](vbscript:msgbox), [spaced]( javascript:alert(1) ), [empty]().
            """;

        using var package = Render(Markdown);
        var main = package.MainDocumentPart!;

        Assert.Equal(["https://example.org/résumé?a=1&b=2#part", "mail", "upper"], main.Document!.Body!.Descendants<Hyperlink>().Select(h => h.InnerText));
        Assert.All(main.HyperlinkRelationships, r => Assert.True(r.Uri.Scheme is "https" or "mailto", r.Uri.ToString()));
        AssertValid(package, new OpenXmlValidator());
    }

    [Fact]
    public void Write_ReportOfThreeHundredSections_NumbersEveryParagraphOnce()
    {
        var document = RenderingSamples.Parse(RenderingSamples.Report(sections: 300, paragraphsPerSection: 1));

        using var package = Render(document);
        var main = package.MainDocumentPart!;

        Assert.Equal(300, Paragraphs(main).Count(p => NumberingId(p) == DocxStyles.ParagraphNumbering));
        Assert.Equal(300, Paragraphs(main).Count(p => StyleOf(p) == "Heading2"));
        Assert.Single(main.Document!.Body!.Descendants<FootnoteReference>());
        Assert.Equal(299, main.Document.Body.Descendants<SimpleField>().Count());
    }

    [Fact]
    public void Write_ToAStreamThatOnlyWrites_WritesTheWholePackage()
    {
        using var target = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(target))
        {
            DocxWriter.Write(RenderingSamples.Parse("Text."), RenderingSamples.Cover(), forwardOnly);
        }

        target.Position = 0;
        using var package = WordprocessingDocument.Open(target, isEditable: false);
        Assert.Equal("Text.", Paragraphs(package.MainDocumentPart!).Last().InnerText);
    }

    private static WordprocessingDocument Render(string markdown, DraftCover? cover = null) => Render(RenderingSamples.Parse(markdown), cover);

    private static WordprocessingDocument Render(MarkdownDocument document, DraftCover? cover = null)
    {
        var stream = new MemoryStream();
        DocxWriter.Write(document, cover ?? RenderingSamples.Cover(), stream);
        stream.Position = 0;
        return WordprocessingDocument.Open(stream, isEditable: false);
    }

    private static IEnumerable<Paragraph> Paragraphs(MainDocumentPart main) => main.Document!.Body!.Elements<Paragraph>();

    private static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    private static int? NumberingId(Paragraph paragraph) => paragraph.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value;

    private static void AssertValid(WordprocessingDocument package, OpenXmlValidator validator)
    {
        var errors = validator.Validate(package).ToList();
        Assert.True(errors.Count == 0, string.Join(
            Environment.NewLine,
            errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    /// <summary>A destination like a response body: written forwards only.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
