using System.Globalization;
using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nmirf.Recommendations.Contracts;

namespace Nmirf.Recommendations.Export;

/// <summary>
/// Writes an .xlsx workbook of recommendations, every part with <see cref="OpenXmlWriter"/> and the worksheet one row at a
/// time. The package is opened write-only with System.IO.Packaging rather than through <see cref="SpreadsheetDocument"/>:
/// a package open for reading and writing keeps each part in memory until it closes, while a write-only one deflates a
/// part straight to the destination as it is written. Parts are therefore written once each, the worksheet first and the
/// workbook, which names the rows the filter covers, last.
/// </summary>
internal static class XlsxSheetWriter
{
    public const string SheetName = "Recommendations";

    /// <summary>The most characters an Excel cell holds; longer text is cut with an ellipsis.</summary>
    public const int MaxCellChars = 32_767;

    /// <summary>The number format of date cells, as the CSV export writes dates (custom formats start at id 164).</summary>
    public const string DateFormatCode = "yyyy-mm-dd";

    public const uint DateFormatId = 164;

    public const uint HeaderStyle = 1;
    public const uint DateStyle = 2;
    public const uint BodyStyle = 3;
    public const uint WrappedStyle = 4;

    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SpreadsheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    /// <summary>Day 0 of the 1900 date system as serial numbers count it (the count skips Excel's 29 February 1900).</summary>
    private static readonly DateOnly SerialEpoch = new(1899, 12, 30);

