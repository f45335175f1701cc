using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nmirf.Drafting.Rendering;

/// <summary>
/// The styles and numbering definitions of a Word draft. Headings use Word's built-in style names ("heading 1" ...)
/// so that the navigation pane, the table of contents and translated Word interfaces recognise them; the body is
/// Times New Roman 10 pt as UN documents are set.
/// </summary>
internal static class DocxStyles
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Quote = "Quote";
    public const string ListParagraph = "ListParagraph";
    public const string Code = "Code";
    public const string TableText = "TableText";
    public const string FootnoteText = "FootnoteText";
    public const string Header = "Header";
    public const string Footer = "Footer";
    public const string CoverSymbol = "CoverSymbol";
    public const string CoverMeta = "CoverMeta";
    public const string CoverBody = "CoverBody";
    public const string CoverLine = "CoverLine";
    public const string CoverStatus = "CoverStatus";

    public const string FootnoteReference = "FootnoteReference";
    public const string Hyperlink = "Hyperlink";
    public const string CodeChar = "CodeChar";

    /// <summary>The numbering instance of the report's numbered paragraphs: one sequence for the whole document.</summary>
    public const int ParagraphNumbering = 1;

    /// <summary>The numbering instance every bulleted list shares (bullets do not count, so nothing needs restarting).</summary>
    public const int BulletNumbering = 2;

    /// <summary>The first instance left for ordered lists, each of which gets its own so that it starts at its own number.</summary>
    public const int FirstOrderedNumbering = 3;

    public const int OrderedAbstract = 2;

    /// <summary>Word's levels: a list nested deeper is drawn at the last one.</summary>
    public const int MaxListLevel = 8;

    private const string BodyFont = "Times New Roman";
    private const string MonospaceFont = "Courier New";

    /// <summary>Twips (1/20 pt) of one centimetre, rounded as Word rounds it.</summary>
    public const int Centimetre = 567;

    public static string HeadingStyle(int level) => "Heading" + Math.Clamp(level, 1, 4).ToString(Invariant);

    public static Styles Create(string languageTag)
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont, ComplexScript = BodyFont },
                    new FontSize { Val = "20" },
                    new FontSizeComplexScript { Val = "20" },
                    // Arabic text in a draft (a quoted law, a name) is proofed and shaped as Arabic, the rest in the draft's language.
                    new Languages { Val = languageTag, EastAsia = "zh-CN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(
            ParagraphStyle(Normal, "Normal", basedOn: null, isDefault: true, primary: true,
                new StyleParagraphProperties(
                    new WidowControl(),
                    new SpacingBetweenLines { After = "120" },
                    new Justification { Val = JustificationValues.Both }),
                runProperties: null),
            Heading(1, sizeHalfPoints: 28, before: 360, after: 240, italic: false),
            Heading(2, sizeHalfPoints: 24, before: 360, after: 240, italic: false),
            Heading(3, sizeHalfPoints: 20, before: 240, after: 120, italic: false),
            Heading(4, sizeHalfPoints: 20, before: 240, after: 120, italic: true),
            ParagraphStyle(Title, "Title", Normal, isDefault: false, primary: true,
                new StyleParagraphProperties(
                    new KeepNext(),
                    new SpacingBetweenLines { Before = "480", After = "360" },
                    new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(new Bold(), new BoldComplexScript(), new FontSize { Val = "34" }, new FontSizeComplexScript { Val = "34" })),
            ParagraphStyle(Quote, "Quote", Normal, isDefault: false, primary: true,
                new StyleParagraphProperties(new Indentation { Left = (2 * Centimetre).ToString(Invariant), Right = Centimetre.ToString(Invariant) }),
                runProperties: null),
            ParagraphStyle(ListParagraph, "List Paragraph", Normal, isDefault: false, primary: true,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }, new ContextualSpacing()),
                runProperties: null),
            ParagraphStyle(Code, "Code", Normal, isDefault: false, primary: false,
                new StyleParagraphProperties(
                    new SpacingBetweenLines { After = "120" },
                    new Indentation { Left = Centimetre.ToString(Invariant) },
                    new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(Monospace(), new NoProof(), new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            ParagraphStyle(TableText, "Table Text", Normal, isDefault: false, primary: false,
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40" }, new Justification { Val = JustificationValues.Left }),
                runProperties: null),
            ParagraphStyle(FootnoteText, "footnote text", Normal, isDefault: false, primary: false,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(new FontSize { Val = "17" }, new FontSizeComplexScript { Val = "17" })),
            ParagraphStyle(Header, "header", Normal, isDefault: false, primary: false,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right }),
                new StyleRunProperties(new Bold(), new BoldComplexScript(), new FontSize { Val = "17" }, new FontSizeComplexScript { Val = "17" })),
            ParagraphStyle(Footer, "footer", Normal, isDefault: false, primary: false,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new FontSize { Val = "17" }, new FontSizeComplexScript { Val = "17" })),
            ParagraphStyle(CoverSymbol, "Cover Symbol", Normal, isDefault: false, primary: false,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Right }),
                new StyleRunProperties(new Bold(), new BoldComplexScript(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })),
            ParagraphStyle(CoverMeta, "Cover Distribution", Normal, isDefault: false, primary: false,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right }),
                runProperties: null),
            ParagraphStyle(CoverBody, "Cover Body", Normal, isDefault: false, primary: false,
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "600", After = "120" }, new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(new Bold(), new BoldComplexScript(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })),
            ParagraphStyle(CoverLine, "Cover Line", Normal, isDefault: false, primary: false,
                new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }, new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })),
            ParagraphStyle(CoverStatus, "Cover Status", Normal, isDefault: false, primary: false,
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "480" }, new Justification { Val = JustificationValues.Left }),
                new StyleRunProperties(new Bold(), new BoldComplexScript(), new Italic(), new ItalicComplexScript(), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })),
            CharacterStyle("DefaultParagraphFont", "Default Paragraph Font", isDefault: true, runProperties: null),
            CharacterStyle(FootnoteReference, "footnote reference", isDefault: false,
                new StyleRunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript })),
            CharacterStyle(Hyperlink, "Hyperlink", isDefault: false,
                new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single })),
            CharacterStyle(CodeChar, "Code Char", isDefault: false,
                new StyleRunProperties(Monospace(), new NoProof(), new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
            new Style(
                new StyleName { Val = "Normal Table" },
                new UIPriority { Val = 99 },
                new SemiHidden(),
                new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true },
            new Style(
                new StyleName { Val = "No List" },
                new UIPriority { Val = 99 },
                new SemiHidden(),
                new UnhideWhenUsed())
            { Type = StyleValues.Numbering, StyleId = "NoList", Default = true });

        return styles;
    }

    /// <summary>
    /// The abstract numbering definitions: the report's paragraph numbers ("1.", "2.", ... hanging at the margin),
    /// bullets, and ordered lists. The instances (<c>w:num</c>) are added after them by the writer, since the schema
    /// wants every abstract definition first.
    /// </summary>
    public static Numbering CreateNumbering()
    {
        var paragraphs = new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            NumberLevel(0, NumberFormatValues.Decimal, "%1.", left: Centimetre, hanging: Centimetre))
        { AbstractNumberId = 0 };

        var bullets = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = 1 };
        string[] bulletSymbols = ["\u2022", "\u25E6", "\u25AA"];
        for (var level = 0; level <= MaxListLevel; level++)
        {
            bullets.Append(NumberLevel(level, NumberFormatValues.Bullet, bulletSymbols[level % 3], ListIndent(level), hanging: 284));
        }

        var ordered = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = OrderedAbstract };
        for (var level = 0; level <= MaxListLevel; level++)
        {
            var marker = (level % 3) switch
            {
                0 => (NumberFormatValues.Decimal, "%{0}."),
                1 => (NumberFormatValues.LowerLetter, "(%{0})"),
                _ => (NumberFormatValues.LowerRoman, "(%{0})"),
            };
            var text = string.Format(Invariant, marker.Item2, level + 1);
            ordered.Append(NumberLevel(level, marker.Item1, text, ListIndent(level), hanging: 425));
        }

        return new Numbering(
            paragraphs,
            bullets,
            ordered,
            new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = ParagraphNumbering },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumbering });
    }

    /// <summary>Where a list level's text starts: lists sit inside the numbered paragraphs' text column.</summary>
    public static int ListIndent(int level) => (2 * Centimetre) + (level * Centimetre);

    private static System.Globalization.CultureInfo Invariant => System.Globalization.CultureInfo.InvariantCulture;

    private static RunFonts Monospace() => new() { Ascii = MonospaceFont, HighAnsi = MonospaceFont, ComplexScript = MonospaceFont, EastAsia = MonospaceFont };

    private static Level NumberLevel(int level, NumberFormatValues format, string text, int left, int hanging)
    {
        var numberLevel = new Level(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = format },
            new LevelText { Val = text },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = left.ToString(Invariant), Hanging = hanging.ToString(Invariant) }))
        { LevelIndex = level };
        if (format == NumberFormatValues.Bullet)
        {
            numberLevel.Append(new NumberingSymbolRunProperties(new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, ComplexScript = BodyFont }));
        }

        return numberLevel;
    }

    private static Style Heading(int level, int sizeHalfPoints, int before, int after, bool italic)
    {
        var size = sizeHalfPoints.ToString(Invariant);
        var run = new StyleRunProperties(new Bold(), new BoldComplexScript());
        if (italic)
        {
            run.Append(new Italic(), new ItalicComplexScript());
        }

        run.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        return ParagraphStyle(HeadingStyle(level), "heading " + level.ToString(Invariant), Normal, isDefault: false, primary: true,
            new StyleParagraphProperties(
                new KeepNext(),
                new KeepLines(),
                new SpacingBetweenLines { Before = before.ToString(Invariant), After = after.ToString(Invariant) },
                new Justification { Val = JustificationValues.Left },
                new OutlineLevel { Val = level - 1 }),
            run);
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault, bool primary, StyleParagraphProperties? paragraphProperties, StyleRunProperties? runProperties)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = Normal });
        }

        if (primary)
        {
            style.Append(new PrimaryStyle());
        }

        AppendIfNotNull(style, paragraphProperties);
        AppendIfNotNull(style, runProperties);
        return style;
    }

    private static Style CharacterStyle(string id, string name, bool isDefault, StyleRunProperties? runProperties)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Character, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
            style.Append(new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed());
        }

        AppendIfNotNull(style, runProperties);
        return style;
    }

    private static void AppendIfNotNull(OpenXmlCompositeElement parent, OpenXmlElement? child)
    {
        if (child is not null)
        {
            parent.Append(child);
        }
    }
}