    /// <summary>The first date the serial number counted from <see cref="SerialEpoch"/> is right for; earlier dates are written as text.</summary>
    private static readonly DateOnly FirstSerialDate = new(1900, 3, 1);

    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<RecommendationView> rows, CancellationToken ct)
    {
        var columns = ExportColumns.All;
        var letters = Enumerable.Range(0, columns.Count).Select(ColumnName).ToArray();

        // In a write-only package, creating a part finishes the one before: each part is created just before it is written.
        using var package = Package.Open(destination, FileMode.Create, FileAccess.Write);
        var worksheet = package.CreatePart(new Uri("/xl/worksheets/sheet1.xml", UriKind.Relative), SpreadsheetContentType + "worksheet+xml", CompressionOption.Normal);

        uint lastRow;
        using (var stream = worksheet.GetStream(FileMode.Create, FileAccess.Write))
        using (var writer = OpenXmlWriter.Create(stream))
        {
            writer.WriteStartDocument(standalone: true);
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(FrozenHeaderView());
            writer.WriteElement(new Columns(columns.Select((c, i) => new Column
            {
                Min = (uint)i + 1,
                Max = (uint)i + 1,
                Width = c.Width,
                CustomWidth = true,
            })));

            writer.WriteStartElement(new SheetData());
            lastRow = 1;
            writer.WriteStartElement(new Row { RowIndex = lastRow });
            for (var i = 0; i < columns.Count; i++)
            {
                writer.WriteElement(TextCell(letters[i] + "1", columns[i].Header, HeaderStyle));
            }

            writer.WriteEndElement();

            await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                lastRow++;
                var number = lastRow.ToString(CultureInfo.InvariantCulture);
                writer.WriteStartElement(new Row { RowIndex = lastRow });
                for (var i = 0; i < columns.Count; i++)
                {
                    if (DataCell(letters[i] + number, columns[i].Value(row), columns[i].Wrap) is { } cell)
                    {
                        writer.WriteElement(cell);
                    }
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteElement(new AutoFilter { Reference = $"A1:{letters[^1]}{lastRow.ToString(CultureInfo.InvariantCulture)}" });
            writer.WriteEndElement();
        }

        var styles = package.CreatePart(new Uri("/xl/styles.xml", UriKind.Relative), SpreadsheetContentType + "styles+xml", CompressionOption.Normal);
        WritePart(styles, Styles());

        var workbook = package.CreatePart(new Uri("/xl/workbook.xml", UriKind.Relative), SpreadsheetContentType + "sheet.main+xml", CompressionOption.Normal);
        package.CreateRelationship(workbook.Uri, TargetMode.Internal, RelationshipNamespace + "/officeDocument", "rId1");
        var worksheetId = workbook.CreateRelationship(new Uri("worksheets/sheet1.xml", UriKind.Relative), TargetMode.Internal, RelationshipNamespace + "/worksheet", "rId1").Id;
        workbook.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, RelationshipNamespace + "/styles", "rId2");
        var root = new Workbook(
            new BookViews(new WorkbookView()),
            new Sheets(new Sheet { Name = SheetName, SheetId = 1U, Id = worksheetId }),
            new DefinedNames(new DefinedName
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = 0U,
                Hidden = true,
                Text = $"{SheetName}!$A$1:${letters[^1]}${lastRow.ToString(CultureInfo.InvariantCulture)}",
            }));
        root.AddNamespaceDeclaration("r", RelationshipNamespace);
        WritePart(workbook, root);
    }

    private static void WritePart(PackagePart part, OpenXmlElement root)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(standalone: true);
        writer.WriteElement(root);
    }

    /// <summary>The column name of the 0-based column <paramref name="index"/>: A, B, ... Z, AA, AB ...</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The serial number Excel stores for <paramref name="date"/> in the 1900 date system.</summary>
    public static int SerialNumber(DateOnly date) => date.DayNumber - SerialEpoch.DayNumber;

    private static Cell? DataCell(string reference, ExportCell value, bool wrap) => value.Kind switch
    {
        ExportCellKind.Text => TextCell(reference, value.Text, wrap ? WrappedStyle : BodyStyle),
        ExportCellKind.Number => new Cell(new CellValue(value.Number)) { CellReference = reference, StyleIndex = BodyStyle },
        ExportCellKind.Date when value.Date >= FirstSerialDate =>
            new Cell(new CellValue(SerialNumber(value.Date))) { CellReference = reference, StyleIndex = DateStyle },
        ExportCellKind.Date => TextCell(reference, value.ToText(), BodyStyle),
        _ => null,
    };

    private static Cell TextCell(string reference, string text, uint style)
    {
        var clean = XmlSafe(text);
        var content = new Text(clean);
        if (clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1])))
        {
            content.Space = SpaceProcessingModeValues.Preserve;
        }

        return new Cell(new InlineString(content)) { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style };
    }

    /// <summary>
    /// <paramref name="text"/> without the characters XML 1.0 cannot carry (control characters other than tab, line
    /// feed and carriage return; lone surrogates), cut to <see cref="MaxCellChars"/>.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                builder?.Append(c);
                if (pair)
                {
                    builder?.Append(text[++i]);
                }

                continue;
            }

            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
        }

        var clean = builder?.ToString() ?? text;
        if (clean.Length <= MaxCellChars)
        {
            return clean;
        }

        var cut = MaxCellChars - 1;
        if (char.IsHighSurrogate(clean[cut - 1]))
        {
            cut--;
        }

        return string.Concat(clean.AsSpan(0, cut), "…");
    }

    private static SheetViews FrozenHeaderView() =>
        new(new SheetView(
            new Pane
            {
                VerticalSplit = 1D,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            TabSelected = true,
            WorkbookViewId = 0U,
        });

    private static Stylesheet Styles()
    {
        static Font Font(bool bold)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = 11D }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
            return font;
        }

        static CellFormat Format(uint numberFormat = 0, uint font = 0, Alignment? alignment = null)
        {
            var format = new CellFormat { NumberFormatId = numberFormat, FontId = font, FillId = 0U, BorderId = 0U, FormatId = 0U };
            if (numberFormat != 0)
            {
                format.ApplyNumberFormat = true;
            }

            if (font != 0)
            {
                format.ApplyFont = true;
            }

            if (alignment is not null)
            {
                format.ApplyAlignment = true;
                format.Append(alignment);
            }

            return format;
        }

        // The cell formats, in the order of the style indexes above.
        var cellFormats = new CellFormats(
            Format(),
            Format(font: 1),
            Format(numberFormat: DateFormatId, alignment: new Alignment { Vertical = VerticalAlignmentValues.Top }),
            Format(alignment: new Alignment { Vertical = VerticalAlignmentValues.Top }),
            Format(alignment: new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true }));
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = DateFormatCode }) { Count = 1U },
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            cellFormats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }
}
